"""Reading the rollups: histograms of answers for the slice a page, a plan, an
effect or the API asks for.

`histograms(...)` is the one way figures are read. It filters by period,
services, metrics and segment (channel, language, customer group,
touchpoint), groups by any of service, metric, day, week or month and one
segment dimension, and returns {group key: {scale value: answers}}. Scoring
and suppression below the minimum n are the caller's: `Metric.score` (the one
scoring module) turns a histogram into a Score. `ordered_histograms(...)` is the
same in key order, streamed, for feeds that walk every group.

It reads the smallest table that answers (see `period_parts`): whole calendar
months from MonthlyTotal and the days at the edges from DailyTotal (days only
when grouped by day or week), the total rows ("" dimension) without a segment,
one dimension's rows for one filter or a breakdown, and the fine
DailyAggregate only when segment filters combine or a filter goes with a
breakdown. The parts go to the database as one UNION ALL query.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Required, TypedDict, Unpack

from django.db.models import DateField, F, Q, QuerySet, Sum
from django.db.models.functions import Trunc

from kuulo.feedback.models import DailyAggregate, DailyTotal, MonthlyTotal

DIMENSIONS = ("channel", "language", "customer_group", "touchpoint")
GRAINS = ("day", "week", "month")
GROUPS = ("service", "metric", *GRAINS, *DIMENSIONS)
COLUMNS = {"service": "service_id", "metric": "metric_id"}

Histogram = dict[int, int]


class Selection(TypedDict, total=False):
    """What to read: the answers from `start` to `end` (both included) of
    `services` and `metrics` (ids; None or left out: all), within `segment`
    ({dimension: the one value to keep}; an empty value keeps all), grouped
    `by` the parts of each key in order: "service", "metric" (ids), "day",
    "week" (its Monday) or "month" (its first day), and at most one dimension
    (its value, "" where not given). Default: by service and metric."""

    start: Required[date]
    end: Required[date]
    services: Iterable[int] | None
    metrics: Iterable[int] | None
    segment: Mapping[str, str] | None
    by: Iterable[str]


@dataclass(frozen=True)
class Segment:
    """Filters on the rollup dimensions; empty means all."""

    channel: str = ""
    language: str = ""
    customer_group: str = ""

    def lookups(self) -> dict:
        names = {"channel": self.channel, "language": self.language, "customer_group": self.customer_group}
        return {name: value for name, value in names.items() if value}


def histograms(**selection: Unpack[Selection]) -> dict[tuple, Histogram]:
    """{key: histogram} of the selection (see Selection); groups without answers
    are left out. One query."""
    found: dict[tuple, Histogram] = defaultdict(dict)
    for *key, value, total in _rows(selection, ordered=False):
        if total:
            histogram = found[_key(key)]
            histogram[value] = histogram.get(value, 0) + total
    return {key: histogram for key, histogram in found.items() if any(histogram.values())}


def ordered_histograms(**selection: Unpack[Selection]) -> Iterator[tuple[tuple, Histogram]]:
    """(key, histogram) pairs of `histograms(...)` in key order, streamed from the
    database so that a feed of every day of every service never sits in memory."""
    rows = _rows(selection, ordered=True)
    for key, group in groupby(rows.iterator(chunk_size=5000), key=lambda row: _key(row[:-2])):
        histogram: Histogram = {}
        for *_key_parts, value, total in group:
            if total:
                histogram[value] = histogram.get(value, 0) + total
        if any(histogram.values()):
            yield key, histogram


def _key(parts) -> tuple:
    return tuple(part.date() if isinstance(part, datetime) else part for part in parts)


def _rows(selection: Selection, *, ordered: bool) -> QuerySet:
    by = tuple(selection.get("by", ("service", "metric")))
    unknown = set(by) - set(GROUPS)
    grains = [name for name in by if name in GRAINS]
    dimensions = [name for name in by if name in DIMENSIONS]
    if unknown or len(grains) > 1 or len(dimensions) > 1:
        raise ValueError(f"Cannot group histograms by {by}.")
    segment = {name: value for name, value in (selection.get("segment") or {}).items() if value}
    if set(segment) - set(DIMENSIONS):
        raise ValueError(f"No such segment dimension: {segment}.")
    grain = grains[0] if grains else ""
    breakdown = dimensions[0] if dimensions else ""
    within = {
        f"{name}_id__in": list(ids) for name in ("service", "metric") if (ids := selection.get(f"{name}s")) is not None
    }
    parts = []
    start, end = selection["start"], selection["end"]
    for rows, date_field, group_field in period_parts(segment, start, end, breakdown, monthly=grain in ("", "month")):
        rows = rows.filter(**within)
        aliases = {f"key_{position}": _column(name, date_field, group_field) for position, name in enumerate(by)}
        parts.append(rows.annotate(**aliases).values_list(*aliases, "value").annotate(total=Sum("count")).order_by())
    first, *others = parts
    rows = first.union(*others, all=True) if others else first
    if ordered:
        rows = rows.order_by(*[f"key_{position}" for position in range(len(by))], "value")
    return rows


def _column(name: str, date_field: str, group_field: str):
    """The expression of one part of the key in rows whose date is `date_field`."""
    if name in COLUMNS:
        return F(COLUMNS[name])
    if name not in GRAINS:
        return F(group_field)  # the breakdown dimension's value
    if date_field == "month" or name == "day":
        return F(date_field)  # a month of MonthlyTotal is already its bucket
    return Trunc("day", name, output_field=DateField())


def period_parts(segment: dict, start: date, end: date, breakdown: str = "", *, monthly: bool = True) -> list[tuple]:
    """(rows, date field, group field) triples that together cover start…end
    exactly once: the whole calendar months from MonthlyTotal, the days at the
    edges from DailyTotal. Rows have service_id, metric_id, value and count;
    the group field names the `breakdown` dimension's value ("" without one).
    A combination of segment filters, or one filter with a breakdown, reads
    the fine DailyAggregate. `monthly=False` reads days only (for days and weeks)."""
    if len(segment) > 1 or (segment and breakdown):
        rows = DailyAggregate.objects.filter(**segment, day__gte=start, day__lte=end)
        return [(rows, "day", breakdown)]
    if breakdown:
        lookups, group = {"dimension": breakdown}, "segment"
    elif segment:
        ((dimension, value),) = segment.items()
        lookups, group = {"dimension": dimension, "segment": value}, ""
    else:
        lookups, group = {"dimension": ""}, ""
    first = start if start.day == 1 else (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    upto = (end + timedelta(days=1)).replace(day=1)  # whole months are first <= month < upto
    if first >= upto or not monthly:
        return [(DailyTotal.objects.filter(**lookups, day__gte=start, day__lte=end), "day", group)]
    edges = Q(day__gte=start, day__lt=first) | Q(day__gte=upto, day__lte=end)
    return [
        (MonthlyTotal.objects.filter(**lookups, month__gte=first, month__lt=upto), "month", group),
        (DailyTotal.objects.filter(edges, **lookups), "day", group),
    ]


# --- what a service has answers for (form choices) ------------------------------


def answered_metric_ids(service) -> QuerySet:
    """The ids of the metrics `service` has ever had answers for, as a subquery."""
    return DailyTotal.objects.filter(dimension="", service=service).values("metric_id")


def segment_values(service, dimension: str) -> list[str]:
    """The values of one segment dimension that `service`'s answers have had, sorted."""
    rows = DailyTotal.objects.filter(dimension=dimension, service=service)
    return sorted(value for value in rows.values_list("segment", flat=True).distinct() if value)
