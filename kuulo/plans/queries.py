"""Figures of a development plan: each goal's current value against its target,
the trend of its metric, the plan's actions, and upcoming checkpoints.

The current value of a measurable goal is the score over the last
CURRENT_DAYS days up to a day (today on the plan page, the checkpoint's day
in its report), read from the rollups as the dashboards read them
(kuulo.feedback.histograms) and scored by `Metric.score`, so
suppression below the minimum n applies: then the status is "cannot tell".
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kuulo.backlog.models import BacklogItem
from kuulo.board.queries import mark_late
from kuulo.feedback.histograms import histograms
from kuulo.lib import charts
from kuulo.lib.periods import Period, bucket_label, buckets
from kuulo.lib.templatetags.figures import figure, format_number
from kuulo.metrics.models import Metric
from kuulo.metrics.scoring import MIN_N, Score
from kuulo.organisation.forms import descendant_ids
from kuulo.organisation.models import Service
from kuulo.plans.access import visible_plans
from kuulo.plans.models import Checkpoint, Goal, Plan

CURRENT_DAYS = 90
TREND_MONTHS = 12

MET, NOT_YET, CANNOT_TELL = "met", "not_yet", "cannot_tell"


def plan_services(plan: Plan) -> QuerySet[Service]:
    """The service of a service's plan; for a unit's plan, the services of the unit and the units below it."""
    if plan.service_id:
        return Service.objects.filter(pk=plan.service_id)
    return Service.objects.filter(unit_id__in=descendant_ids(plan.unit) | {plan.unit_id})


def goal_services(goal: Goal, plan: Plan) -> list[int]:
    if plan.service_id:
        return [plan.service_id]
    if goal.service_id:
        return [goal.service_id]
    return list(plan_services(plan).values_list("pk", flat=True))


@dataclass
class GoalFigure:
    goal: Goal
    period: Period
    score: Score | None  # None for a written goal
    trend: charts.LineChart | None = None

    @property
    def chart_id(self) -> str:
        return f"goal-{self.goal.pk}-trend"

    @property
    def measurable(self) -> bool:
        return self.score is not None and self.goal.target_level is not None

    @property
    def status(self) -> str:
        if not self.measurable:
            return ""
        if self.score.suppressed:
            return CANNOT_TELL
        down = self.goal.metric.good_direction == Metric.Direction.DOWN
        reached = self.score.value <= self.goal.target_level if down else self.score.value >= self.goal.target_level
        return MET if reached else NOT_YET

    @property
    def status_text(self) -> str:
        texts = {
            MET: _("Met"),
            NOT_YET: _("Not yet met"),
            CANNOT_TELL: _("Cannot tell: too few answers"),
        }
        return texts.get(self.status, "")

    @property
    def sentence(self) -> str:
        """The goal's state in words, e.g. "CSAT 84 % (n 212, interval 79 %–88 %) against the target 80 %."."""
        if not self.measurable:
            return ""
        metric, score = self.goal.metric, self.score
        values = {
            "metric": metric.name,
            "target": figure(self.goal.target_level, metric),
            "n": format_number(score.n),
            "min_n": MIN_N,
        }
        if score.suppressed:
            return (
                _(
                    "%(metric)s: %(n)s answers, too few to tell (at least %(min_n)s are needed); "
                    "the target is %(target)s."
                )
                % values
            )
        values.update(
            value=figure(score.value, metric), low=figure(score.ci_low, metric), high=figure(score.ci_high, metric)
        )
        return (
            _("%(metric)s %(value)s (n %(n)s, confidence interval %(low)s–%(high)s) against the target %(target)s.")
            % values
        )


def current_period(on: datetime.date) -> Period:
    return Period(on - datetime.timedelta(days=CURRENT_DAYS - 1), on)


def goal_figures(plan: Plan, on: datetime.date | None = None, *, trends: bool = True) -> list[GoalFigure]:
    """Every goal of the plan with its current score (the CURRENT_DAYS days up to `on`) and trend."""
    on = on or timezone.localdate()
    period = current_period(on)
    goals = sorted(
        plan.goals.select_related("metric", "service"),
        key=lambda goal: (goal.term != Goal.Term.SHORT, goal.target_date or datetime.date.max, goal.pk),
    )
    figures = []
    for goal in goals:
        if goal.metric_id is None:
            figures.append(GoalFigure(goal, period, None))
            continue
        service_ids = goal_services(goal, plan)
        found = histograms(start=period.start, end=period.end, services=service_ids, metrics=[goal.metric_id], by=[])
        figure_ = GoalFigure(goal, period, goal.metric.score(found.get((), {})))
        if trends:
            figure_.trend = goal_trend(goal, service_ids, on)
        figures.append(figure_)
    return figures


def goal_trend(goal: Goal, service_ids: list[int], on: datetime.date) -> charts.LineChart:
    """The goal's metric month by month over the TREND_MONTHS months up to `on`, with the target line."""
    first = on.replace(day=1)
    for _month in range(TREND_MONTHS - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    period = Period(first, on)
    by_month = histograms(
        start=period.start, end=period.end, services=service_ids, metrics=[goal.metric_id], by=["month"]
    )
    metric = goal.metric
    points = [
        charts.TrendPoint(bucket_label(start, "month"), metric.score(by_month.get((start,), {})))
        for start in buckets(period, "month")
    ]
    return charts.line_chart(
        str(metric.name),
        points,
        metric.score_bounds(),
        lambda value: figure(value, metric),
        goal.target_level,
    )


def plan_actions(plan: Plan, on: datetime.date | None = None) -> list[BacklogItem]:
    """The plan's backlog items in rank order, each with `is_late` as of `on`."""
    items = plan.actions.select_related("service", "assignee", "expected_metric")
    items = list(items.order_by("service__name_fi", "rank", "id"))
    mark_late(items, on)
    return items


def item_choices(plan: Plan) -> QuerySet[BacklogItem]:
    """The backlog items a plan may name as actions: those of its service(s)."""
    return (
        BacklogItem.objects.filter(service__in=plan_services(plan))
        .exclude(status=BacklogItem.Status.DISMISSED)
        .select_related("service")
        .order_by("service__name_fi", "rank", "id")
    )


def upcoming_checkpoints(within: datetime.timedelta, now: datetime.datetime | None = None) -> QuerySet[Checkpoint]:
    """Checkpoints that start between now and now + `within`, with their plan and attendees.

    For notifications (in the app and by e-mail) of the people attending. Archived plans have none."""
    now = now or timezone.now()
    return (
        Checkpoint.objects.filter(starts_at__gte=now, starts_at__lte=now + within, plan__archived_at__isnull=True)
        .select_related("plan", "plan__service", "plan__unit")
        .prefetch_related("attendees")
        .order_by("starts_at", "pk")
    )


def calendar_checkpoints(
    checkpoints: QuerySet[Checkpoint], now: datetime.datetime | None = None
) -> QuerySet[Checkpoint]:
    """What a calendar feed lists of `checkpoints`, with their plan and attendees.

    An archived plan keeps its past checkpoints in the feeds as history, but its upcoming
    ones leave them: they will not be held, and subscribed calendars drop them on their
    next refresh (unarchiving brings them back under the same UIDs)."""
    now = now or timezone.now()
    return (
        checkpoints.exclude(Q(plan__archived_at__isnull=False) & Q(starts_at__gte=now))
        .select_related("plan")
        .prefetch_related("attendees")
        .order_by("starts_at", "pk")
    )


def attended_checkpoints(user) -> QuerySet[Checkpoint]:
    """The checkpoints `user` attends, of the plans they may read: their own calendar.

    Attending does not open a plan: a checkpoint of a plan the person cannot read stays
    out, as everywhere else (its title would name a service they cannot see)."""
    return Checkpoint.objects.filter(attendees=user, plan__in=visible_plans(user).values("pk"))
