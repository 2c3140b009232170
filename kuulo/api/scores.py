"""Read endpoints for BI tools: daily scores per service and metric.

Power BI, Excel or any reporting tool reads the flat feed (JSON with cursor
pagination, or one CSV). Scores come from the daily rollups through
Metric.score, so a score from fewer answers than the minimum is left out
here exactly as on the pages.
"""

from collections.abc import Iterable, Iterator
from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from kuulo.api import feeds, reading
from kuulo.api.auth import READ
from kuulo.api.figures import ScoreFigure
from kuulo.lib.exports import csv_response
from kuulo.organisation.models import Service


class DailyScore(Schema):
    day: date
    service: str
    service_name: str
    metric: str
    metric_version: int
    n: int
    score: ScoreFigure | None = Field(description="The score, to one decimal; null when suppressed.")
    ci_low: ScoreFigure | None = Field(description="Lower end of the 95 % interval, to one decimal.")
    ci_high: ScoreFigure | None = Field(description="Upper end of the 95 % interval, to one decimal.")
    suppressed: bool


class DailyScores(reading.Page):
    items: list[DailyScore]


class ScoreFilters(Schema):
    start: reading.Day | None = None
    end: reading.Day | None = None
    service: str | None = None
    metric: str | None = None
    channel: str | None = None
    language: str | None = None
    customer_group: str | None = None


def scored_days(request: HttpRequest, filters: ScoreFilters, after: tuple | None = None) -> Iterator[feeds.ScoredGroup]:
    """Checks the filters at once (a bad one raises Refusal) and returns the groups lazily."""
    service_ids, metrics_by_id, feed_filters = reading.rollup_selection(request, filters)
    return feeds.scored_rollups(service_ids, metrics_by_id, feed_filters, "day", after)


def daily_scores_of(groups: Iterable[feeds.ScoredGroup]) -> Iterator[DailyScore]:
    services: dict[int, Service] = {}
    for group in groups:
        if group.service_id not in services:
            services[group.service_id] = Service.objects.get(pk=group.service_id)
        service, metric, score = services[group.service_id], group.metric, group.score
        yield DailyScore(
            day=group.bucket,
            service=service.slug,
            service_name=service.name,
            metric=metric.code,
            metric_version=metric.version,
            n=score.n,
            score=score.value,
            ci_low=score.ci_low,
            ci_high=score.ci_high,
            suppressed=score.suppressed,
        )


MAX_LIMIT = 5000
router = Router(tags=["scores"])


@router.get(
    "/daily",
    auth=READ,
    response={200: DailyScores, **reading.READ_ERRORS},
    summary="Daily scores per service and metric",
    description=(
        "One row per day, service and metric with the number of answers (n), the score and its 95 % "
        "interval. Scores from fewer than 10 answers are null with `suppressed: true`. Filter by period "
        "(`start`, `end`; default the last 30 days), `service` (short name), `metric` (code), `channel`, "
        "`language` and `customer_group`. Page with `next_cursor`."
    ),
)
def daily_scores(
    request: HttpRequest,
    filters: Query[ScoreFilters],
    cursor: str | None = Query(None, description="`next_cursor` of the previous page; leave out for the first page."),
    limit: int = Query(1000, ge=1, le=MAX_LIMIT, description=f"Rows per page, 1–{MAX_LIMIT}."),
):
    paging = reading.rollup_paging("scores", cursor, limit, MAX_LIMIT)
    groups, next_cursor = paging.cut(scored_days(request, filters, paging.after), key=reading.rollup_key)
    return {"items": list(daily_scores_of(groups)), "next_cursor": next_cursor}


@router.get(
    "/daily.csv",
    auth=READ,
    summary="Daily scores as one CSV file",
    description="The same rows as /scores/daily, all of them, as CSV for Excel or Power BI (Get data → Web).",
    response=reading.READ_ERRORS,
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}}},
)
def daily_scores_csv(request: HttpRequest, filters: Query[ScoreFilters]):
    columns = list(DailyScore.model_fields)
    rows = (
        ["" if value is None else value for value in (item.dict()[column] for column in columns)]
        for item in daily_scores_of(scored_days(request, filters))
    )
    return csv_response("kuulo-daily-scores.csv", columns, rows)
