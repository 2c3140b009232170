"""GET /api/v1/backlog-items: the backlogs with their evidence, for BI tools.

A token reads the whole organisation; a logged-in person's session only the
services they may see (another service answers 404). Ordered by id and paged
with an opaque `next_cursor`, like the other read endpoints.
"""

from datetime import date, datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from kuulo.api import reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.api.figures import LevelFigure
from kuulo.backlog.models import BacklogItem
from kuulo.backlog.queries import FINISHED
from kuulo.traceability.queries import source_ids

MAX_LIMIT = 1000
OPEN = "open"

router = Router()


class ItemFilters(Schema):
    service: str | None = Field(None, description="A service's short name; default every service you may see.")
    status: str | None = Field(
        None,
        description="idea, ready, in_progress, done, verified, dismissed, or `open` for the first three.",
        json_schema_extra=reading.choices(*BacklogItem.Status.values, OPEN),
    )
    cursor: str | None = reading.CURSOR
    limit: int = reading.limit_field(100, MAX_LIMIT)


class ExpectedEffect(Schema):
    metric: str = Field(description="Code of the metric the item should move.")
    metric_version: int
    direction: str = Field(description="up or down")
    target: LevelFigure | None = Field(description="The level the metric should reach, if given; two decimals.")


class ItemRecord(Schema):
    id: int
    service: str
    rank: int = Field(description="Place in the service's backlog; 1 is the most important.")
    title: str
    description: str
    kind: str
    status: str
    value: int | None = Field(description="1 (low) to 5 (high).")
    effort: int | None = Field(description="1 (small) to 5 (large).")
    tags: list[str]
    due_date: date | None
    blocked_reason: str
    expected_effect: ExpectedEffect | None
    horizon: str = Field(description="now, next, later or empty.")
    planned_month: date | None = Field(description="The first day of the month it is planned for.")
    done_at: date | None
    published: bool = Field(description="Shown on the public “you said, we did” page.")
    created_at: datetime
    updated_at: datetime
    comments: list[int] = Field(description="Ids of the comments that are evidence (see /comments).")
    insights: list[int] = Field(description="Ids of the insights that are evidence (see /insights).")


class ItemPage(reading.Page):
    items: list[ItemRecord]


@router.get(
    "/backlog-items",
    auth=READ,
    response={200: ItemPage, **reading.READ_ERRORS},
    tags=["backlog"],
    summary="Backlog items with their evidence and expected effect",
    description="The items of the services' backlogs with their rank, status, dates, expected effect and the "
    "ids of the comments and insights they rest on. Filter by `service` and `status`. Ordered by id; page "
    "with `next_cursor`.",
)
def backlog_items(request: HttpRequest, filters: Query[ItemFilters]):
    paging = reading.id_paging("backlog-items", filters.cursor, filters.limit, MAX_LIMIT)
    if filters.status and filters.status not in (*BacklogItem.Status.values, OPEN):
        raise Refusal(400, {"status": _("Choose idea, ready, in_progress, done, verified, dismissed or open.")})
    scope = reading.service_scope(request, filters.service)
    rows = BacklogItem.objects.filter(pk__gt=paging.after).order_by("pk").select_related("service", "expected_metric")
    if scope is not None:
        rows = rows.filter(service_id__in=scope)
    if filters.status == OPEN:
        rows = rows.exclude(status__in=FINISHED)
    elif filters.status:
        rows = rows.filter(status=filters.status)
    page, next_cursor = paging.cut(rows)
    ids = [item.pk for item in page]
    tags: dict[int, list[str]] = {pk: [] for pk in ids}
    for item_id, name in (
        BacklogItem.tags.through.objects.filter(backlogitem_id__in=ids)
        .order_by("tag__name")
        .values_list("backlogitem_id", "tag__name")
    ):
        tags[item_id].append(name)
    comments = source_ids("item", ids, "comment")
    insights = source_ids("item", ids, "insight")
    items = [
        {
            "id": item.pk,
            "service": item.service.slug,
            "rank": item.rank,
            "title": item.title,
            "description": item.description,
            "kind": item.kind,
            "status": item.status,
            "value": item.value,
            "effort": item.effort,
            "tags": tags[item.pk],
            "due_date": item.due_date,
            "blocked_reason": item.blocked_reason,
            "expected_effect": {
                "metric": item.expected_metric.code,
                "metric_version": item.expected_metric.version,
                "direction": item.expected_direction or "up",
                "target": item.expected_target,
            }
            if item.expected_metric
            else None,
            "horizon": item.horizon,
            "planned_month": item.planned_month,
            "done_at": item.done_at,
            "published": item.published,
            "created_at": item.created_at,
            "updated_at": item.updated_at,
            "comments": comments.get(item.pk, []),
            "insights": insights.get(item.pk, []),
        }
        for item in page
    ]
    return {"items": items, "next_cursor": next_cursor}
