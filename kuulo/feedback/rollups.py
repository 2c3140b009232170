"""Keeps the rollups in step with accepted responses: what every write adds.

Four tables, all written in the transaction that stores the responses:

- DailyAggregate: answers per service × metric × day × channel × language ×
  customer group × touchpoint × value (the fine grain; any filter combination);
- DailyTotal: the same counts summed over all segments, and per value of one
  dimension at a time (what the overview, the dashboards and their breakdowns
  read: far fewer rows);
- MonthlyTotal: DailyTotal by calendar month (a long period reads its whole
  months here and only the days at its edges from DailyTotal);
- DailyResponseCount: accepted responses per collection point and day (for
  response rates).

Every writer (a response, a batch or an import, the review queue's accept
and discard, `rebuild_rollups`) describes what it adds with `changes`: one
`inserts.Upsert` per table, rows of key values and the count to add. One
renderer, `inserts.upsert`, turns them into INSERT … ON CONFLICT DO UPDATE
statements on SQLite and PostgreSQL alike; the PostgreSQL widget path folds the
same upserts into its single statement (`inserts.insert_response_postgres`).
The widget's display counts go the same way (`add_display`).

Reading is `kuulo.feedback.histograms`.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.utils import timezone

from kuulo.feedback.inserts import Upsert, upsert
from kuulo.feedback.models import (
    Answer,
    DailyAggregate,
    DailyResponseCount,
    DailyTotal,
    DisplayCount,
    MonthlyTotal,
    Response,
)

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


def changes(counts: Counter, *, responses: Counter | None = None, sign: int = 1) -> list[Upsert]:
    """What `counts` (rollup key -> answers) and `responses` ((collection point,
    day) -> accepted responses) add to the rollups: one upsert per table, always
    all four in the same order (the PostgreSQL widget statement is built once for
    that shape); sign=-1 takes them away."""
    totals = totals_of(counts)
    return [
        _upsert(DailyAggregate, KEY_FIELDS, counts, sign),
        _upsert(DailyTotal, TOTAL_FIELDS, totals, sign),
        _upsert(MonthlyTotal, MONTHLY_FIELDS, monthly_of(totals), sign),
        _upsert(DailyResponseCount, RESPONSE_COUNT_FIELDS, responses or Counter(), sign),
    ]


def _upsert(model, fields: list[str], counts: Counter, sign: int) -> Upsert:
    return Upsert(model, tuple(fields), [(*key, count * sign) for key, count in sorted(counts.items())])


def add(counts: Counter, sign: int = 1, responses: Counter | None = None) -> None:
    """Adds `counts` (rollup key -> count) to the stored rollups, with their
    totals, and `responses` ((collection point, day) -> accepted responses)
    to the response counts; sign=-1 takes them away."""
    upsert(changes(counts, responses=responses, sign=sign))


def add_display(point_id: int, day: date) -> None:
    """Adds a widget display to the point's count for `day`."""
    upsert([Upsert(DisplayCount, ("collection_point_id", "day"), [(point_id, day, 1)])])


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
