"""Read endpoints for single records: responses, comments, themes and insights.

Every list is ordered by id and paged with an opaque `next_cursor`. A token
with the read scope reads every service or the services it is limited to; a
logged-in person's session only the services they may see (another service
answers 404). Responses and comments are raw
rows, not scores: anyone who may see a service may read them, however few.
"""

from datetime import date, datetime

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from kuulo.api import feeds, reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.comments.models import CommentTheme, Theme
from kuulo.feedback.models import Response, Sentiment
from kuulo.insights.models import Insight, SegmentEvidence
from kuulo.lib.translated import LANGUAGE_CODES, pick
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service
from kuulo.traceability.queries import source_ids

MAX_LIMIT = 1000
LIMIT = reading.limit_field(100, MAX_LIMIT)
CURSOR = reading.CURSOR
START = Field(None, description="First day the customer answered (ISO date). Default: 30 days before `end`.")
END = Field(None, description="Last day (ISO date). Default: today. At most three years in all.")
SERVICE = Field(None, description="A service's short name; default every service you may see.")

router = Router()


def slugs_of(ids) -> dict[int, str]:
    return dict(Service.objects.filter(pk__in=set(ids)).values_list("pk", "slug"))


# Responses


class ResponseFilters(Schema):
    start: reading.Day | None = START
    end: reading.Day | None = END
    service: str | None = SERVICE
    channel: str | None = Field(None, description="e.g. `web`, `phone`, `service_point`.")
    language: str | None = Field(None, description="The language the customer answered in: `fi`, `sv` or `en`.")
    customer_group: str | None = None
    cursor: str | None = CURSOR
    limit: int = LIMIT


class AnswerRecord(Schema):
    metric: str
    metric_version: int
    item: int = Field(description="Position of the item from 0: always 0 for single-item metrics.")
    value: int


class ResponseComment(Schema):
    id: int
    question_id: int
    text: str = Field(description="The comment, personal data redacted.")
    language: str
    detected_language: str = Field(description="Language of the text found by analysis; empty until analysed.")
    sentiment: str = Field(description="positive, neutral or negative; empty until analysed.")


class ResponseRecord(Schema):
    id: int
    service: str
    responded_at: datetime
    channel: str
    language: str
    customer_group: str
    touchpoint: str
    survey_version: int = Field(description="Id of the survey version answered.")
    answers: list[AnswerRecord]
    comments: list[ResponseComment]


class ResponsePage(reading.Page):
    items: list[ResponseRecord]


@router.get(
    "/responses",
    auth=READ,
    response={200: ResponsePage, **reading.READ_ERRORS},
    tags=["responses"],
    summary="Accepted responses with their answers and comments",
    description="Responses waiting for review or discarded are left out. Filter by the day the customer "
    "answered (`start`, `end`, default the last 30 days), `service`, `channel`, `language` and "
    "`customer_group`. Ordered by id; page with `next_cursor`.",
)
def responses(request: HttpRequest, filters: Query[ResponseFilters]):
    paging = reading.id_paging("responses", filters.cursor, filters.limit, MAX_LIMIT)
    feed_filters = reading.segment_filters(filters)
    scope = reading.service_scope(request, filters.service)
    page, next_cursor = paging.cut(feeds.responses_page(scope, feed_filters, paging.after, paging.size))
    slugs = slugs_of(row.service_id for row in page)
    metrics = {pk: (code, version) for pk, code, version in Metric.objects.values_list("pk", "code", "version")}
    items = [
        {
            "id": row.id,
            "service": slugs[row.service_id],
            "responded_at": row.responded_at,
            "channel": row.channel,
            "language": row.language,
            "customer_group": row.customer_group,
            "touchpoint": row.touchpoint,
            "survey_version": row.survey_version_id,
            "answers": [
                {"metric": metrics[m][0], "metric_version": metrics[m][1], "item": item, "value": value}
                for m, item, value in row.answers
            ],
            "comments": row.comments,
        }
        for row in page
    ]
    return {"items": items, "next_cursor": next_cursor}


# Comments


class CommentFilters(Schema):
    start: reading.Day | None = START
    end: reading.Day | None = END
    service: str | None = SERVICE
    language: str | None = Field(None, description="The language the customer answered in: `fi`, `sv` or `en`.")
    detected_language: str | None = Field(None, description="The language of the text: `fi`, `sv`, `en` or `xx`.")
    sentiment: str | None = Field(
        None, description="`positive`, `neutral` or `negative`.", json_schema_extra=reading.choices(*Sentiment.values)
    )
    theme: int | None = Field(None, description="A theme's id (see /themes).")
    q: str | None = Field(None, description="Words the text (or its lemmas) contains.", max_length=200)
    cursor: str | None = CURSOR
    limit: int = LIMIT


class ThemeRef(Schema):
    id: int
    name: str


class CommentRecord(Schema):
    id: int
    response_id: int
    service: str
    responded_at: datetime
    channel: str
    language: str = Field(description="The language the customer answered in.")
    detected_language: str = Field(
        description="Language of the text found by analysis (`xx`: another); empty until analysed."
    )
    sentiment: str = Field(description="positive, neutral or negative; empty until analysed.")
    score: int | None = Field(description="The response's first metric answer on a 0–100 scale.")
    text: str = Field(description="The comment, personal data redacted.")
    analysed_at: datetime | None
    themes: list[ThemeRef]
    insights: list[int] = Field(description="Ids of the insights this comment is evidence for.")


class CommentPage(reading.Page):
    items: list[CommentRecord]


@router.get(
    "/comments",
    auth=READ,
    response={200: CommentPage, **reading.READ_ERRORS},
    tags=["comments"],
    summary="Comments with their themes, sentiment and language",
    description="Comments of accepted responses. Filter by the day the customer answered (`start`, `end`, "
    "default the last 30 days), `service`, `language`, `detected_language`, `sentiment`, `theme` and words "
    "(`q`). Ordered by id; page with `next_cursor`.",
)
def comments(request: HttpRequest, filters: Query[CommentFilters]):
    paging = reading.id_paging("comments", filters.cursor, filters.limit, MAX_LIMIT)
    if filters.sentiment and filters.sentiment not in Sentiment.values:
        raise Refusal(400, {"sentiment": _("Choose positive, neutral or negative.")})
    start, end = reading.period(filters.start, filters.end)
    scope = reading.service_scope(request, filters.service)
    feed_filters = feeds.Filters(
        start=start,
        end=end,
        language=filters.language or "",
        detected_language=filters.detected_language or "",
        sentiment=filters.sentiment or "",
        theme=filters.theme,
        q=(filters.q or "").strip(),
    )
    page, next_cursor = paging.cut(feeds.comments_page(scope, feed_filters, paging.after, paging.size))
    slugs = slugs_of(row.service_id for row in page)
    items = [
        {
            "id": row.id,
            "response_id": row.response_id,
            "service": slugs[row.service_id],
            "responded_at": row.responded_at,
            "channel": row.channel,
            "language": row.language,
            "detected_language": row.detected_language,
            "sentiment": row.sentiment,
            "score": row.score,
            "text": row.text,
            "analysed_at": row.analysed_at,
            "themes": [{"id": theme_id, "name": name} for theme_id, name in row.themes],
            "insights": row.insight_ids,
        }
        for row in page
    ]
    return {"items": items, "next_cursor": next_cursor}


# Themes


class ThemeFilters(Schema):
    start: reading.Day | None = Field(
        None, description="Count comments from this day (ISO date). Default: 30 days before `end`."
    )
    end: reading.Day | None = Field(None, description="Count comments up to this day. Default: today.")
    service: str | None = Field(
        None, description="Themes of this service and the themes of every service; counts from it alone."
    )
    cursor: str | None = CURSOR
    limit: int = LIMIT


class ThemeNames(Schema):
    fi: str = Field(description="The name in Finnish; empty when none was written.")
    sv: str = Field(description="The name in Swedish; empty when none was written.")
    en: str = Field(description="The name in English; empty when none was written.")


class ThemeRecord(Schema):
    id: int
    name: str = Field(
        description="The name in the request's language (Accept-Language; default the organisation's), "
        "or in another language when it has none in that one."
    )
    names: ThemeNames = Field(description="The name in each language.")
    kind: str = Field(description="`auto` (found by clustering) or `rule` (a list of lemmas written by staff).")
    service: str | None = Field(description="The service's short name; null for a theme of every service.")
    terms: list[str] = Field(description="Rule themes: their lemmas.")
    top_terms: dict[str, list[str]] = Field(description="Automatic themes: top terms per language.")
    comments: int = Field(description="Comments with this theme in the period, of the services you may see.")


class ThemePage(reading.Page):
    items: list[ThemeRecord]


NAME_FIELDS = [f"name_{code}" for code in LANGUAGE_CODES]


def theme_names(row: dict) -> dict[str, str]:
    return {code: row[f"name_{code}"] for code in LANGUAGE_CODES}


@router.get(
    "/themes",
    auth=READ,
    response={200: ThemePage, **reading.READ_ERRORS},
    tags=["comments"],
    summary="Themes of comments with their counts in a period",
    description="Automatic and rule themes with the number of comments that have each theme between `start` "
    "and `end` (default the last 30 days). Ordered by id; page with `next_cursor`.",
)
def themes(request: HttpRequest, filters: Query[ThemeFilters]):
    paging = reading.id_paging("themes", filters.cursor, filters.limit, MAX_LIMIT)
    start, end = reading.period(filters.start, filters.end)
    scope = reading.service_scope(request, filters.service)
    rows = Theme.objects.filter(pk__gt=paging.after).order_by("pk")
    if scope is not None:
        rows = rows.filter(Q(service__isnull=True) | Q(service_id__in=scope))
    rows = rows.values("id", *NAME_FIELDS, "kind", "service_id", "terms", "top_terms")
    page, next_cursor = paging.cut(rows, key=lambda row: [row["id"]])
    links = CommentTheme.objects.filter(
        theme_id__in=[row["id"] for row in page],
        comment__response__status=Response.Status.ACCEPTED,
        **feeds.Filters(start=start, end=end).responded_between("comment__response__"),
    )
    if scope is not None:
        links = links.filter(comment__response__service_id__in=scope)
    counts = dict(links.values_list("theme_id").annotate(n=Count("id")).order_by())
    slugs = slugs_of(row["service_id"] for row in page if row["service_id"])
    items = [
        {
            "id": row["id"],
            "name": pick(theme_names(row)),
            "names": theme_names(row),
            "kind": row["kind"],
            "service": slugs.get(row["service_id"]),
            "terms": row["terms"] if isinstance(row["terms"], list) else [],
            "top_terms": row["top_terms"] if isinstance(row["top_terms"], dict) else {},
            "comments": counts.get(row["id"], 0),
        }
        for row in page
    ]
    return {"items": items, "next_cursor": next_cursor}


# Insights


class InsightFilters(Schema):
    service: str | None = SERVICE
    status: str | None = Field(
        None,
        description="`draft`, `confirmed`, `actioned` or `archived`.",
        json_schema_extra=reading.choices(*Insight.Status.values),
    )
    tag: str | None = Field(None, description="A tag's name.")
    cursor: str | None = CURSOR
    limit: int = LIMIT


class SegmentRecord(Schema):
    id: int
    metric: str
    metric_version: int
    start: date
    end: date
    channel: str
    language: str
    customer_group: str
    touchpoint: str
    note: str


class InsightRecord(Schema):
    id: int
    service: str
    statement: str
    status: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    comments: list[int] = Field(description="Ids of the comments that are evidence (see /comments).")
    segments: list[SegmentRecord] = Field(description="Slices of the responses that are evidence.")


class InsightPage(reading.Page):
    items: list[InsightRecord]


@router.get(
    "/insights",
    auth=READ,
    response={200: InsightPage, **reading.READ_ERRORS},
    tags=["insights"],
    summary="Insights with their tags and evidence",
    description="Findings of the insight repository with the ids of the comments and the response segments "
    "they rest on. Filter by `service`, `status` and `tag`. Ordered by id; page with `next_cursor`.",
)
def insights(request: HttpRequest, filters: Query[InsightFilters]):
    paging = reading.id_paging("insights", filters.cursor, filters.limit, MAX_LIMIT)
    if filters.status and filters.status not in Insight.Status.values:
        raise Refusal(400, {"status": _("Choose draft, confirmed, actioned or archived.")})
    scope = reading.service_scope(request, filters.service)
    rows = Insight.objects.filter(pk__gt=paging.after).order_by("pk").select_related("service")
    if scope is not None:
        rows = rows.filter(service_id__in=scope)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.tag:
        rows = rows.filter(tags__name=filters.tag)
    page, next_cursor = paging.cut(rows)
    ids = [insight.pk for insight in page]
    tags: dict[int, list[str]] = {pk: [] for pk in ids}
    for insight_id, name in Insight.tags.through.objects.filter(insight_id__in=ids).values_list(
        "insight_id", "tag__name"
    ):
        tags[insight_id].append(name)
    comments = source_ids("insight", ids, "comment")
    segments: dict[int, list[dict]] = {pk: [] for pk in ids}
    for segment in SegmentEvidence.objects.filter(insight_id__in=ids).select_related("metric").order_by("pk"):
        segments[segment.insight_id].append(
            {
                "id": segment.pk,
                "metric": segment.metric.code,
                "metric_version": segment.metric.version,
                "start": segment.start,
                "end": segment.end,
                "channel": segment.channel,
                "language": segment.language,
                "customer_group": segment.customer_group,
                "touchpoint": segment.touchpoint,
                "note": segment.note,
            }
        )
    items = [
        {
            "id": insight.pk,
            "service": insight.service.slug,
            "statement": insight.statement,
            "status": insight.status,
            "tags": sorted(tags[insight.pk]),
            "created_at": insight.created_at,
            "updated_at": insight.updated_at,
            "comments": comments.get(insight.pk, []),
            "segments": segments[insight.pk],
        }
        for insight in page
    ]
    return {"items": items, "next_cursor": next_cursor}
