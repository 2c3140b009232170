"""What every read endpoint shares: who sees which services, the period,
the page size, opaque cursors and the paging they drive.

A cursor is the sort key of the last row of a page, signed with the secret
key and the endpoint's name, so a client can neither forge one nor carry one
from one endpoint to another: any change answers 400.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import Annotated

from django.core import signing
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field

from kuulo.api.errors import Refusal
from kuulo.api.feeds import Filters, ScoredGroup
from kuulo.api.models import ApiToken
from kuulo.api.schemas import Errors
from kuulo.metrics.models import Metric
from kuulo.organisation.access import visible_services
from kuulo.organisation.models import Service

MAX_DAYS = 366 * 3

# What a read endpoint may answer besides 200, each with the API's error body: 400 for a bad
# parameter (a limit out of range, a bad cursor or period), 401 without a valid token or session,
# 403 for a token without the read scope, 404 for a service, metric or thing the caller may not read.
READ_ERRORS = {400: Errors, 401: Errors, 403: Errors, 404: Errors}

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


def _iso_day(value: object) -> object:
    """Only an ISO date (2026-01-31) is a day: pydantic alone would read `0` as 1 January 1970."""
    if isinstance(value, str) and not ISO_DAY.match(value):
        raise ValueError("Expected an ISO date such as 2026-01-31.")
    return value


def _day_in_range(value: date) -> date:
    """Days far from now answer 400 rather than overflow when a period is counted from them."""
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"Expected a day from {FIRST_DAY} to {LAST_DAY}.")
    return value


Day = Annotated[date, BeforeValidator(_iso_day), AfterValidator(_day_in_range)]


def choices(*values: str, blank: bool = True) -> dict:
    """The values a text parameter takes, for the schema; the endpoint answers 400 to any other.
    An empty value (`status=`) is taken as no filter, as a BI tool's blank parameter means."""
    return {"enum": [str(value) for value in values] + ([""] if blank else [])}


def limit_field(default: int, maximum: int):
    """The `limit` query parameter of a list: 1…maximum, in the schema and enforced (400 outside it)."""
    return Field(default, ge=1, le=maximum, description=f"Rows per page, 1–{maximum}.")


def services_for(request: HttpRequest) -> QuerySet[Service]:
    """A token reads the services it is limited to (all when it is not); a logged-in
    person what they may see."""
    if isinstance(request.auth, ApiToken):
        return request.auth.services_in_reach()
    return visible_services(request.user)


def service_scope(request: HttpRequest, slug: str | None) -> list[int] | None:
    """Ids of the services to read (None: all, for a token not limited to some), narrowed
    to `slug`. A service the caller cannot see answers 404, as if it did not exist."""
    services = services_for(request)
    if slug:
        ids = list(services.filter(slug=slug).values_list("pk", flat=True))
        if not ids:
            raise Refusal(404, {"service": _("No such service.")})
        return ids
    if isinstance(request.auth, ApiToken) and request.auth.all_services:
        return None
    return list(services.values_list("pk", flat=True))


def period(start: date | None, end: date | None, default_days: int = 30) -> tuple[date, date]:
    end = end or timezone.localdate()
    start = start or end - timedelta(days=default_days - 1)
    if start > end or (end - start).days > MAX_DAYS:
        raise Refusal(400, {"start": _("Give a start on or before the end, at most three years apart.")})
    return start, end


def check_limit(limit: int, maximum: int) -> None:
    if not 1 <= limit <= maximum:
        raise Refusal(400, {"limit": _("Between 1 and %(maximum)d.") % {"maximum": maximum}})


def encode_cursor(scope: str, key: list) -> str:
    return signing.dumps(key, salt=f"kuulo.api.cursor.{scope}")


def decode_cursor(scope: str, cursor: str | None) -> list | None:
    if not cursor:
        return None
    try:
        key = signing.loads(cursor, salt=f"kuulo.api.cursor.{scope}")
    except signing.BadSignature as error:
        raise Refusal(400, {"cursor": _("This cursor is not valid.")}) from error
    if not isinstance(key, list) or not key:
        raise Refusal(400, {"cursor": _("This cursor is not valid.")})
    return key


def id_after(scope: str, cursor: str | None) -> int:
    key = decode_cursor(scope, cursor)
    if key is None:
        return -1  # before every id, 0 included
    if not isinstance(key[0], int):
        raise Refusal(400, {"cursor": _("This cursor is not valid.")})
    return key[0]


def rollup_after(scope: str, cursor: str | None) -> tuple[date, int, int] | None:
    """The (day, service id, metric id) a page of rollups continues after."""
    key = decode_cursor(scope, cursor)
    if key is None:
        return None
    try:
        return date.fromisoformat(key[0]), int(key[1]), int(key[2])
    except (ValueError, TypeError, IndexError) as error:
        raise Refusal(400, {"cursor": _("This cursor is not valid.")}) from error


def id_key(row) -> list:
    return [row.id]


def rollup_key(group: ScoredGroup) -> list:
    bucket, service_id, metric_id = group.key
    return [bucket.isoformat(), service_id, metric_id]


@dataclass(frozen=True)
class Paging:
    """One page of a list in key order: the key it continues after and how many rows it shows.

    A page is read with one row more than the limit: when that row comes, there
    is a next page, and its cursor is the key of the last row shown."""

    scope: str
    limit: int
    after: object

    @property
    def size(self) -> int:
        """How many rows to read."""
        return self.limit + 1

    def cut(self, rows: Iterable, key: Callable[[object], list] = id_key) -> tuple[list, str | None]:
        """The page of `rows` (in key order from `after`; a queryset, list or iterator, read
        no further than `size`) and the cursor of the next page, or None on the last page."""
        head = rows[: self.size] if isinstance(rows, QuerySet | list) else islice(rows, self.size)
        page = list(head)
        if len(page) <= self.limit:
            return page, None
        page = page[: self.limit]
        return page, encode_cursor(self.scope, key(page[-1]))


def id_paging(scope: str, cursor: str | None, limit: int, maximum: int) -> Paging:
    """A page of a list in id order; a limit out of 1…maximum or a bad cursor answers 400."""
    check_limit(limit, maximum)
    return Paging(scope, limit, id_after(scope, cursor))


def rollup_paging(scope: str, cursor: str | None, limit: int, maximum: int) -> Paging:
    """A page of scored rollups in (day, service, metric) order; 400 as for id_paging."""
    check_limit(limit, maximum)
    return Paging(scope, limit, rollup_after(scope, cursor))


def segment_filters(filters) -> Filters:
    """The feed filters of an endpoint's `start`, `end`, `channel`, `language` and
    `customer_group`; a bad period answers 400."""
    start, end = period(filters.start, filters.end)
    return Filters(
        start=start,
        end=end,
        channel=filters.channel or "",
        language=filters.language or "",
        customer_group=filters.customer_group or "",
    )


def rollup_selection(request: HttpRequest, filters) -> tuple[list[int] | None, dict[int, Metric], Filters]:
    """What a rollup endpoint reads: the service ids, the metrics by id (`metric`: one code)
    and the feed filters. A bad period answers 400; an unknown service or metric 404."""
    feed_filters = segment_filters(filters)
    service_ids = service_scope(request, filters.service)
    metrics = Metric.objects.all()
    if filters.metric:
        metrics = metrics.filter(code=filters.metric)
        if not metrics:
            raise Refusal(404, {"metric": _("No such metric.")})
    return service_ids, {metric.pk: metric for metric in metrics}, feed_filters


class Page(Schema):
    # Each list's page names its rows: `items: list[ResponseRecord]`. The fields stay in this order.
    items: list
    next_cursor: str | None


CURSOR = Field(None, description="`next_cursor` of the previous page; leave out for the first page.")
