"""Rollup histograms per service × metric × day (or week, month) for BI tools.

/scores/daily is the scored feed; this endpoint adds the distribution of
answers (scale value → count) behind each score, for a chosen grain, so a
tool can draw distributions or ask for a month's score without averaging
days. A group with fewer answers than the minimum n shows neither score nor
histogram.
"""

from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from kuulo.api import feeds, reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.api.figures import MeanFigure, ScoreFigure
from kuulo.feedback.histograms import GRAINS
from kuulo.organisation.models import Service

SCOPE = "aggregates"
MAX_LIMIT = 5000


class AggregateFilters(Schema):
    start: reading.Day | None = Field(None, description="First day (ISO date). Default: 30 days before `end`.")
    end: reading.Day | None = Field(
        None, description="Last day (ISO date). Default: today. At most three years in all."
    )
    service: str | None = Field(None, description="A service's short name; default every service you may see.")
    metric: str | None = Field(None, description="A metric code such as `csat`; default every metric.")
    channel: str | None = Field(None, description="Only answers from this channel, e.g. `web`.")
    language: str | None = Field(None, description="Only answers in this language: `fi`, `sv` or `en`.")
    customer_group: str | None = Field(None, description="Only answers from this customer group.")
    grain: str = Field(
        "day",
        description="`day`, `week` (from Monday) or `month`: the length of each row's bucket.",
        json_schema_extra=reading.choices(*GRAINS, blank=False),
    )
    cursor: str | None = reading.CURSOR
    limit: int = reading.limit_field(1000, MAX_LIMIT)


class Aggregate(Schema):
    day: date = Field(description="First day of the bucket (the day itself for grain=day), clipped to `start`.")
    grain: str
    service: str = Field(description="The service's short name.")
    service_name: str
    metric: str
    metric_version: int
    n: int = Field(description="Number of answers.")
    histogram: dict[str, int] | None = Field(
        description="Answers per scale value (multi-item metrics: per respondent's raw sum); null when suppressed."
    )
    score: ScoreFigure | None = Field(description="The score, to one decimal; null when suppressed.")
    ci_low: ScoreFigure | None = Field(description="Lower end of the 95 % interval, to one decimal.")
    ci_high: ScoreFigure | None = Field(description="Upper end of the 95 % interval, to one decimal.")
    mean: MeanFigure | None = Field(
        description="Mean answer for top-box metrics, to two decimals; null otherwise or when suppressed."
    )
    suppressed: bool = Field(description="True when n is below the minimum (10): score and histogram are hidden.")


class Aggregates(reading.Page):
    items: list[Aggregate]


router = Router(tags=["aggregates"])


@router.get(
    "",
    auth=READ,
    response={200: Aggregates, **reading.READ_ERRORS},
    summary="Histograms of answers per service, metric and day, week or month",
    description=(
        "One row per bucket, service and metric: the number of answers (n), how many gave each scale value, "
        "and the score with its 95 % interval, summed over channels, languages and customer groups unless "
        "one is filtered. Groups of fewer than 10 answers have `suppressed: true` and no score or histogram. "
        "Ordered by (day, service, metric); page with `next_cursor`."
    ),
)
def aggregates(request: HttpRequest, filters: Query[AggregateFilters]):
    paging = reading.rollup_paging(SCOPE, filters.cursor, filters.limit, MAX_LIMIT)
    if filters.grain not in GRAINS:
        raise Refusal(400, {"grain": _("Choose day, week or month.")})
    service_ids, metrics_by_id, feed_filters = reading.rollup_selection(request, filters)
    groups = feeds.scored_rollups(service_ids, metrics_by_id, feed_filters, filters.grain, paging.after)
    groups, next_cursor = paging.cut(groups, key=reading.rollup_key)
    services = Service.objects.in_bulk({group.service_id for group in groups})
    items = [
        {
            "day": max(group.bucket, feed_filters.start),
            "grain": filters.grain,
            "service": services[group.service_id].slug,
            "service_name": services[group.service_id].name,
            "metric": group.metric.code,
            "metric_version": group.metric.version,
            "n": group.score.n,
            "histogram": None if group.score.suppressed else {str(k): v for k, v in group.histogram.items()},
            "score": group.score.value,
            "ci_low": group.score.ci_low,
            "ci_high": group.score.ci_high,
            "mean": None if group.score.suppressed else group.score.mean,
            "suppressed": group.score.suppressed,
        }
        for group in groups
    ]
    return {"items": items, "next_cursor": next_cursor}
