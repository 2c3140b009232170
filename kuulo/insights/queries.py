"""Read-side helpers of the insight repository: lists, evidence and scores.

Segment scores come from the rollups through `feedback.histograms`
and `Metric.score`, so small-n suppression applies as everywhere else.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kuulo.dashboards.figures import Segment
from kuulo.feedback.histograms import histograms
from kuulo.feedback.models import Comment
from kuulo.insights.models import CommentEvidence, Insight, SegmentEvidence
from kuulo.metrics.scoring import Score
from kuulo.organisation.access import role_on
from kuulo.organisation.models import Role, Service


def insights_for_comments(comment_ids) -> dict[int, list[Insight]]:
    """comment id → the insights it is evidence for (one query), for the comments panel."""
    found: dict[int, list[Insight]] = defaultdict(list)
    links = (
        CommentEvidence.objects.filter(comment_id__in=list(comment_ids))
        .select_related("insight")
        .order_by("insight__updated_at", "pk")
    )
    for link in links:
        link.insight.evidence_id = link.pk
        found[link.comment_id].append(link.insight)
    return dict(found)


def can_contribute(service: Service, user) -> bool:
    """Team members, product owners and organisation admins create insights and add evidence.
    `service` from `get_service_for_user` carries `my_role`; otherwise it is looked up."""
    if user.is_org_admin:
        return True
    my_role = service.my_role if hasattr(service, "my_role") else role_on(user, service)
    return my_role is not None and my_role.rank >= Role.TEAM_MEMBER.rank


def insight_choices(service: Service) -> list[Insight]:
    """The service's insights for a menu, open ones first."""
    insights = Insight.objects.filter(service=service).only("pk", "statement", "status", "service_id")
    archived = Insight.Status.ARCHIVED
    return sorted(insights, key=lambda insight: (insight.status == archived, insight.statement.casefold()))


def comments_panel_context(service: Service, comments, user) -> dict:
    """What `insights/_comment_insights.html` needs besides `comment`, for a list of comments of `service`."""
    return {
        "insights_by_comment": insights_for_comments(comment.pk for comment in comments),
        "service_insights": insight_choices(service),
        "can_link_insights": can_contribute(service, user),
    }


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
            comment_count=Count("comment_evidence", distinct=True),
            segment_count=Count("segment_evidence", distinct=True),
        )
        .order_by("-updated_at", "-pk")
    )


def comment_evidence(insight: Insight) -> list[CommentEvidence]:
    links = (
        insight.comment_evidence.select_related("comment__response", "added_by")
        .order_by("-comment__response__responded_at", "pk")
        .all()
    )
    for link in links:
        link.panel_url = comment_url(link.comment, insight.service_id)
    return list(links)


def comment_url(comment: Comment, service_id: int) -> str:
    """Where staff read the comment among the others: the service's comments page on the
    comment's day (so it is on the first page), scrolled to the comment."""
    try:
        listing = reverse("comments:comment_list", args=[service_id])
    except NoReverseMatch:
        return reverse("dashboards:service_dashboard", args=[service_id])
    day = timezone.localdate(comment.response.responded_at).isoformat()
    return f"{listing}?start={day}&end={day}#comment-{comment.pk}-date"


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
