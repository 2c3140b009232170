"""Measured effect: the metric before vs after a change, from the rollups.

A done backlog item is compared over N weeks before the week it was done and
N weeks after it (the done week itself is left out: the change lands somewhere
in it). An experiment is compared over its own run (start..end) against the
same number of days just before it. Both read the service's daily rollup
histograms (kuulo.feedback.histograms, as the dashboards do) and
compare them through `Metric.compare`, the one scoring module, so small-n
suppression applies: below the minimum n on either side there is no verdict.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kuulo.backlog.models import BacklogItem, Direction
from kuulo.effects.models import Experiment
from kuulo.feedback.histograms import histograms
from kuulo.lib.periods import Period
from kuulo.lib.templatetags.figures import figure, format_number, signed
from kuulo.metrics.models import Metric
from kuulo.metrics.scoring import MIN_N, Comparison

WEEKS = 8


@dataclass
class Measurement:
    """One before/after comparison of a metric for a service."""

    metric: Metric
    before: Period
    after: Period  # may end after today: then only the days so far are counted
    comparison: Comparison
    direction: str  # the expected direction, "up" or "down"
    target: float | None = None
    minimum_change: float | None = None  # experiments: the smallest change that counts

    @property
    def started(self) -> bool:
        return self.after.start <= timezone.localdate()

    @property
    def complete(self) -> bool:
        return self.after.end < timezone.localdate()

    @property
    def difference_text(self) -> str:
        return signed_figure(self.comparison.difference, self.metric)

    @property
    def moved_as_expected(self) -> bool | None:
        """Significant and in the expected direction; None without a verdict."""
        if self.comparison.suppressed:
            return None
        difference = self.comparison.difference
        right_way = difference > 0 if self.direction == Direction.UP else difference < 0
        return self.comparison.significant and right_way

    @property
    def target_reached(self) -> bool | None:
        if self.target is None or self.comparison.after.suppressed:
            return None
        value = self.comparison.after.value
        return value >= self.target if self.direction == Direction.UP else value <= self.target

    @property
    def success(self) -> bool | None:
        """The expectation met: moved significantly the right way, by the minimum change
        and to the target where those are set. None without a verdict."""
        moved = self.moved_as_expected
        if moved is None:
            return None
        if self.minimum_change is not None and abs(self.comparison.difference) < self.minimum_change:
            return False
        return moved and self.target_reached is not False

    @property
    def sentence(self) -> str:
        """The finding in words, e.g. "CSAT rose from 71 % to 80 % (+9, significant)."."""
        return in_words(self.metric, self.comparison, self.started)

    @property
    def expectation(self) -> str:
        return expectation_in_words(self)

    @property
    def public_sentence(self) -> str:
        """For customers: the change in plain words, without the statistics (only shown when significant)."""
        values = {
            "metric": self.metric.plain_name,
            "before": figure(self.comparison.before.value, self.metric),
            "after": figure(self.comparison.after.value, self.metric),
        }
        if (self.comparison.difference or 0) > 0:
            return _("%(metric)s rose from %(before)s to %(after)s in the weeks after the change.") % values
        return _("%(metric)s fell from %(before)s to %(after)s in the weeks after the change.") % values


def signed_figure(value: float | None, metric: Metric) -> str:
    """A difference of two scores: "+9" for shares, indexes and NPS, "+0,3" for means."""
    if value is None:
        return "–"
    return signed(value, 1 if metric.rule == Metric.Rule.MEAN else 0)


def in_words(metric: Metric, comparison: Comparison, started: bool = True) -> str:
    if not started:
        return _("%(metric)s: the period after the change has not begun yet.") % {"metric": metric.name}
    if comparison.suppressed:
        return _(
            "%(metric)s: too few answers to tell (%(before)s before, %(after)s after; at least %(min_n)s "
            "are needed on each side)."
        ) % {
            "metric": metric.name,
            "before": format_number(comparison.before.n),
            "after": format_number(comparison.after.n),
            "min_n": MIN_N,
        }
    values = {
        "metric": metric.name,
        "before": figure(comparison.before.value, metric),
        "after": figure(comparison.after.value, metric),
        "change": signed_figure(comparison.difference, metric),
    }
    same = values["change"].startswith("±")
    if comparison.significant:
        if comparison.difference > 0:
            return _("%(metric)s rose from %(before)s to %(after)s (%(change)s, significant).") % values
        return _("%(metric)s fell from %(before)s to %(after)s (%(change)s, significant).") % values
    if same:
        return _("%(metric)s stayed at %(after)s (no significant change).") % values
    if comparison.difference > 0:
        return _("%(metric)s rose from %(before)s to %(after)s (%(change)s, not significant).") % values
    return _("%(metric)s fell from %(before)s to %(after)s (%(change)s, not significant).") % values


def expectation_in_words(measurement: Measurement) -> str:
    """Whether the expected direction, minimum change and target were reached."""
    if measurement.comparison.suppressed or not measurement.started:
        return _("No verdict yet.")
    up = measurement.direction == Direction.UP
    parts = []
    if measurement.moved_as_expected:
        parts.append(_("The expected rise was reached.") if up else _("The expected fall was reached."))
    else:
        parts.append(_("The expected rise was not shown.") if up else _("The expected fall was not shown."))
    if measurement.minimum_change is not None and measurement.moved_as_expected:
        smallest = signed_figure(measurement.minimum_change if up else -measurement.minimum_change, measurement.metric)
        if abs(measurement.comparison.difference) < measurement.minimum_change:
            parts.append(_("The change was smaller than %(change)s.") % {"change": smallest})
        else:
            parts.append(_("The change was at least %(change)s.") % {"change": smallest})
    if measurement.target is not None:
        values = {"target": figure(measurement.target, measurement.metric)}
        if measurement.target_reached:
            parts.append(_("The target %(target)s was reached.") % values)
        else:
            parts.append(_("The target %(target)s was not reached.") % values)
    return " ".join(parts)


# Periods


def item_periods(done_on: date, weeks: int = WEEKS) -> tuple[Period, Period]:
    """N whole weeks before the week of `done_on`, and N whole weeks after it."""
    monday = done_on - timedelta(days=done_on.weekday())
    before = Period(monday - timedelta(weeks=weeks), monday - timedelta(days=1))
    after_start = monday + timedelta(weeks=1)
    return before, Period(after_start, after_start + timedelta(weeks=weeks) - timedelta(days=1))


def experiment_periods(experiment: Experiment) -> tuple[Period, Period]:
    """The experiment's run, and as many days just before it."""
    during = Period(experiment.starts_on, experiment.ends_on)
    return during.previous(), during


# Reading the rollups


def _daily(service_id: int, metric_ids, start: date, end: date) -> dict[int, dict[date, dict[int, int]]]:
    """metric id → day → histogram, for one service, in one query."""
    found: dict[int, dict[date, dict[int, int]]] = defaultdict(dict)
    daily = histograms(start=start, end=end, services=[service_id], metrics=metric_ids, by=["metric", "day"])
    for (metric_id, day), histogram in daily.items():
        found[metric_id][day] = histogram
    return found


def _summed(by_day: dict[date, dict[int, int]], period: Period) -> dict[int, int]:
    total: dict[int, int] = defaultdict(int)
    last = min(period.end, timezone.localdate())
    for day, histogram in by_day.items():
        if period.start <= day <= last:
            for value, count in histogram.items():
                total[value] += count
    return dict(total)


def _measure(daily, metric: Metric, before: Period, after: Period, **expected) -> Measurement:
    by_day = daily.get(metric.pk, {})
    comparison = metric.compare(_summed(by_day, before), _summed(by_day, after))
    return Measurement(metric, before, after, comparison, **expected)


# Public functions


def done_items(service) -> list[BacklogItem]:
    """The service's done (and verified) items, newest done first."""
    return list(
        BacklogItem.objects.filter(service=service, done_at__isnull=False)
        .select_related("expected_metric")
        .order_by("-done_at", "-id")
    )


def item_effects(items: list[BacklogItem], weeks: int = WEEKS) -> dict[int, Measurement]:
    """item id → its Measurement, for the items that are done and name a metric; one query per service."""
    measured = [item for item in items if item.done_at and item.expected_metric_id]

    def plan(item: BacklogItem) -> tuple:
        expected = {"direction": item.expected_direction or Direction.UP, "target": item.expected_target}
        return (item.expected_metric, *item_periods(item.done_at, weeks), expected)

    return _measure_each(measured, plan)


def item_effect(item: BacklogItem, weeks: int = WEEKS) -> Measurement | None:
    return item_effects([item], weeks).get(item.pk)


def experiment_results(experiments: list[Experiment]) -> dict[int, Measurement]:
    """experiment id → the metric during the experiment (so far, while it runs) against the
    same length before it; one query per service."""

    def plan(experiment: Experiment) -> tuple:
        expected = {"direction": experiment.direction, "minimum_change": experiment.minimum_change}
        return (experiment.metric, *experiment_periods(experiment), expected)

    return _measure_each(experiments, plan)


def experiment_result(experiment: Experiment) -> Measurement:
    return experiment_results([experiment])[experiment.pk]


def measure_each(rows: list, plan) -> dict[int, Measurement]:
    """row id → its Measurement, for other apps' rows that follow a metric from a change (e.g. the
    goals of effect maps): `row.pk`, `row.service_id`, and `plan(row)` gives (metric, before period,
    after period, {"direction": …, "target": …}). The same reading and comparison as items."""
    return _measure_each(rows, plan)


def _measure_each(rows: list, plan) -> dict[int, Measurement]:
    """row id → its Measurement, where `plan(row)` gives (metric, before, after, expectations);
    the rollups of each service are read in one query."""
    plans = {row.pk: plan(row) for row in rows}
    by_service: dict[int, list] = defaultdict(list)
    for row in rows:
        by_service[row.service_id].append(plans[row.pk])
    daily = {}
    for service_id, service_plans in by_service.items():
        start = min(before.start for _metric, before, _after, _expected in service_plans)
        end = max(after.end for _metric, _before, after, _expected in service_plans)
        metric_ids = {metric.pk for metric, *_rest in service_plans}
        daily[service_id] = _daily(service_id, metric_ids, start, end)
    return {
        row.pk: _measure(daily[row.service_id], metric, before, after, **expected)
        for row in rows
        for metric, before, after, expected in [plans[row.pk]]
    }


def weekly_scores(service, metric: Metric, start: date, end: date) -> list[tuple[date, object]]:
    """(Monday, Score) for every week from `start` to `end`: the before/after chart."""
    monday = start - timedelta(days=start.weekday())
    daily = _daily(service.pk, [metric.pk], monday, end).get(metric.pk, {})
    weeks = []
    while monday <= end:
        week = Period(monday, monday + timedelta(days=6))
        weeks.append((monday, metric.score(_summed(daily, week))))
        monday += timedelta(weeks=1)
    return weeks


def timeline_marks(service, starts: list[date], period: Period) -> list[tuple[float, str]]:
    """(position, "Done: title (date)") of the service's items done within `period`, for
    `charts.add_markers` on a trend whose points are the buckets beginning on `starts`."""
    if not starts:
        return []
    items = BacklogItem.objects.filter(service=service, done_at__gte=period.start, done_at__lte=period.end).order_by(
        "done_at", "id"
    )
    marks = []
    for item in items.only("title", "done_at"):
        index = max(i for i, start in enumerate(starts) if start <= item.done_at) if item.done_at >= starts[0] else 0
        following = starts[index + 1] if index + 1 < len(starts) else _next_bucket(starts)
        length = max((following - starts[index]).days, 1)
        position = index + (item.done_at - starts[index]).days / length
        text = _("Done: %(title)s (%(date)s)") % {
            "title": item.title,
            "date": formats.date_format(item.done_at, "SHORT_DATE_FORMAT"),
        }
        marks.append((position, text))
    return marks


def _next_bucket(starts: list[date]) -> date:
    last = starts[-1]
    if len(starts) > 1 and (starts[-1] - starts[-2]).days == 7:
        return last + timedelta(weeks=1)
    return (last + timedelta(days=32)).replace(day=1)
