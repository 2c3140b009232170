"""Read-side helpers of the backlog: the ranked list, evidence both ways, choices for menus."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from kuulo.backlog.forms import ALL, OPEN
from kuulo.backlog.models import BacklogItem, PublicQuote
from kuulo.feedback.models import Comment
from kuulo.insights.models import Insight
from kuulo.organisation.models import Service
from kuulo.traceability import queries as links
from kuulo.traceability import registry

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
            comment_count=links.source_count("item", "comment"),
            insight_count=links.source_count("item", "insight"),
        )
    )
    today = timezone.localdate()
    for item in items:
        item.late = is_late(item, today)
    return items


def item_choices(service: Service) -> list[BacklogItem]:
    """The service's items for a menu: open ones in rank order, then the finished ones."""
    items = BacklogItem.objects.filter(service=service).only("pk", "title", "status", "rank", "service_id")
    return sorted(items, key=lambda item: (item.status in FINISHED, item.rank, item.pk))


def comment_evidence(item: BacklogItem) -> list[Comment]:
    """The item's comments, newest first, each with `link_id`, `panel_url` and `public_quote`
    (its PublicQuote, or None)."""
    comments = links.sources("item", [item.pk], "comment").get(item.pk, [])
    quotes = {quote.link_id: quote for quote in PublicQuote.objects.filter(link_id__in=[c.link_id for c in comments])}
    comment_kind = registry.kind("comment")
    for comment in comments:
        comment.public_quote = quotes.get(comment.link_id)
        comment.panel_url = comment_kind.url(comment)
    return comments


def insight_evidence(item: BacklogItem) -> list[Insight]:
    """The item's insights, most recently updated first."""
    return links.sources("item", [item.pk], "insight", ordering=("-updated_at",)).get(item.pk, [])
