"""Comments with their analysis filled in, for the comment page tests and the
args builders of tests/pages.py. Fields the analysis would fill are set
directly, so these tests do not depend on the analysis itself."""

import uuid
from datetime import timedelta

from django.utils import timezone

from kuulo.comments.models import CommentReview, CommentTheme, Theme
from kuulo.feedback.models import Comment, Response
from kuulo.surveys.models import Question
from tests.factories import published_survey
from tests.surveys.public_pages import ensure_metric_library


def open_question(service) -> Question:
    question = Question.objects.filter(version__survey__service=service, kind="open").first()
    if question is None:
        ensure_metric_library()
        version, _point = published_survey(service=service, codes=("csat",), open_question=True)
        question = version.questions.get(kind="open")
    return question


def make_comment(
    service,
    text: str = "Palvelu oli nopeaa.",
    *,
    sentiment: str = "neutral",
    score: int | None = 50,
    language: str = "fi",
    detected: str | None = None,
    lemmas: str = "",
    days_ago: float = 1,
    channel: str = "web",
    status: str = Response.Status.ACCEPTED,
    themes=(),
    reviewed_by=None,
) -> Comment:
    question = open_question(service)
    version = question.version
    point = version.survey.collection_points.first()
    when = timezone.now() - timedelta(days=days_ago)
    response = Response.objects.create(
        survey_version=version,
        service=service,
        collection_point=point,
        idempotency_key=str(uuid.uuid4()),
        received_at=when,
        responded_at=when,
        channel=channel,
        language=language,
        status=status,
    )
    comment = Comment.objects.create(
        response=response,
        question=question,
        text=text,
        language=language,
        detected_language=language if detected is None else detected,
        lemmas=lemmas,
        sentiment=sentiment,
        score=score,
        analysed_at=when if sentiment else None,
    )
    for theme in themes:
        CommentTheme.objects.create(comment=comment, theme=theme)
    if reviewed_by is not None:
        CommentReview.objects.create(comment=comment, reviewed_by=reviewed_by)
    return comment


def auto_theme(service, name: str = "Jonotus") -> Theme:
    return Theme.objects.create(
        name_fi=name, kind=Theme.Kind.AUTO, service=service, top_terms={"fi": ["jono", "odottaa"], "en": ["queue"]}
    )


def rule_theme(service, name: str = "Asiointi", terms=("asiointi", "lomake")) -> Theme:
    return Theme.objects.create(name_fi=name, kind=Theme.Kind.RULE, service=service, terms=list(terms))


def with_comments(service) -> list:
    """A service with a few analysed comments in themes, one of them praise."""
    if Theme.objects.filter(service=service).exists():  # already built for another page of the same test
        return [service.pk]
    queue, rule = auto_theme(service), rule_theme(service)
    make_comment(service, "Jonossa meni tunti.", sentiment="negative", score=20, lemmas="jono tunti", themes=[queue])
    make_comment(service, "Kiitos, hyvää palvelua!", sentiment="positive", score=100, lemmas="kiitos hyvä palvelu")
    make_comment(service, "The form was fine.", sentiment="neutral", score=75, language="en", themes=[rule])
    return [service.pk]


def auto_theme_args(service) -> list:
    with_comments(service)
    return [service.pk, Theme.objects.get(service=service, kind=Theme.Kind.AUTO).pk]


def rule_theme_args(service) -> list:
    with_comments(service)
    return [service.pk, Theme.objects.get(service=service, kind=Theme.Kind.RULE).pk]


def organisation_praise(service) -> list:
    with_comments(service)
    return []


def comment_args(service) -> list:
    """[service, a comment of an accepted response to it]."""
    with_comments(service)
    return [service.pk, Comment.objects.filter(response__service=service).order_by("pk").first().pk]
