"""Keeps the rollups in step with accepted responses.

Three tables, all written in the transaction that stores the responses:

- DailyAggregate: answers per service × metric × day × channel × language ×
  customer group × touchpoint × value (the fine grain; any filter combination);
- DailyTotal: the same counts summed over all segments, and per value of one
  dimension at a time (what the overview, the dashboards and their breakdowns
  read: far fewer rows);
- MonthlyTotal: DailyTotal by calendar month (a long period reads its whole
  months here and only the days at its edges from DailyTotal);
- DailyResponseCount: accepted responses per collection point and day (for
  response rates).

`add` runs one INSERT … ON CONFLICT DO UPDATE statement per table and chunk,
on SQLite and PostgreSQL alike; the PostgreSQL widget path folds the same
upserts into its single statement (kuulo.feedback.inserts). Reading is
kuulo.feedback.histograms.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from kuulo.feedback.models import Answer, DailyAggregate, DailyResponseCount, DailyTotal, MonthlyTotal, Response

KEY_FIELDS = ["service_id", "metric_id", "day", "channel", "language", "customer_group", "touchpoint", "value"]
TOTAL_FIELDS = ["dimension", "service_id", "day", "metric_id", "segment", "value"]
MONTHLY_FIELDS = ["dimension", "service_id", "month", "metric_id", "segment", "value"]
RESPONSE_COUNT_FIELDS = ["collection_point_id", "day"]
SEGMENT_FIELDS = ["channel", "language", "customer_group", "touchpoint"]
RollupKey = tuple  # in KEY_FIELDS order


def keys_for(response: Response, metric_values: Iterable[tuple]) -> Counter:
    """Counts a response adds: one per metric, at the metric's rollup value.

    `metric_values` holds (metric, [item values]) pairs."""
    day = timezone.localdate(response.responded_at)
    counts: Counter = Counter()
    for metric, values in metric_values:
        key = (
            response.service_id,
            metric.pk,
            day,
            response.channel,
            response.language,
            response.customer_group,
            response.touchpoint,
            metric.rollup_value(values),
        )
        counts[key] += 1
    return counts


def response_key(response: Response) -> tuple:
    """The DailyResponseCount key (collection point, day) of a response."""
    return (response.collection_point_id, timezone.localdate(response.responded_at))


def totals_of(counts: Counter) -> Counter:
    """DailyTotal counts (TOTAL_FIELDS order) that go with fine rollup counts."""
    totals: Counter = Counter()
    for (service_id, metric_id, day, *segments, value), count in counts.items():
        totals[("", service_id, day, metric_id, "", value)] += count
        for dimension, segment in zip(SEGMENT_FIELDS, segments, strict=True):
            totals[(dimension, service_id, day, metric_id, segment, value)] += count
    return totals


def monthly_of(totals: Counter) -> Counter:
    """MonthlyTotal counts (MONTHLY_FIELDS order) of DailyTotal counts."""
    months: Counter = Counter()
    for (dimension, service_id, day, metric_id, segment, value), count in totals.items():
        months[(dimension, service_id, day.replace(day=1), metric_id, segment, value)] += count
    return months


def as_rows(counts: Counter, sign: int = 1) -> tuple[list[str], list[tuple]]:
    """Columns and rows for an upsert of `counts`, in key order so that
    concurrent writers lock shared rows in the same order and never deadlock."""
    return [*KEY_FIELDS, "count"], [(*key, count * sign) for key, count in sorted(counts.items())]


def total_rows(counts: Counter, sign: int = 1) -> tuple[list[str], list[tuple]]:
    """Like as_rows, for the DailyTotal rows of fine `counts`."""
    return [*TOTAL_FIELDS, "count"], [(*key, count * sign) for key, count in sorted(totals_of(counts).items())]


def monthly_rows(counts: Counter, sign: int = 1) -> tuple[list[str], list[tuple]]:
    """Like as_rows, for the MonthlyTotal rows of fine `counts`."""
    months = monthly_of(totals_of(counts))
    return [*MONTHLY_FIELDS, "count"], [(*key, count * sign) for key, count in sorted(months.items())]


def add(counts: Counter, sign: int = 1, responses: Counter | None = None) -> None:
    """Adds `counts` (rollup key -> count) to the stored rollups, with their
    totals, and `responses` ((collection point, day) -> accepted responses)
    to the response counts; sign=-1 takes them away."""
    totals = totals_of(counts)
    for model, fields, items in (
        (DailyAggregate, KEY_FIELDS, sorted(counts.items())),
        (DailyTotal, TOTAL_FIELDS, sorted(totals.items())),
        (MonthlyTotal, MONTHLY_FIELDS, sorted(monthly_of(totals).items())),
        (DailyResponseCount, RESPONSE_COUNT_FIELDS, sorted((responses or Counter()).items())),
    ):
        for start in range(0, len(items), CHUNK):
            _upsert(model, fields, items[start : start + CHUNK], sign)


CHUNK = 1000  # rows per statement, well under SQLite's limit of bound variables


def _upsert(model, fields: list[str], items: list, sign: int) -> None:
    table = model._meta.db_table
    columns = ", ".join([*fields, "count"])
    row = "(" + ", ".join(["%s"] * (len(fields) + 1)) + ")"
    params: list = []
    for key, count in items:
        params.extend(key)
        params.append(count * sign)
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(items))} "  # noqa: S608 - names from the model
        f"ON CONFLICT ({', '.join(fields)}) DO UPDATE SET count = {table}.count + excluded.count"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def counts_from_answers(responses) -> Counter:
    """The rollup counts of `responses` (a queryset) recomputed from raw answers."""
    counts: Counter = Counter()
    answers = (
        Answer.objects.filter(response__in=responses)
        .select_related("metric", "response")
        .order_by("response_id", "metric_id", "item")
    )
    current, by_metric = None, {}
    for answer in answers.iterator(chunk_size=5000):
        if current is not None and answer.response_id != current.pk:
            counts.update(keys_for(current, by_metric.values()))
            by_metric = {}
        current = answer.response
        by_metric.setdefault(answer.metric_id, (answer.metric, []))[1].append(answer.value)
    if current is not None:
        counts.update(keys_for(current, by_metric.values()))
    return counts


def response_counts(responses) -> Counter:
    """DailyResponseCount counts of `responses` (a queryset of accepted ones)."""
    counts: Counter = Counter()
    for point_id, responded_at in (
        responses.order_by().values_list("collection_point_id", "responded_at").iterator(chunk_size=10000)
    ):
        counts[(point_id, timezone.localdate(responded_at))] += 1
    return counts


def stored_counts() -> Counter:
    return _stored(DailyAggregate, KEY_FIELDS)


def stored_totals() -> Counter:
    return _stored(DailyTotal, TOTAL_FIELDS)


def stored_monthly() -> Counter:
    return _stored(MonthlyTotal, MONTHLY_FIELDS)


def stored_response_counts() -> Counter:
    return _stored(DailyResponseCount, RESPONSE_COUNT_FIELDS)


def _stored(model, fields: list[str]) -> Counter:
    counts: Counter = Counter()
    for row in model.objects.exclude(count=0).values_list(*fields, "count").iterator(chunk_size=10000):
        counts[tuple(row[:-1])] = row[-1]
    return counts
