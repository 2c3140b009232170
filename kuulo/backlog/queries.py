"""Read-side helpers of the backlog: the ranked list, evidence both ways, choices for menus."""

from collections import defaultdict

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from kuulo.backlog.forms import ALL, OPEN
from kuulo.backlog.models import BacklogItem, ItemComment, ItemInsight
from kuulo.feedback.models import Comment
from kuulo.insights.models import Insight
from kuulo.insights.queries import comment_url
from kuulo.organisation.models import Service

FINISHED = (BacklogItem.Status.DONE, BacklogItem.Status.VERIFIED, BacklogItem.Status.DISMISSED)


def is_late(item: BacklogItem, today=None) -> bool:
    """Past its due date and not finished."""
    today = today or timezone.localdate()
    return item.due_date is not None and item.due_date < today and item.status not in FINISHED


def filtered_items(service: Service, filters: dict) -> QuerySet[BacklogItem]:
    """The service's items matching cleaned ItemFilters.filters(), in rank order (no decoration)."""
    items = BacklogItem.objects.filter(service=service)
    status = filters.get("status") or OPEN
    if status == OPEN:
        items = items.filter(status__in=[s for s in BacklogItem.Status.values if s not in FINISHED])
    elif status != ALL:
        items = items.filter(status=status)
    if kind := filters.get("kind"):
        items = items.filter(kind=kind)
    if tag := filters.get("tag"):
        items = items.filter(tags__name=tag)
    if assignee := filters.get("assignee"):
        items = items.filter(assignee__isnull=True) if assignee == "none" else items.filter(assignee_id=assignee)
    if q := filters.get("q"):
        items = items.filter(Q(title__icontains=q) | Q(description__icontains=q) | Q(tags__name__icontains=q))
    return items.distinct().order_by("rank", "id")


def item_list(service: Service, filters: dict) -> list[BacklogItem]:
    """The ranked, filtered items with what the list shows: counts of evidence, tags, assignee, metric, lateness."""
    items = list(
        filtered_items(service, filters)
        .select_related("assignee", "expected_metric")
        .prefetch_related("tags")
        .annotate(
            comment_count=Count("comment_evidence", distinct=True),
            insight_count=Count("insight_evidence", distinct=True),
        )
    )
    today = timezone.localdate()
    for item in items:
        item.late = is_late(item, today)
    return items


def items_for_comments(comment_ids) -> dict[int, list[BacklogItem]]:
    """comment id → the items it is evidence for (one query), for the comments panel."""
    found: dict[int, list[BacklogItem]] = defaultdict(list)
    links = (
        ItemComment.objects.filter(comment_id__in=list(comment_ids))
        .select_related("item")
        .order_by("item__rank", "item_id")
    )
    for link in links:
        found[link.comment_id].append(link.item)
    return dict(found)


def items_for_insights(insight_ids) -> dict[int, list[BacklogItem]]:
    """insight id → the items it is evidence for (one query), for the insight page."""
    found: dict[int, list[BacklogItem]] = defaultdict(list)
    links = (
        ItemInsight.objects.filter(insight_id__in=list(insight_ids))
        .select_related("item")
        .order_by("item__rank", "item_id")
    )
    for link in links:
        found[link.insight_id].append(link.item)
    return dict(found)


def item_choices(service: Service) -> list[BacklogItem]:
    """The service's items for a menu: open ones in rank order, then the finished ones."""
    items = BacklogItem.objects.filter(service=service).only("pk", "title", "status", "rank", "service_id")
    return sorted(items, key=lambda item: (item.status in FINISHED, item.rank, item.pk))


def comment_evidence(item: BacklogItem) -> list[Comment]:
    """The item's comments, newest first, each with `link` (its ItemComment)."""
    links = (
        ItemComment.objects.filter(item=item)
        .select_related("comment__response")
        .order_by("-comment__response__responded_at", "-pk")
    )
    comments = []
    for link in links:
        link.comment.link = link
        link.comment.panel_url = comment_url(link.comment, item.service_id)
        comments.append(link.comment)
    return comments


def insight_evidence(item: BacklogItem) -> list[Insight]:
    links = ItemInsight.objects.filter(item=item).select_related("insight").order_by("-insight__updated_at", "-pk")
    insights = []
    for link in links:
        link.insight.link = link
        insights.append(link.insight)
    return insights
