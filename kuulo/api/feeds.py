"""The rows Kuulo hands to other tools, read in key order and in pages.

The read API serves one page per request and the background exports walk
every page to a file, through the same functions here, so an API row and an
export row of the same thing never differ. Every function takes the ids of
the services the caller may see (None: every service, for an organisation
token) and a key to continue after, and never holds more than one page.

Scores come from the rollups (kuulo.feedback.histograms) through
Metric.score, the one scoring module; a histogram from fewer answers than the
minimum n is suppressed together with its score.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from kuulo.comments.models import CommentTheme
from kuulo.feedback.histograms import ordered_histograms
from kuulo.feedback.models import Answer, Comment, Response
from kuulo.lib.translated import LANGUAGE_CODES, active_language, pick
from kuulo.metrics.models import Metric
from kuulo.metrics.scoring import Score
from kuulo.traceability.queries import target_ids


@dataclass(frozen=True)
class Filters:
    """What every feed can be narrowed by; empty strings mean all."""

    start: date
    end: date
    channel: str = ""
    language: str = ""
    customer_group: str = ""
    # Comments only
    detected_language: str = ""
    sentiment: str = ""
    theme: int | None = None
    q: str = ""

    def segment(self) -> dict:
        names = {"channel": self.channel, "language": self.language, "customer_group": self.customer_group}
        return {name: value for name, value in names.items() if value}

    def responded_between(self, prefix: str = "") -> dict:
        """Lookups for responses answered on the local days start…end."""
        first = timezone.make_aware(datetime.combine(self.start, time.min))
        after_last = timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))
        return {f"{prefix}responded_at__gte": first, f"{prefix}responded_at__lt": after_last}


# Scored rollups: one histogram per bucket × service × metric


@dataclass
class ScoredGroup:
    bucket: date
    service_id: int
    metric: Metric
    histogram: dict[int, int]
    score: Score

    @property
    def key(self) -> tuple:
        return (self.bucket, self.service_id, self.metric.pk)


def scored_rollups(
    service_ids: list[int] | None,
    metrics_by_id: dict[int, Metric],
    filters: Filters,
    grain: str = "day",
    after: tuple | None = None,
) -> Iterator[ScoredGroup]:
    """Groups in (bucket, service, metric) order, summed over the segments
    the filters leave open, streamed from the database."""
    start = filters.start
    if after:
        # A bucket at or after the cursor's holds only days from the cursor's bucket on.
        start = max(start, after[0])
    groups = ordered_histograms(
        start=start,
        end=filters.end,
        services=service_ids,
        metrics=list(metrics_by_id),
        segment=filters.segment(),
        by=[grain, "service", "metric"],
    )
    for (bucket, service_id, metric_id), histogram in groups:
        if after and (bucket, service_id, metric_id) <= tuple(after):
            continue
        metric = metrics_by_id[metric_id]
        yield ScoredGroup(bucket, service_id, metric, histogram, metric.score(histogram))


# Responses with their answers and comments


@dataclass
class ResponseRow:
    id: int
    service_id: int
    responded_at: datetime
    channel: str
    language: str
    customer_group: str
    touchpoint: str
    survey_version_id: int
    answers: list[tuple[int, int, int]] = field(default_factory=list)  # (metric_id, item, value)
    comments: list[dict] = field(default_factory=list)


RESPONSE_FIELDS = [
    "id",
    "service_id",
    "responded_at",
    "channel",
    "language",
    "customer_group",
    "touchpoint",
    "survey_version_id",
]


def accepted_responses(service_ids: list[int] | None, filters: Filters) -> QuerySet[Response]:
    responses = Response.objects.filter(status=Response.Status.ACCEPTED, **filters.responded_between())
    if service_ids is not None:
        responses = responses.filter(service_id__in=service_ids)
    if filters.channel:
        responses = responses.filter(channel=filters.channel)
    if filters.language:
        responses = responses.filter(language=filters.language)
    if filters.customer_group:
        responses = responses.filter(customer_group=filters.customer_group)
    return responses


def responses_page(service_ids: list[int] | None, filters: Filters, after: int, size: int) -> list[ResponseRow]:
    """Up to `size` accepted responses with ids above `after`, in id order, with their answers and comments."""
    responses = accepted_responses(service_ids, filters)
    page = [ResponseRow(*row) for row in by_id_windows(responses.values_list(*RESPONSE_FIELDS), after, size)]
    if not page:
        return page
    by_id = {row.id: row for row in page}
    # The page's responses as a subquery: a list of thousands of ids is slow to build and to send.
    of_page = {"response_id__in": responses.filter(pk__gte=page[0].id, pk__lte=page[-1].id).values("pk")}
    answers = Answer.objects.filter(**of_page).order_by("response_id", "metric_id", "item")
    for response_id, metric_id, item, value in answers.values_list("response_id", "metric_id", "item", "value"):
        if response_id in by_id:
            by_id[response_id].answers.append((metric_id, item, value))
    comments = Comment.objects.filter(**of_page).order_by("pk")
    names = ["id", "response_id", "question_id", "text", "language", "detected_language", "sentiment"]
    for comment in comments.values(*names):
        if (row := by_id.get(comment.pop("response_id"))) is not None:
            row.comments.append(comment)
    return page


# Comments with themes, sentiment, language and linked insights


@dataclass
class CommentRow:
    id: int
    response_id: int
    service_id: int
    responded_at: datetime
    channel: str
    language: str
    detected_language: str
    sentiment: str
    score: int | None
    text: str
    analysed_at: datetime | None
    themes: list[tuple[int, str]] = field(default_factory=list)  # (theme id, name in the active language), by name
    insight_ids: list[int] = field(default_factory=list)


COMMENT_FIELDS = [
    "id",
    "response_id",
    "response__service_id",
    "response__responded_at",
    "response__channel",
    "language",
    "detected_language",
    "sentiment",
    "score",
    "text",
    "analysed_at",
]


def accepted_comments(service_ids: list[int] | None, filters: Filters) -> QuerySet[Comment]:
    comments = Comment.objects.filter(
        response__status=Response.Status.ACCEPTED, **filters.responded_between("response__")
    )
    if service_ids is not None:
        comments = comments.filter(response__service_id__in=service_ids)
    if filters.channel:
        comments = comments.filter(response__channel=filters.channel)
    if filters.customer_group:
        comments = comments.filter(response__customer_group=filters.customer_group)
    for name in ("language", "detected_language", "sentiment"):
        if value := getattr(filters, name):
            comments = comments.filter(**{name: value})
    if filters.theme is not None:
        comments = comments.filter(pk__in=CommentTheme.objects.filter(theme_id=filters.theme).values("comment_id"))
    if filters.q:
        comments = comments.filter(Q(text__icontains=filters.q) | Q(lemmas__icontains=filters.q))
    return comments


def comments_page(service_ids: list[int] | None, filters: Filters, after: int, size: int) -> list[CommentRow]:
    """Up to `size` comments of accepted responses with ids above `after`, in id order."""
    rows = by_id_windows(accepted_comments(service_ids, filters).values_list(*COMMENT_FIELDS), after, size)
    page = [CommentRow(*row) for row in rows]
    if not page:
        return page
    by_id = {row.id: row for row in page}
    language = active_language()
    name_fields = [f"theme__name_{code}" for code in LANGUAGE_CODES]
    links = CommentTheme.objects.filter(comment_id__in=list(by_id)).order_by("theme_id")
    for comment_id, theme_id, *names in links.values_list("comment_id", "theme_id", *name_fields):
        by_id[comment_id].themes.append((theme_id, pick(dict(zip(LANGUAGE_CODES, names, strict=True)), language)))
    for row in page:
        row.themes.sort(key=lambda theme: (theme[1].lower(), theme[0]))
    for comment_id, insight_ids in target_ids("comment", by_id, "insight").items():
        by_id[comment_id].insight_ids.extend(insight_ids)
    return page


def by_id_windows(rows: QuerySet, after: int, size: int) -> list:
    """Up to `size` of `rows` with ids above `after`, in id order, read through windows of ids.

    Asking for "the next 2,000 by id" with a period and service filter lets a
    database pick the (service, day) index and sort every matching row for each
    page, which makes a full walk quadratic. A window of ids (`id > a AND id <= b`)
    is read along the primary key instead; windows double until the page is
    full, so sparse filters need few queries."""
    top = rows.model.objects.aggregate(top=Max("pk"))["top"] or 0
    found: list = []
    span = max(size * 4, 1000)
    while len(found) < size and after < top:
        upper = after + span
        found += rows.filter(pk__gt=after, pk__lte=upper).order_by("pk")[: size - len(found)]
        after = upper
        span *= 2
    return found


def walk(page_function, *args, size: int = 2000) -> Iterator:
    """Every row of a paged feed, one page in memory at a time (for exports)."""
    after = -1  # before every id, 0 included
    while True:
        page = page_function(*args, after, size)
        yield from page
        if len(page) < size:
            return
        after = page[-1].id
