"""Scores per service and metric for a period, read from the daily rollups.

Nothing here scans raw answers: every figure is a histogram read from the
rollups by kuulo.feedback.histograms (the one reader) and scored by
`Metric.score`, the one scoring module.
"""

from dataclasses import dataclass
from datetime import date

from kuulo.feedback.histograms import Segment, histograms
from kuulo.lib import charts
from kuulo.lib.periods import Period, buckets
from kuulo.metrics.models import Metric, Target
from kuulo.metrics.scoring import Score

# Shown as columns of the overview when they have answers, in this order.
CORE_METRICS = ["csat", "nps", "ces", "trust", "ease", "effectiveness", "umux_lite"]


@dataclass
class Cell:
    metric: Metric
    score: Score
    previous: Score
    target: float | None
    sparkline: charts.Sparkline | None = None  # the period by week or month (the overview)

    @property
    def gap(self) -> float | None:
        """How far below (negative) or above its target the score is, as a share of the metric's scale,
        so that NPS and shares compare; None without a target or a score."""
        if self.target is None or self.score.suppressed:
            return None
        low, high = self.metric.score_bounds()
        return (self.score.value - self.target) / (high - low)

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


def core_metrics(service_ids, period: Period) -> list[Metric]:
    """The core metrics that have answers for these services in the period."""
    answered = histograms(start=period.start, end=period.end, services=service_ids, by=["metric"])
    metrics = Metric.objects.filter(pk__in=[metric_id for (metric_id,) in answered], code__in=CORE_METRICS)
    return sorted(metrics, key=lambda metric: (CORE_METRICS.index(metric.code), -metric.version))


def targets_in_force(metrics: list[Metric], on: date) -> dict[tuple[int | None, int], float]:
    """(service id or None for the default, metric id) → the level in force on `on`."""
    levels: dict[tuple[int | None, int], float] = {}
    targets = Target.objects.filter(metric__in=metrics, valid_from__lte=on).order_by("valid_from", "pk")
    for target in targets:
        levels[(target.service_id, target.metric_id)] = target.level
    return levels


def trend_grain(period: Period) -> str:
    """Weeks for a period of up to three months, months for longer ones: a sparkline of 5 to 13 points."""
    return "week" if period.days <= 92 else "month"


def overview(services, period: Period, segment: Segment) -> tuple[list[Metric], dict[tuple[int, int], Cell]]:
    service_ids = [service.pk for service in services]
    metrics = core_metrics(service_ids, period)
    metric_ids = [metric.pk for metric in metrics]
    within = {"services": service_ids, "metrics": metric_ids, "segment": segment.lookups()}
    now, before = (histograms(start=part.start, end=part.end, **within) for part in (period, period.previous()))
    grain = trend_grain(period)
    trend = histograms(start=period.start, end=period.end, **within, by=["service", "metric", grain])
    starts = buckets(period, grain)
    levels = targets_in_force(metrics, period.end)
    cells = {}
    for service_id in service_ids:
        for metric in metrics:
            key = (service_id, metric.pk)
            target = levels.get(key, levels.get((None, metric.pk)))
            scores = [metric.score(trend.get((*key, start), {})) for start in starts]
            cells[key] = Cell(
                metric,
                metric.score(now.get(key, {})),
                metric.score(before.get(key, {})),
                target,
                charts.sparkline(scores, metric.score_bounds(), target),
            )
    return metrics, cells


def comparison(services, metric: Metric, period: Period, segment: Segment) -> list[tuple]:
    """(service, Cell) for one metric across services, best score first, hidden ones last."""
    service_ids = [service.pk for service in services]
    now, before = (
        histograms(start=part.start, end=part.end, services=service_ids, metrics=[metric.pk], segment=segment.lookups())
        for part in (period, period.previous())
    )
    levels = targets_in_force([metric], period.end)
    rows = []
    for service in services:
        key = (service.pk, metric.pk)
        target = levels.get(key, levels.get((None, metric.pk)))
        rows.append((service, Cell(metric, metric.score(now.get(key, {})), metric.score(before.get(key, {})), target)))
    rows.sort(key=lambda row: (row[1].score.suppressed, -(row[1].score.value or 0), str(row[0])))
    return rows
