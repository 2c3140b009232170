"""Responses, comments, themes and insights for the export and read-API tests."""

import uuid
from datetime import timedelta

from django.utils import timezone

from kuulo.comments.models import CommentTheme, Theme
from kuulo.feedback.actions import record_many
from kuulo.feedback.models import Comment
from kuulo.feedback.submissions import clean_submission
from kuulo.insights.models import Insight, SegmentEvidence, Tag
from kuulo.metrics.models import Metric
from kuulo.surveys.models import Question
from kuulo.traceability.actions import link
from tests.factories import published_survey


def answer(service, count: int, *, days_ago: int = 1, channel: str = "web", language: str = "fi", text=None):
    """`count` responses to csat, nps and umux_lite `days_ago` days ago; every other one with a comment."""
    version, point = published_survey(service=service, codes=("csat", "nps", "umux_lite"))
    open_question = Question.objects.get(version=version, kind="open")
    submissions = []
    for n in range(count):
        data = {
            "idempotency_key": str(uuid.uuid4()),
            "language": language,
            "channel": channel,
            "answers": {"csat": 5 if n % 4 else 2, "nps": n % 11, "umux_lite": [6, 7]},
        }
        if n % 2 == 0:
            data["comments"] = {str(open_question.pk): text or f"Palvelu toimi hyvin {n}"}
        submission = clean_submission(version, data)
        submission.responded_at = timezone.now() - timedelta(days=days_ago)
        submissions.append(submission)
    record_many(point, version, submissions)
    return service


def theme_comments(service, name: str = "Jonotus") -> Theme:
    """A rule theme on the service's first two comments, marked positive."""
    theme = Theme.objects.create(name_fi=name, kind=Theme.Kind.RULE, service=service, terms=["jono"])
    comments = list(Comment.objects.filter(response__service=service).order_by("pk")[:2])
    for comment in comments:
        CommentTheme.objects.create(comment=comment, theme=theme)
        comment.sentiment = "positive"
        comment.detected_language = "fi"
        comment.save(update_fields=["sentiment", "detected_language"])
    return theme


def insight_with_evidence(service, status: str = "confirmed", tag: str = "jonot") -> Insight:
    insight = Insight.objects.create(service=service, statement="Puhelinjonot ovat liian pitkiä.", status=status)
    insight.tags.add(Tag.objects.get_or_create(name=tag)[0])
    comment = Comment.objects.filter(response__service=service).order_by("pk").first()
    if comment:
        link(comment, insight, None)
    today = timezone.localdate()
    SegmentEvidence.objects.create(
        insight=insight, metric=Metric.objects.get(code="csat", version=1), start=today - timedelta(days=30), end=today
    )
    return insight
