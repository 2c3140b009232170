"""Live feedback on the steps of a journey map, read the way the dashboards read it.

A step names the touchpoints of its service whose feedback speaks for it. Their answers are
read in one query through kuulo.feedback.histograms (the one reader), grouped by metric and
touchpoint, summed per step and scored by `Metric.score` (the one scoring module, which also
hides a score below the minimum n); targets and the red/amber/green status are the overview's
(kuulo.dashboards.figures). Nothing here computes a score of its own.
"""

from collections import defaultdict
from datetime import timedelta

from django.utils import timezone

from kuulo.comments.queries import panel_counts
from kuulo.dashboards.figures import CORE_METRICS, Cell, targets_in_force
from kuulo.feedback.histograms import histograms, segment_values
from kuulo.lib.periods import Period
from kuulo.metrics.models import Metric
from kuulo.surveys.models import CollectionPoint

DAYS = 90


def live_period() -> Period:
    end = timezone.localdate()
    return Period(end - timedelta(days=DAYS - 1), end)


def touchpoint_choices(service) -> list[tuple[str, str]]:
    """The touchpoints of the service's feedback: those its answers have had and those its
    collection points give, each named by its collection points where it has any."""
    names: dict[str, list[str]] = defaultdict(list)
    points = CollectionPoint.objects.filter(survey__service=service).exclude(touchpoint="").order_by("name")
    for touchpoint, name in points.values_list("touchpoint", "name"):
        names[touchpoint].append(name)
    codes = sorted(set(segment_values(service, "touchpoint")) | set(names))
    return [(code, f"{code} ({', '.join(names[code])})" if names[code] else code) for code in codes]


def step_cells(service, steps, period: Period | None = None) -> dict[int, list[Cell]]:
    """step id → a Cell per metric its touchpoints have answers for, core metrics first; one
    histogram query for every step of the map. Steps without touchpoints are left out."""
    period = period or live_period()
    wanted = {touchpoint for step in steps for touchpoint in step.measured_touchpoints}
    if not wanted:
        return {}
    found = histograms(start=period.start, end=period.end, services=[service.pk], by=["metric", "touchpoint"])
    by_touchpoint: dict[str, dict[int, dict[int, int]]] = defaultdict(dict)
    for (metric_id, touchpoint), histogram in found.items():
        if touchpoint in wanted:
            by_touchpoint[touchpoint][metric_id] = histogram
    metric_ids = {metric_id for per_metric in by_touchpoint.values() for metric_id in per_metric}
    metrics = sorted(Metric.objects.filter(pk__in=metric_ids), key=_metric_order)
    levels = targets_in_force(metrics, period.end)
    cells: dict[int, list[Cell]] = {}
    for step in steps:
        if not step.measured_touchpoints:
            continue
        row = []
        for metric in metrics:
            total: dict[int, int] = defaultdict(int)
            for touchpoint in step.measured_touchpoints:
                for value, count in by_touchpoint.get(touchpoint, {}).get(metric.pk, {}).items():
                    total[value] += count
            if total:
                target = levels.get((service.pk, metric.pk), levels.get((None, metric.pk)))
                row.append(Cell(metric, metric.score(dict(total)), metric.score({}), target))
        cells[step.pk] = row
    return cells


def _metric_order(metric: Metric) -> tuple:
    core = CORE_METRICS.index(metric.code) if metric.code in CORE_METRICS else len(CORE_METRICS)
    return (core, metric.code, -metric.version)


def step_themes(service, step, period: Period | None = None) -> list:
    """[(theme, comments)] of the step's five biggest comment themes in the period, from the
    comments of its touchpoints, counted as the dashboard's comments panel counts them."""
    if not step.measured_touchpoints:
        return []
    segment = {"response__touchpoint__in": sorted(step.measured_touchpoints)}
    return panel_counts(service, period or live_period(), segment)[1]
