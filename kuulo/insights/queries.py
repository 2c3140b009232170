"""Read-side helpers of the insight repository: lists, evidence and scores.

Segment scores come from the rollups through `feedback.histograms`
and `Metric.score`, so small-n suppression applies as everywhere else.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from kuulo.feedback.histograms import Segment, histograms
from kuulo.feedback.models import Comment
from kuulo.insights.models import Insight, SegmentEvidence
from kuulo.metrics.scoring import Score
from kuulo.organisation.models import Service
from kuulo.traceability import queries as links
from kuulo.traceability import registry


def insight_choices(service: Service) -> list[Insight]:
    """The service's insights for a menu, open ones first."""
    insights = Insight.objects.filter(service=service).only("pk", "statement", "status", "service_id")
    archived = Insight.Status.ARCHIVED
    return sorted(insights, key=lambda insight: (insight.status == archived, insight.statement.casefold()))


def insight_list(insights: QuerySet[Insight], filters: dict) -> QuerySet[Insight]:
    """Insights matching cleaned InsightFilters, with their service, tags and evidence counts."""
    if q := filters.get("q"):
        insights = insights.filter(Q(statement__icontains=q) | Q(tags__name__icontains=q))
    if status := filters.get("status"):
        insights = insights.filter(status=status)
    if tag := filters.get("tag"):
        insights = insights.filter(tags__name=tag)
    if service := filters.get("service"):
        insights = insights.filter(service_id=service)
    ids = insights.values("pk")
    return (
        Insight.objects.filter(pk__in=ids)
        .select_related("service")
        .prefetch_related("tags")
        .annotate(
            comment_count=links.source_count("insight", "comment"),
            segment_count=Count("segment_evidence", distinct=True),
        )
        .order_by("-updated_at", "-pk")
    )


def comment_evidence(insight: Insight) -> list[Comment]:
    """The insight's comments, newest first, each with `link_id`, `link_note` and `panel_url`."""
    comments = links.sources("insight", [insight.pk], "comment").get(insight.pk, [])
    comment_kind = registry.kind("comment")
    for comment in comments:
        comment.panel_url = comment_kind.url(comment)
    return comments


@dataclass(frozen=True)
class _FullSegment(Segment):
    """The dashboards' segment plus the touchpoint, which evidence may also name."""

    touchpoint: str = ""

    def lookups(self) -> dict:
        found = super().lookups()
        if self.touchpoint:
            found["touchpoint"] = self.touchpoint
        return found


@dataclass
class ScoredSegment:
    evidence: SegmentEvidence
    score: Score


def segment_score(evidence: SegmentEvidence) -> Score:
    """The segment's score now, from the rollups; suppressed below the minimum n."""
    segment = _FullSegment(evidence.channel, evidence.language, evidence.customer_group, evidence.touchpoint)
    found = histograms(
        start=evidence.start,
        end=evidence.end,
        services=[evidence.insight.service_id],
        metrics=[evidence.metric_id],
        segment=segment.lookups(),
        by=[],
    )
    return evidence.metric.score(found.get((), {}))


def segment_evidence(insight: Insight) -> list[ScoredSegment]:
    segments = insight.segment_evidence.select_related("metric", "added_by").order_by("start", "pk")
    scored = []
    for evidence in segments:
        evidence.insight = insight
        scored.append(ScoredSegment(evidence, segment_score(evidence)))
    return scored
