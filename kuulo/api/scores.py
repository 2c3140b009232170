"""Read endpoints for BI tools: daily scores per service and metric.

Power BI, Excel or any reporting tool reads the flat feed (JSON with cursor
pagination, or one CSV). Scores come from the daily rollups through
Metric.score, so a score from fewer answers than the minimum is left out
here exactly as on the pages.
"""

import base64
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from kuulo.api.errors import Refusal
from kuulo.api.models import ApiToken
from kuulo.feedback.models import DailyAggregate
from kuulo.lib.exports import csv_response
from kuulo.metrics.models import Metric
from kuulo.organisation.access import visible_services
from kuulo.organisation.models import Service

MAX_DAYS = 366 * 3


class DailyScore(Schema):
    day: date
    service: str
    service_name: str
    metric: str
    metric_version: int
    n: int
    score: float | None
    ci_low: float | None
    ci_high: float | None
    suppressed: bool


class DailyScores(Schema):
    items: list[DailyScore]
    next_cursor: str | None


class ScoreFilters(Schema):
    start: date | None = None
    end: date | None = None
    service: str | None = None
    metric: str | None = None
    channel: str | None = None
    language: str | None = None
    customer_group: str | None = None


def services_for(request: HttpRequest):
    """A token reads the whole organisation; a logged-in person what they may see."""
    if isinstance(request.auth, ApiToken):
        return Service.objects.all()
    return visible_services(request.user)


def scored_days(request: HttpRequest, filters: ScoreFilters, after: tuple | None = None) -> Iterator[DailyScore]:
    """Checks the filters at once (a bad one raises Refusal) and returns the rows lazily."""
    end = filters.end or timezone.localdate()
    start = filters.start or end - timedelta(days=29)
    if start > end or (end - start).days > MAX_DAYS:
        raise Refusal(400, {"start": _("Give a start on or before the end, at most three years apart.")})
    services = {service.pk: service for service in services_for(request)}
    if filters.service:
        services = {pk: s for pk, s in services.items() if s.slug == filters.service}
        if not services:
            raise Refusal(404, {"service": _("No such service.")})
    metrics = Metric.objects.all()
    if filters.metric:
        metrics = metrics.filter(code=filters.metric)
        if not metrics:
            raise Refusal(404, {"metric": _("No such metric.")})
    metrics_by_id = {metric.pk: metric for metric in metrics}
    segment = {
        name: value
        for name, value in (
            ("channel", filters.channel),
            ("language", filters.language),
            ("customer_group", filters.customer_group),
        )
        if value
    }
    rows = (
        DailyAggregate.objects.filter(
            service_id__in=services, metric_id__in=metrics_by_id, day__gte=start, day__lte=end, **segment
        )
        .values_list("day", "service_id", "metric_id", "value")
        .annotate(total=Sum("count"))
        .order_by("day", "service_id", "metric_id", "value")
    )
    if after:
        rows = rows.filter(day__gte=after[0])
    return _scored(rows, services, metrics_by_id, after)


def _scored(rows, services: dict, metrics_by_id: dict, after: tuple | None) -> Iterator[DailyScore]:
    grouped: dict[tuple, dict[int, int]] = defaultdict(dict)
    for day, service_id, metric_id, value, total in rows:
        if total:
            grouped[(day, service_id, metric_id)][value] = total
    for (day, service_id, metric_id), histogram in grouped.items():
        if after and (day, service_id, metric_id) <= after:
            continue
        metric, service = metrics_by_id[metric_id], services[service_id]
        score = metric.score(histogram)
        yield DailyScore(
            day=day,
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


def encode_cursor(item: DailyScore, service_ids: dict, metric_ids: dict) -> str:
    raw = f"{item.day.isoformat()}|{service_ids[item.service]}|{metric_ids[(item.metric, item.metric_version)]}"
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(cursor: str) -> tuple:
    try:
        day, service_id, metric_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return date.fromisoformat(day), int(service_id), int(metric_id)
    except (ValueError, UnicodeDecodeError) as error:
        raise Refusal(400, {"cursor": _("This cursor is not valid.")}) from error


router = Router(tags=["scores"])


@router.get(
    "/daily",
    response=DailyScores,
    summary="Daily scores per service and metric",
    description=(
        "One row per day, service and metric with the number of answers (n), the score and its 95 % "
        "interval. Scores from fewer than 10 answers are null with `suppressed: true`. Filter by period "
        "(`start`, `end`; default the last 30 days), `service` (short name), `metric` (code), `channel`, "
        "`language` and `customer_group`. Page with `next_cursor`."
    ),
)
def daily_scores(request: HttpRequest, filters: Query[ScoreFilters], cursor: str | None = None, limit: int = 1000):
    if not 1 <= limit <= 5000:
        raise Refusal(400, {"limit": _("Between 1 and 5000.")})
    after = decode_cursor(cursor) if cursor else None
    items = []
    for item in scored_days(request, filters, after):
        items.append(item)
        if len(items) > limit:
            break
    next_cursor = None
    if len(items) > limit:
        items = items[:limit]
        service_ids = dict(Service.objects.values_list("slug", "pk"))
        metric_ids = {(code, version): pk for pk, code, version in Metric.objects.values_list("pk", "code", "version")}
        next_cursor = encode_cursor(items[-1], service_ids, metric_ids)
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/daily.csv",
    summary="Daily scores as one CSV file",
    description="The same rows as /scores/daily, all of them, as CSV for Excel or Power BI (Get data → Web).",
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {}}}}},
)
def daily_scores_csv(request: HttpRequest, filters: Query[ScoreFilters]):
    columns = list(DailyScore.model_fields)
    rows = (
        ["" if value is None else value for value in (item.dict()[column] for column in columns)]
        for item in scored_days(request, filters)
    )
    return csv_response("kuulo-daily-scores.csv", columns, rows)
