"""Args builders for tests/pages.py, and the data the insight tests share."""

import uuid
from datetime import timedelta

from django.utils import timezone

from kuulo.feedback.actions import record_many
from kuulo.feedback.models import Comment
from kuulo.feedback.submissions import clean_submission
from kuulo.insights.models import Insight, SegmentEvidence, Tag
from kuulo.metrics.models import Metric
from kuulo.traceability.actions import link
from tests.factories import published_survey
from tests.surveys.public_pages import ensure_metric_library

TEXTS = [
    "Jonotin puhelimessa yli puoli tuntia.",
    "Jonotusaika oli aivan liian pitkä.",
    "Palvelu oli ystävällistä ja nopeaa.",
]


def answered(service, count: int = 15, channel: str = "phone") -> list[Comment]:
    """`count` responses to a CSAT survey of `service` today, each with a comment."""
    ensure_metric_library()
    version, point = published_survey(service=service, codes=("csat",), open_question=True)
    question = version.questions.get(kind="open")
    submissions = [
        clean_submission(
            version,
            {
                "idempotency_key": str(uuid.uuid4()),
                "language": "fi",
                "channel": channel,
                "customer_group": "private-person",
                "touchpoint": "queue",
                "answers": {"csat": 1 + n % 5},
                "comments": {str(question.pk): TEXTS[n % len(TEXTS)]},
            },
        )
        for n in range(count)
    ]
    record_many(point, version, submissions)
    return list(Comment.objects.filter(response__service=service).order_by("pk"))


def insight_with_evidence(service) -> Insight:
    comments = answered(service)
    insight = Insight.objects.create(service=service, statement="Puhelinjonot ovat liian pitkiä.", status="confirmed")
    insight.tags.add(Tag.objects.get_or_create(name="jonot")[0])
    link(comments[0], insight, None, note="Tyypillinen")
    today = timezone.localdate()
    SegmentEvidence.objects.create(
        insight=insight,
        metric=Metric.objects.get(code="csat", version=1),
        start=today - timedelta(days=30),
        end=today,
        channel="phone",
    )
    return insight


def insight_args(service) -> list:
    return [service.pk, insight_with_evidence(service).pk]


def service_with_insight(service) -> list:
    insight_with_evidence(service)
    return [service.pk]


def everyone_with_insight(service) -> list:
    insight_with_evidence(service)
    return []


def segment_evidence_args(service) -> list:
    """[service, insight, the segment it rests on]."""
    insight = insight_with_evidence(service)
    return [service.pk, insight.pk, insight.segment_evidence.get().pk]
