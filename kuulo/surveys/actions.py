"""Changes to surveys: drafts are built, published, closed and copied here.

A published version never changes; every function that changes questions or
texts checks `ensure_draft` first, and publishing closes the previous version
in the same transaction, so a survey has at most one live version.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

import kuulo.audit as audit
from kuulo.lib.translated import LANGUAGE_LABELS
from kuulo.metrics.models import Metric
from kuulo.surveys.models import Question, Survey, SurveyVersion

TEXT_FIELDS = [f"{field}_{code}" for field in ("title", "intro", "thank_you") for code in ("fi", "sv", "en")]


class NotEditable(Exception):
    """The version is published or closed: it can no longer change."""


class CannotPublish(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


class DraftExists(Exception):
    """The survey already has a draft; edit that instead of making another."""


def ensure_draft(version: SurveyVersion) -> None:
    if not version.is_editable:
        raise NotEditable(version.pk)


@transaction.atomic
def create_survey(service, name: str, languages: list[str]) -> Survey:
    """A survey with an empty first draft in `languages`."""
    survey = Survey.objects.create(service=service, name=name)
    SurveyVersion.objects.create(survey=survey, number=1, languages=languages)
    return survey


def add_metric_question(version: SurveyVersion, metric: Metric) -> Question:
    ensure_draft(version)
    return Question.objects.create(version=version, position=next_position(version), kind="metric", metric=metric)


def add_open_question(version: SurveyVersion, **fields) -> Question:
    ensure_draft(version)
    return Question.objects.create(version=version, position=next_position(version), kind="open", **fields)


def next_position(version: SurveyVersion) -> int:
    highest = version.questions.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def move_question(question: Question, step: int) -> bool:
    """Moves `question` one place up (step −1) or down (+1). False when it is already at the end."""
    ensure_draft(question.version)
    questions = list(question.version.questions.select_for_update().order_by("position", "pk"))
    index = next(i for i, other in enumerate(questions) if other.pk == question.pk)
    target = index + step
    if not 0 <= target < len(questions):
        return False
    questions[index], questions[target] = questions[target], questions[index]
    renumber(questions)
    return True


@transaction.atomic
def remove_question(question: Question) -> None:
    ensure_draft(question.version)
    version = question.version
    question.delete()
    renumber(list(version.questions.order_by("position", "pk")))


def renumber(questions: list[Question]) -> None:
    changed = []
    for position, question in enumerate(questions):
        if question.position != position:
            question.position = position
            changed.append(question)
    Question.objects.bulk_update(changed, ["position"])


def publishing_problems(version: SurveyVersion) -> list[str]:
    """What stops `version` from being published; empty when it can be."""
    problems = []
    if not version.is_editable:
        problems.append(_("Only a draft can be published."))
    if not version.languages:
        problems.append(_("Choose at least one language."))
    questions = list(version.questions.all())
    if not questions:
        problems.append(_("Add at least one question."))
    for code in version.languages:
        language = LANGUAGE_LABELS[code]
        if not getattr(version, f"title_{code}").strip():
            problems.append(_("The title in %(language)s is missing.") % {"language": language})
        if not getattr(version, f"thank_you_{code}").strip():
            problems.append(_("The thank-you text in %(language)s is missing.") % {"language": language})
        for position, question in enumerate(questions, start=1):
            if question.kind == Question.Kind.OPEN and not getattr(question, f"text_{code}").strip():
                problems.append(
                    _("Question %(number)s has no text in %(language)s.") % {"number": position, "language": language}
                )
    return problems


@transaction.atomic
def publish_version(version: SurveyVersion) -> SurveyVersion:
    """Makes a complete draft the survey's live version and closes the one before."""
    Survey.objects.select_for_update().get(pk=version.survey_id)
    version.refresh_from_db()
    if problems := publishing_problems(version):
        raise CannotPublish(problems)
    now = timezone.now()
    version.survey.versions.filter(status=SurveyVersion.Status.PUBLISHED).update(
        status=SurveyVersion.Status.CLOSED, closed_at=now
    )
    version.status = SurveyVersion.Status.PUBLISHED
    version.published_at = now
    version.save(update_fields=["status", "published_at"])
    audit.record(None, "survey.published", version.survey, version=version.number)
    return version


@transaction.atomic
def close_survey(survey: Survey) -> int:
    """Stops collecting: the live version is closed. Returns how many versions were closed."""
    Survey.objects.select_for_update().get(pk=survey.pk)
    return survey.versions.filter(status=SurveyVersion.Status.PUBLISHED).update(
        status=SurveyVersion.Status.CLOSED, closed_at=timezone.now()
    )


@transaction.atomic
def new_version(survey: Survey) -> SurveyVersion:
    """A draft copied from the live version (or the newest one), numbered after the newest."""
    Survey.objects.select_for_update().get(pk=survey.pk)
    versions = list(survey.versions.order_by("-number"))
    if any(version.status == SurveyVersion.Status.DRAFT for version in versions):
        raise DraftExists(survey.pk)
    source = next((v for v in versions if v.status == SurveyVersion.Status.PUBLISHED), versions[0])
    draft = SurveyVersion.objects.create(
        survey=survey,
        number=versions[0].number + 1,
        languages=list(source.languages),
        **{field: getattr(source, field) for field in TEXT_FIELDS},
    )
    Question.objects.bulk_create(
        Question(
            version=draft,
            position=question.position,
            kind=question.kind,
            metric_id=question.metric_id,
            text_fi=question.text_fi,
            text_sv=question.text_sv,
            text_en=question.text_en,
            required=question.required,
            max_length=question.max_length,
        )
        for question in source.questions.order_by("position", "pk")
    )
    return draft
