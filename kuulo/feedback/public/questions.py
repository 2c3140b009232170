"""A survey version's questions in one language, as the survey page and the
widget show them: question texts (with any {service} or {organisation} of a
custom metric filled in; the built-in ones name neither), every scale value
with its label, and the context line that names the service."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import override, pgettext
from django.utils.translation.trans_real import parse_accept_lang_header

from kuulo.feedback.submissions import questions_of
from kuulo.organisation.models import Organisation
from kuulo.surveys.models import Question, SurveyVersion


def survey_language(request: HttpRequest, version: SurveyVersion, requested: str | None = None) -> str:
    """?lang= when the survey has it, else the best Accept-Language match, else its first language."""
    languages = version.languages or [settings.LANGUAGE_CODE]
    requested = requested if requested is not None else request.GET.get("lang", "")
    if requested in languages:
        return requested
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code[:2] in languages:
            return code[:2]
    return languages[0]


def service_context(version: SurveyVersion, language: str) -> str:
    """The line above the questions that names the service: "Palvelu: Asumistuen verkkohakemus".

    The questions themselves never name it ("tähän palveluun", "tjänsten"), so
    no name ever needs inflecting."""
    with override(language):
        return pgettext("survey context line", "Service: %(name)s") % {"name": version.survey.service.name}


def names_in(version: SurveyVersion, language: str) -> dict[str, str]:
    with override(language):
        return {"service": version.survey.service.name, "organisation": Organisation.current().name}


def survey_questions(version: SurveyVersion, language: str) -> list[dict]:
    """Each question as a dict the templates and the widget config both read.

    metric: code, question, items (statement texts of multi-item metrics, else
    []), min, max, labels {value: text}, choices [(value, text)], hint, required.
    open: id, text, max_length, required."""
    names = names_in(version, language)
    shown = []
    for question in questions_of(version):
        if question.kind == Question.Kind.OPEN:
            shown.append(
                {
                    "kind": "open",
                    "id": question.pk,
                    "text": question.open_text(language),
                    "max_length": question.max_length,
                    "required": question.required,
                }
            )
            continue
        metric = question.metric
        labels = metric.scale_labels(language)
        every_value_labelled = all(value in labels for value in metric.scale())
        shown.append(
            {
                "kind": "metric",
                "code": metric.code,
                "question": metric.question(language, **names),
                "items": metric.item_texts(language, **names) if metric.items else [],
                "min": metric.scale_min,
                "max": metric.scale_max,
                "labels": labels,
                "choices": [(value, labels.get(value, str(value))) for value in metric.scale()],
                # An 0–10 scale labels only its ends: say what they mean next to the numbers.
                "hint": "" if every_value_labelled else " · ".join(f"{v} = {t}" for v, t in sorted(labels.items())),
                "numeric": not every_value_labelled,
                "required": question.required,
            }
        )
    return shown
