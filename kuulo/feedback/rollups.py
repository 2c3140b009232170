"""Keeps DailyAggregate in step with accepted responses.

`add` runs inside the transaction that stores the responses: one
INSERT … ON CONFLICT DO UPDATE statement per call adds every count at once,
on SQLite and PostgreSQL alike.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from kuulo.feedback.models import Answer, DailyAggregate, Response

KEY_FIELDS = ["service_id", "metric_id", "day", "channel", "language", "customer_group", "touchpoint", "value"]
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


def as_rows(counts: Counter, sign: int = 1) -> tuple[list[str], list[tuple]]:
    """Columns and rows for an upsert of `counts`, in key order so that
    concurrent writers lock shared rows in the same order and never deadlock."""
    return [*KEY_FIELDS, "count"], [(*key, count * sign) for key, count in sorted(counts.items())]


def add(counts: Counter, sign: int = 1) -> None:
    """Adds `counts` (rollup key -> count) to the stored rollups; sign=-1 takes them away."""
    items = sorted(counts.items())
    for start in range(0, len(items), CHUNK):
        _upsert(items[start : start + CHUNK], sign)


CHUNK = 1000  # rows per statement, well under SQLite's limit of bound variables


def _upsert(items: list, sign: int) -> None:
    table = DailyAggregate._meta.db_table
    columns = ", ".join([*KEY_FIELDS, "count"])
    row = "(" + ", ".join(["%s"] * (len(KEY_FIELDS) + 1)) + ")"
    params: list = []
    for key, count in items:
        params.extend(key)
        params.append(count * sign)
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(items))} "  # noqa: S608 - names from the model
        f"ON CONFLICT ({', '.join(KEY_FIELDS)}) DO UPDATE SET count = {table}.count + excluded.count"
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


def stored_counts() -> Counter:
    counts: Counter = Counter()
    for row in DailyAggregate.objects.filter(count__gt=0).values_list(*KEY_FIELDS, "count"):
        counts[tuple(row[:-1])] = row[-1]
    return counts
