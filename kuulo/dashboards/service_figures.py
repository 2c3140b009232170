"""The figures of one service's dashboard, read from the daily rollups.

A handful of queries through kuulo.feedback.histograms (the trend, the
previous period for the summary, one per breakdown dimension) and one over DisplayCount and DailyResponseCount
together; every score comes from `Metric.score`, so suppression below the
minimum n applies.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Sum, Value
from django.utils.translation import gettext as _

from kuulo.dashboards.figures import Cell, targets_in_force
from kuulo.feedback.histograms import Segment, histograms
from kuulo.feedback.models import DailyResponseCount, DisplayCount
from kuulo.lib import charts
from kuulo.lib.periods import Period, bucket_label, buckets
from kuulo.lib.templatetags.figures import figure
from kuulo.metrics.models import Metric
from kuulo.organisation import terms
from kuulo.organisation.models import Channel
from kuulo.surveys.models import CollectionPoint

BREAKDOWNS = ["channel", "language", "customer_group", "touchpoint"]


@dataclass
class MetricPanel:
    metric: Metric
    score: object  # Score of the whole period
    target: float | None
    cell: Cell  # the period against the one before it and the target: the summary's row
    sparkline: charts.Sparkline
    trend: charts.LineChart
    distribution: charts.BarChart
    breakdowns: list[tuple[str, charts.BarChart]]  # (dimension, chart)


@dataclass
class ResponseRate:
    displays: int
    responses: int

    @property
    def percent(self) -> float | None:
        return self.responses * 100 / self.displays if self.displays else None


def dashboard(service, period: Period, segment: Segment, grain: str, language: str | None) -> list[MetricPanel]:
    within = {"start": period.start, "end": period.end, "services": [service.pk], "segment": segment.lookups()}
    trend: dict[int, dict[date, dict[int, int]]] = defaultdict(dict)
    for (metric_id, start), histogram in histograms(**within, by=["metric", grain]).items():
        trend[metric_id][start] = histogram
    if not trend:
        return []
    metrics = sorted(Metric.objects.filter(pk__in=trend), key=lambda metric: (metric.code, -metric.version))
    levels = targets_in_force(metrics, period.end)
    before = period.previous()
    previous = histograms(
        start=before.start, end=before.end, services=[service.pk], segment=segment.lookups(), by=["metric"]
    )
    groups = {dimension: _breakdown(within, dimension) for dimension in BREAKDOWNS}
    names = {dimension: terms.names_for(None, dimension) for dimension in (terms.CUSTOMER_GROUP, terms.TOUCHPOINT)}
    starts = buckets(period, grain)
    panels = []
    for metric in metrics:
        by_bucket = trend[metric.pk]
        total: dict[int, int] = defaultdict(int)
        for histogram in by_bucket.values():
            for value, count in histogram.items():
                total[value] += count
        target = levels.get((service.pk, metric.pk), levels.get((None, metric.pk)))
        formatted = lambda value, metric=metric: figure(value, metric)  # noqa: E731
        bounds = metric.score_bounds()
        points = [
            charts.TrendPoint(bucket_label(start, grain), metric.score(by_bucket.get(start, {}))) for start in starts
        ]
        score = metric.score(total)
        panels.append(
            MetricPanel(
                metric=metric,
                score=score,
                target=target,
                cell=Cell(metric, score, metric.score(previous.get((metric.pk,), {})), target),
                sparkline=charts.sparkline([point.score for point in points], bounds, target),
                trend=charts.line_chart(str(metric.name), points, bounds, formatted, target, width=charts.WIDE),
                distribution=charts.distribution_chart(
                    _("Answers to %(metric)s") % {"metric": metric.name},
                    dict(total),
                    metric.scale_labels(language),
                    _distribution_scale(metric, total),
                ),
                breakdowns=[
                    (
                        dimension,
                        charts.breakdown_chart(
                            _breakdown_title(dimension, metric),
                            [
                                (_group_label(dimension, group, names), metric.score(histogram))
                                for group, histogram in _in_order(dimension, groups[dimension].get(metric.pk), names)
                            ],
                            bounds,
                            formatted,
                        ),
                    )
                    for dimension in BREAKDOWNS
                    if len(groups[dimension].get(metric.pk, {})) > 1  # one group alone is no breakdown
                ],
            )
        )
    return panels


def _distribution_scale(metric: Metric, total: dict[int, int]):
    """The metric's scale; multi-item metrics store sums, so show the values that occur."""
    if metric.rule in (Metric.Rule.UMUX_LITE, Metric.Rule.SUS):
        return sorted(total)
    return metric.scale()


def _breakdown(within: dict, dimension: str) -> dict[int, dict[str, dict[int, int]]]:
    """metric id → group → histogram."""
    found: dict[int, dict[str, dict[int, int]]] = defaultdict(dict)
    for (metric_id, group), histogram in histograms(**within, by=["metric", dimension]).items():
        found[metric_id][group] = histogram
    return found


def _breakdown_title(dimension: str, metric: Metric) -> str:
    titles = {
        "channel": _("%(metric)s by channel"),
        "language": _("%(metric)s by language"),
        "customer_group": _("%(metric)s by customer group"),
        "touchpoint": _("%(metric)s by touchpoint"),
    }
    return titles[dimension] % {"metric": metric.name}


def _in_order(dimension: str, by_group: dict[str, dict[int, int]] | None, names: dict) -> list:
    """The groups of a breakdown: the organisation's terms in their own order, others after them by code."""
    by_group = by_group or {}
    if dimension not in names:
        return sorted(by_group.items())
    order = {code: index for index, code in enumerate(names[dimension])}
    return sorted(by_group.items(), key=lambda pair: (order.get(pair[0], len(order)), pair[0]))


def _group_label(dimension: str, group: str, names: dict) -> str:
    if not group:
        return _("Not given")
    if dimension == "channel" and group in Channel.values:
        return str(Channel(group).label)
    if dimension == "language":
        return {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}.get(group, group)
    if dimension in names:
        return names[dimension].get(group, group)
    return group


def response_rate(service, period: Period) -> ResponseRate | None:
    """Displays of the service's widgets against the responses they brought, or None without widgets."""
    points = CollectionPoint.objects.filter(survey__service=service, kind=CollectionPoint.Kind.WIDGET)
    within = {"collection_point__in": points, "day__gte": period.start, "day__lte": period.end}
    displays, responses = (
        model.objects.filter(**within)
        .annotate(kind=Value(position))
        .values_list("kind")
        .annotate(total=Sum("count"))
        .values_list("kind", "total")
        .order_by()
        for position, model in enumerate((DisplayCount, DailyResponseCount))
    )
    totals = dict(displays.union(responses, all=True))  # one query for both
    if not totals.get(0):
        return None
    return ResponseRate(totals[0], totals.get(1) or 0)
