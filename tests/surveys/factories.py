"""Surveys for the builder tests and for the page list (tests/pages.py)."""

from kuulo.metrics.models import Metric
from kuulo.surveys.models import Question, SurveyVersion
from tests.factories import CollectionPointFactory, SurveyFactory, SurveyVersionFactory, published_survey
from tests.surveys.public_pages import ensure_metric_library


def draft_version(service, codes=("csat",), open_question: bool = True, **texts) -> SurveyVersion:
    """A complete draft (it could be published) of a new survey of `service`."""
    ensure_metric_library()
    version = SurveyVersionFactory(survey=SurveyFactory(service=service), status="draft", **texts)
    for position, code in enumerate(codes):
        Question.objects.create(
            version=version, position=position, kind="metric", metric=Metric.objects.get(code=code, version=1)
        )
    if open_question:
        Question.objects.create(
            version=version,
            position=len(codes),
            kind="open",
            text_fi="Mitä voisimme parantaa?",
            text_sv="Vad kunde vi förbättra?",
            text_en="What could we improve?",
        )
    return version


def draft_version_pk(service) -> list[int]:
    return [draft_version(service).pk]


def survey_pk(service) -> list[int]:
    version = draft_version(service)
    for kind in ("widget", "link", "qr", "api"):
        CollectionPointFactory(survey=version.survey, kind=kind, name=f"{kind} point")
    return [version.survey_id]


def point_pk(service) -> list[int]:
    return [CollectionPointFactory(survey=SurveyFactory(service=service)).pk]


def metric_pk(service) -> list[int]:
    ensure_metric_library()
    return [Metric.objects.get(code="csat", version=1).pk]


def question_pk(service) -> list[int]:
    return [draft_version(service).questions.order_by("position").first().pk]


def custom_metric_pk(service) -> list[int]:
    """A metric of the organisation's own, which (unlike a built-in) can be taken out of use."""
    ensure_metric_library()
    metric = Metric.objects.get(code="csat", version=1)
    metric.pk, metric.code, metric.is_builtin = None, "waiting_time", False
    metric.save()
    return [metric.pk]


def live_survey_pk(service) -> list[int]:
    """A survey collecting with its published version and no draft, so a new version can be started."""
    ensure_metric_library()
    version, _point = published_survey(service=service, codes=("csat",))
    return [version.survey_id]
