"""GET /api/v1/effects and /api/v1/experiments: whether the actions moved the
customers' experience, for BI tools.

The figures come from kuulo.effects.effect, the code behind the effect and
experiment pages, and through it from the one scoring module: a period with
fewer answers than the minimum n shows its n but no score, and without a
score on both sides there is no verdict. A token reads the whole
organisation; a logged-in person's session only the services they may see
(another service answers 404). Ordered by id and paged with `next_cursor`,
like the other read endpoints.
"""

from datetime import date, datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from kuulo.api import reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.api.figures import LevelFigure, PValue, ScoreFigure
from kuulo.backlog.actions import DONE_STATUSES
from kuulo.backlog.models import BacklogItem
from kuulo.effects import effect
from kuulo.effects.models import Experiment
from kuulo.lib.periods import Period
from kuulo.metrics.models import Metric
from kuulo.metrics.scoring import Score

MAX_LIMIT = 1000
LIMIT = reading.limit_field(100, MAX_LIMIT)
SERVICE = Field(None, description="A service's short name; default every service you may see.")
METRIC = Field(None, description="A metric code such as `csat`; default every metric.")

router = Router()


# The figures of one before/after comparison, shared by both endpoints


class PeriodFigures(Schema):
    start: date
    end: date = Field(description="Last day of the period; while it is still running, the answers so far count.")
    n: int = Field(description="Number of answers.")
    score: ScoreFigure | None = Field(description="To one decimal; null when n is below the minimum (10).")
    ci_low: ScoreFigure | None = Field(description="Lower end of the 95 % interval of the score; null when suppressed.")
    ci_high: ScoreFigure | None = Field(description="Upper end of the 95 % interval; null when suppressed.")
    suppressed: bool = Field(description="True when n is below the minimum (10): no score.")


class MeasurementRecord(Schema):
    before: PeriodFigures
    after: PeriodFigures
    started: bool = Field(description="The period after (or the experiment's run) has begun.")
    complete: bool = Field(description="The period after is over; until then the figures are the answers so far.")
    difference: ScoreFigure | None = Field(
        description="Score after − score before, on the score's scale, to one decimal; null without a verdict "
        "(either side below the minimum n)."
    )
    difference_ci_low: ScoreFigure | None = Field(
        description="Lower end of the 95 % interval of the difference; null without a verdict."
    )
    difference_ci_high: ScoreFigure | None = Field(description="Upper end of that interval; null without a verdict.")
    p_value: PValue | None = Field(
        description="Two-sided p-value of the difference, to four decimals (0.0: below 0.00005); null without a "
        "verdict."
    )
    test: str = Field(description="`two_proportion_z`, `nps_z` or `welch_t`.")
    significant: bool | None = Field(description="p < 0.05; null without a verdict.")
    direction_reached: bool | None = Field(
        description="The change is significant and in the expected direction; null without a verdict."
    )
    target_reached: bool | None = Field(
        description="The score after reaches the target level; null without a target or a score after."
    )
    expectation_met: bool | None = Field(
        description="Direction reached, by at least the minimum change (experiments) and to the target (items) "
        "where those are set; null without a verdict."
    )


def period_figures(period: Period, score: Score) -> dict:
    return {
        "start": period.start,
        "end": period.end,
        "n": score.n,
        "score": score.value,
        "ci_low": score.ci_low,
        "ci_high": score.ci_high,
        "suppressed": score.suppressed,
    }


def measurement_record(measurement: effect.Measurement) -> dict:
    comparison = measurement.comparison
    return {
        "before": period_figures(measurement.before, comparison.before),
        "after": period_figures(measurement.after, comparison.after),
        "started": measurement.started,
        "complete": measurement.complete,
        "difference": comparison.difference,
        "difference_ci_low": comparison.ci_low,
        "difference_ci_high": comparison.ci_high,
        "p_value": comparison.p_value,
        "test": comparison.test,
        "significant": None if comparison.suppressed else comparison.significant,
        "direction_reached": measurement.moved_as_expected,
        "target_reached": measurement.target_reached,
        "expectation_met": measurement.success,
    }


def checked_scope(request: HttpRequest, filters) -> list[int] | None:
    """The ids of the services to read, after checking `start`, `end`, `service` and `metric`:
    a start after the end answers 400, an unknown service or metric 404."""
    if filters.start and filters.end and filters.start > filters.end:
        raise Refusal(400, {"start": _("Give a start on or before the end.")})
    scope = reading.service_scope(request, filters.service)
    if filters.metric and not Metric.objects.filter(code=filters.metric).exists():
        raise Refusal(404, {"metric": _("No such metric.")})
    return scope


def narrowed(rows: QuerySet, scope: list[int] | None, **lookups) -> QuerySet:
    """`rows` of the services in `scope` (None: all), by the lookups that have a value."""
    if scope is not None:
        rows = rows.filter(service_id__in=scope)
    return rows.filter(**{lookup: value for lookup, value in lookups.items() if value})


# Effects of done items


class EffectFilters(Schema):
    service: str | None = SERVICE
    metric: str | None = METRIC
    status: str | None = Field(
        None,
        description="`done` or `verified` (the effect marked verified); default both.",
        json_schema_extra=reading.choices(*DONE_STATUSES),
    )
    start: reading.Day | None = Field(None, description="Items done on or after this day (ISO date).")
    end: reading.Day | None = Field(None, description="Items done on or before this day (ISO date).")
    cursor: str | None = reading.CURSOR
    limit: int = LIMIT


class EffectRecord(Schema):
    id: int = Field(description="The backlog item's id (see /backlog-items).")
    service: str
    title: str
    status: str = Field(description="done or verified")
    done_at: date
    metric: str = Field(description="Code of the metric the item should move.")
    metric_version: int
    direction: str = Field(description="The expected direction: up or down.")
    target: LevelFigure | None = Field(description="The level the metric should reach, if given; two decimals.")
    measurement: MeasurementRecord = Field(
        description=f"The metric over the {effect.WEEKS} whole weeks before the week the item was done against "
        f"the {effect.WEEKS} whole weeks after it; the done week itself is left out."
    )


class EffectPage(reading.Page):
    items: list[EffectRecord]


@router.get(
    "/effects",
    auth=READ,
    response={200: EffectPage, **reading.READ_ERRORS},
    tags=["backlog"],
    summary="Measured effect of done backlog items",
    description="One row per done (or verified) backlog item that names a metric it should move: the metric "
    f"before and after, as on the item's effect page ({effect.WEEKS} weeks each side), with both scores, their "
    "95 % intervals, the difference, its interval and p-value, and whether the expected direction and target "
    "were reached. A side with fewer than 10 answers has `suppressed: true` and no score, and then there is no "
    "verdict. Filter by `service`, `metric`, `status` and the day the item was done (`start`, `end`). Ordered by "
    "item id; page with `next_cursor`.",
)
def effects(request: HttpRequest, filters: Query[EffectFilters]):
    paging = reading.id_paging("effects", filters.cursor, filters.limit, MAX_LIMIT)
    if filters.status and filters.status not in DONE_STATUSES:
        raise Refusal(400, {"status": _("Choose done or verified.")})
    scope = checked_scope(request, filters)
    rows = BacklogItem.objects.filter(
        pk__gt=paging.after, status__in=DONE_STATUSES, done_at__isnull=False, expected_metric__isnull=False
    )
    rows = narrowed(
        rows,
        scope,
        status=filters.status,
        expected_metric__code=filters.metric,
        done_at__gte=filters.start,
        done_at__lte=filters.end,
    )
    rows = rows.order_by("pk").select_related("service", "expected_metric")
    page, next_cursor = paging.cut(rows)
    measured = effect.item_effects(page)
    items = [
        {
            "id": item.pk,
            "service": item.service.slug,
            "title": item.title,
            "status": item.status,
            "done_at": item.done_at,
            "metric": item.expected_metric.code,
            "metric_version": item.expected_metric.version,
            "direction": measured[item.pk].direction,
            "target": item.expected_target,
            "measurement": measurement_record(measured[item.pk]),
        }
        for item in page
    ]
    return {"items": items, "next_cursor": next_cursor}


# Experiments


class ExperimentFilters(Schema):
    service: str | None = SERVICE
    metric: str | None = METRIC
    start: reading.Day | None = Field(None, description="Experiments running on or after this day (ISO date).")
    end: reading.Day | None = Field(None, description="Experiments running on or before this day (ISO date).")
    cursor: str | None = reading.CURSOR
    limit: int = LIMIT


class ExperimentRecord(Schema):
    id: int
    service: str
    title: str
    hypothesis: str
    change: str = Field(description="What is tried.")
    metric: str
    metric_version: int
    direction: str = Field(description="The expected direction: up or down.")
    minimum_change: LevelFigure = Field(
        description="Success criterion: the metric moves significantly in the direction by at least this much; "
        "two decimals."
    )
    starts_on: date
    ends_on: date
    state: str = Field(description="planned (not begun), running or ended.")
    decision: str = Field(description="continue, change or stop; empty until the product owner decides.")
    learning: str = Field(description="What was learned, written with the decision.")
    items: list[int] = Field(description="Ids of the linked backlog items (see /backlog-items).")
    created_at: datetime
    measurement: MeasurementRecord = Field(
        description="The result: the metric during the run (`after`; so far, while it runs) against as many days "
        "just before it (`before`). `target_reached` is always null."
    )


class ExperimentPage(reading.Page):
    items: list[ExperimentRecord]


def state_of(experiment: Experiment, today: date) -> str:
    if experiment.starts_on > today:
        return "planned"
    return "running" if experiment.ends_on >= today else "ended"


@router.get(
    "/experiments",
    auth=READ,
    response={200: ExperimentPage, **reading.READ_ERRORS},
    tags=["backlog"],
    summary="Experiments with their hypothesis, result and decision",
    description="Each experiment with its hypothesis, metric, dates and success criterion, the result computed "
    "as on the experiment's page (the metric during the run against as many days before it, with both scores, "
    "their 95 % intervals, the difference, its interval and p-value), the decision, what was learned and the "
    "linked backlog items. A side with fewer than 10 answers has `suppressed: true` and no score, and then "
    "there is no verdict. Filter by `service`, `metric` and the days the experiment runs (`start`, `end`: "
    "those running at any time between them). Ordered by id; page with `next_cursor`.",
)
def experiments(request: HttpRequest, filters: Query[ExperimentFilters]):
    paging = reading.id_paging("experiments", filters.cursor, filters.limit, MAX_LIMIT)
    scope = checked_scope(request, filters)
    rows = narrowed(
        Experiment.objects.filter(pk__gt=paging.after),
        scope,
        metric__code=filters.metric,
        ends_on__gte=filters.start,
        starts_on__lte=filters.end,
    )
    rows = rows.order_by("pk").select_related("service", "metric")
    page, next_cursor = paging.cut(rows)
    results = effect.experiment_results(page)
    linked: dict[int, list[int]] = {experiment.pk: [] for experiment in page}
    for experiment_id, item_id in (
        Experiment.items.through.objects.filter(experiment_id__in=list(linked))
        .order_by("backlogitem_id")
        .values_list("experiment_id", "backlogitem_id")
    ):
        linked[experiment_id].append(item_id)
    today = timezone.localdate()
    items = [
        {
            "id": experiment.pk,
            "service": experiment.service.slug,
            "title": experiment.title,
            "hypothesis": experiment.hypothesis,
            "change": experiment.change,
            "metric": experiment.metric.code,
            "metric_version": experiment.metric.version,
            "direction": experiment.direction,
            "minimum_change": experiment.minimum_change,
            "starts_on": experiment.starts_on,
            "ends_on": experiment.ends_on,
            "state": state_of(experiment, today),
            "decision": experiment.decision,
            "learning": experiment.learning,
            "items": linked[experiment.pk],
            "created_at": experiment.created_at,
            "measurement": measurement_record(results[experiment.pk]),
        }
        for experiment in page
    ]
    return {"items": items, "next_cursor": next_cursor}
