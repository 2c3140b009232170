"""Scores per service and metric for a period, read from the daily rollups.

Nothing here scans raw answers: every figure is a histogram summed from the
rollups (whole months from MonthlyTotal, the days at the edges from
DailyTotal, DailyAggregate only when segment filters combine; see
kuulo.feedback.rollups.period_parts) and scored by `Metric.score`, the one
scoring module.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Sum

from kuulo.feedback import rollups
from kuulo.lib.periods import Period
from kuulo.metrics.models import Metric, Target
from kuulo.metrics.scoring import Score

# Shown as columns of the overview when they have answers, in this order.
CORE_METRICS = ["csat", "nps", "ces", "trust", "ease", "effectiveness", "umux_lite"]


@dataclass(frozen=True)
class Segment:
    """Filters on the rollup dimensions; empty means all."""

    channel: str = ""
    language: str = ""
    customer_group: str = ""

    def lookups(self) -> dict:
        names = {"channel": self.channel, "language": self.language, "customer_group": self.customer_group}
        return {name: value for name, value in names.items() if value}


@dataclass
class Cell:
    metric: Metric
    score: Score
    previous: Score
    target: float | None

    @property
    def change(self) -> float | None:
        if self.score.suppressed or self.previous.suppressed:
            return None
        return self.score.value - self.previous.value

    @property
    def status(self) -> str:
        """green: target met; amber: below, but within the 95 % interval;
        red: the whole interval is below the target; "" without a target or score."""
        if self.target is None or self.score.suppressed:
            return ""
        if self.score.value >= self.target:
            return "green"
        return "amber" if self.score.ci_high is not None and self.score.ci_high >= self.target else "red"


def histograms(service_ids, metric_ids, period: Period, segment: Segment) -> dict[tuple[int, int], dict[int, int]]:
    parts = [
        rows.filter(service_id__in=service_ids, metric_id__in=metric_ids)
        .values_list("service_id", "metric_id", "value")
        .annotate(total=Sum("count"))
        .order_by()
        for rows, _date_field, _group in rollups.period_parts(segment.lookups(), period.start, period.end)
    ]
    found: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    for service_id, metric_id, value, total in rollups.union_all(parts):
        if total:
            histogram = found[(service_id, metric_id)]
            histogram[value] = histogram.get(value, 0) + total
    return found


def core_metrics(service_ids, period: Period) -> list[Metric]:
    """The core metrics that have answers for these services in the period."""
    parts = [
        rows.filter(service_id__in=service_ids).values_list("metric_id", flat=True).distinct().order_by()
        for rows, _date_field, _group in rollups.period_parts({}, period.start, period.end)
    ]
    first, *others = parts
    answered = set(first.union(*others) if others else first)
    metrics = Metric.objects.filter(pk__in=answered, code__in=CORE_METRICS)
    return sorted(metrics, key=lambda metric: (CORE_METRICS.index(metric.code), -metric.version))


def targets_in_force(metrics: list[Metric], on: date) -> dict[tuple[int | None, int], float]:
    """(service id or None for the default, metric id) → the level in force on `on`."""
    levels: dict[tuple[int | None, int], float] = {}
    targets = Target.objects.filter(metric__in=metrics, valid_from__lte=on).order_by("valid_from", "pk")
    for target in targets:
        levels[(target.service_id, target.metric_id)] = target.level
    return levels


def overview(services, period: Period, segment: Segment) -> tuple[list[Metric], dict[tuple[int, int], Cell]]:
    service_ids = [service.pk for service in services]
    metrics = core_metrics(service_ids, period)
    metric_ids = [metric.pk for metric in metrics]
    now = histograms(service_ids, metric_ids, period, segment)
    before = histograms(service_ids, metric_ids, period.previous(), segment)
    levels = targets_in_force(metrics, period.end)
    cells = {}
    for service_id in service_ids:
        for metric in metrics:
            key = (service_id, metric.pk)
            target = levels.get(key, levels.get((None, metric.pk)))
            cells[key] = Cell(metric, metric.score(now.get(key, {})), metric.score(before.get(key, {})), target)
    return metrics, cells


def comparison(services, metric: Metric, period: Period, segment: Segment) -> list[tuple]:
    """(service, Cell) for one metric across services, best score first, hidden ones last."""
    service_ids = [service.pk for service in services]
    now = histograms(service_ids, [metric.pk], period, segment)
    before = histograms(service_ids, [metric.pk], period.previous(), segment)
    levels = targets_in_force([metric], period.end)
    rows = []
    for service in services:
        key = (service.pk, metric.pk)
        target = levels.get(key, levels.get((None, metric.pk)))
        rows.append((service, Cell(metric, metric.score(now.get(key, {})), metric.score(before.get(key, {})), target)))
    rows.sort(key=lambda row: (row[1].score.suppressed, -(row[1].score.value or 0), str(row[0])))
    return rows
