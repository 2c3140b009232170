"""The read side of the comment pages: which comments a filter selects, in
which order, and the counts beside them.

Every query starts from the service and the period on the comments (the
response's service and time are copied onto each comment, indexed as
`Comment(service, responded_at, id)`) and keeps only comments of accepted
responses, so suspect and discarded ones never show; pages go by keyset
(responded_at, id), so the thousandth page costs what the first does. On
PostgreSQL trigram indexes serve the word search.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from kuulo.comments.analysis.lemmas import LANGUAGES, lemma
from kuulo.comments.analysis.sentiment import disagrees as sentiment_disagrees
from kuulo.comments.forms import HIGH_SCORE, SCORE_BANDS, Cursor, period_bounds
from kuulo.comments.models import CommentTheme, CountsVersion, Theme
from kuulo.feedback.models import Comment, Response, Sentiment
from kuulo.lib import charts
from kuulo.lib.periods import Period, bucket_label, buckets
from kuulo.lib.templatetags.figures import format_number, format_percent
from kuulo.metrics.scoring import Score

PAGE_SIZE = 25
PRAISE_PAGE_SIZE = 30
COUNT_CAP = 1_000  # counting further on every page costs more than the figure is worth (~85 ms at 1 M responses)
NEWEST_FIRST = ("-responded_at", "-pk")


def in_period(services, period: Period) -> QuerySet[Comment]:
    """Comments of accepted responses of `services` (a service or a queryset / list of them) in the period."""
    start, end = period_bounds(period)
    comments = Comment.objects.filter(responded_at__gte=start, responded_at__lt=end).filter(~Exists(not_accepted()))
    if isinstance(services, (list, tuple, QuerySet)):
        return comments.filter(service__in=services)
    return comments.filter(service=services)


def not_accepted() -> QuerySet[Response]:
    """The comment's response if it is not accepted. Asked as NOT EXISTS, the database looks up the
    few suspect and discarded responses (indexed by status) instead of joining every accepted one."""
    others = [status for status in Response.Status.values if status != Response.Status.ACCEPTED]
    return Response.objects.filter(pk=OuterRef("response_id"), status__in=others)


def query_lemmas(word: str) -> set[str]:
    """The base forms of a searched word in fi, sv and en, by the lemmatiser
    that filled Comment.lemmas, so 'jonossa' and 'jono' find each other."""
    word = word.lower()
    return {lemma(word, language) for language in LANGUAGES} | {word}


def search(comments: QuerySet[Comment], text: str) -> QuerySet[Comment]:
    """Every word must be found, in the text or as (the start of) a lemma."""
    for word in text.split()[:10]:
        condition = Q(text__icontains=word)
        for base in query_lemmas(word):
            condition |= Q(lemmas__startswith=base) | Q(lemmas__contains=f" {base}")
        comments = comments.filter(condition)
    return comments


def filtered(service, data: dict, period: Period) -> QuerySet[Comment]:
    """The comments of a service that the cleaned CommentFilters select."""
    comments = in_period(service, period)
    if data.get("channel"):
        comments = comments.filter(response__channel=data["channel"])
    if data.get("sentiment"):
        comments = comments.filter(sentiment="" if data["sentiment"] == "pending" else data["sentiment"])
    if data.get("language"):
        comments = comments.filter(detected_language="" if data["language"] == "pending" else data["language"])
    band = data.get("score")
    if band == "none":
        comments = comments.filter(score__isnull=True)
    elif band in SCORE_BANDS:
        low, high = SCORE_BANDS[band]
        comments = comments.filter(score__gte=low, score__lte=high)
    if data.get("reviewed") == "yes":
        comments = comments.filter(review__isnull=False)
    elif data.get("reviewed") == "no":
        comments = comments.filter(review__isnull=True)
    if data.get("theme"):
        comments = comments.filter(Exists(CommentTheme.objects.filter(comment=OuterRef("pk"), theme=data["theme"])))
    if data.get("q"):
        comments = search(comments, data["q"])
    return comments


def praise(services, period: Period) -> QuerySet[Comment]:
    """Comments worth celebrating: positive in words and high in score, and not taken off the walls by staff."""
    return in_period(services, period).filter(
        sentiment=Sentiment.POSITIVE, score__gte=HIGH_SCORE, praise_hiding__isnull=True
    )


def with_details(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    themes = Prefetch(
        "theme_links", queryset=CommentTheme.objects.select_related("theme").by_theme_name(), to_attr="links"
    )
    return comments.select_related("response", "review", "review__reviewed_by").prefetch_related(themes)


@dataclass
class Page:
    comments: list
    next_cursor: Cursor | None
    is_first: bool


def page(comments: QuerySet[Comment], after: Cursor | None, size: int = PAGE_SIZE) -> Page:
    """One page of comments, newest first, after the cursor."""
    if after is not None:
        comments = comments.filter(
            Q(responded_at__lt=after.responded_at) | Q(responded_at=after.responded_at, pk__lt=after.pk)
        )
    found = list(comments.order_by(*NEWEST_FIRST)[: size + 1])
    more = len(found) > size
    found = found[:size]
    last = found[-1] if found and more else None
    return Page(found, Cursor(last.responded_at, last.pk) if last else None, after is None)


def capped_count(comments: QuerySet[Comment], cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many comments match, counting no further than `cap`: (count, more than the cap)."""
    # Newest first, as the pages read them: the database walks the (service, time) index and stops at
    # the cap, where without an order it may pick an index whose first rows are all outside the period.
    count = comments.order_by(*NEWEST_FIRST)[: cap + 1].count()
    return min(count, cap), count > cap


def disagrees(comment: Comment) -> bool:
    """Whether the words and the score of a comment point different ways (the analysis' own rule)."""
    return sentiment_disagrees(comment.sentiment, comment.score)


PANEL_CACHE_SECONDS = 24 * 60 * 60


def panel_counts(service, period: Period, segment: dict) -> tuple[list[dict], list[tuple[Theme, int]]]:
    """The dashboard panel's comments by sentiment ([{"sentiment", "label", "count"}] in the order
    positive, neutral, negative, not analysed) and its five biggest themes, for the period and the
    segment (response field → value).

    Counting a busy service's year takes a second at 10 M responses, so the days before today are
    counted once per CountsVersion (bumped by whatever changes them) and kept in the cache; today,
    where new comments arrive, is counted on every view."""
    today = timezone.localdate()
    sentiments: Counter = Counter()
    themes: Counter = Counter()
    past_end = min(period.end, today - timedelta(days=1))
    if period.start <= past_end:
        segment_key = "&".join(f"{name}={value}" for name, value in sorted(segment.items()))
        key = f"comments-panel:{CountsVersion.current()}:{service.pk}:{period.start}:{past_end}:{segment_key}"
        past = cache.get(key)
        if past is None:
            past = _counts(in_period(service, Period(period.start, past_end)).filter(**segment))
            cache.set(key, past, PANEL_CACHE_SECONDS)
        sentiments.update(past[0])
        themes.update(past[1])
    if period.end >= today:
        live = _counts(in_period(service, Period(max(period.start, today), period.end)).filter(**segment))
        sentiments.update(live[0])
        themes.update(live[1])
    labels = [*Sentiment.choices, ("", _("Not analysed yet"))]
    rows = [{"sentiment": value, "label": label, "count": sentiments.get(value, 0)} for value, label in labels]
    top = sorted(themes.items(), key=lambda item: (-item[1], item[0]))[:5]
    found = Theme.objects.in_bulk([pk for pk, _n in top])
    return rows, [(found[pk], n) for pk, n in top if pk in found]


def _counts(comments: QuerySet[Comment]) -> tuple[dict, dict]:
    """({sentiment: comments}, {theme id: comments}) of `comments`."""
    by_sentiment = dict(comments.order_by().values_list("sentiment").annotate(n=Count("pk")))
    by_theme = dict(
        CommentTheme.objects.filter(comment__in=comments.order_by().values("pk"))
        .values_list("theme_id")
        .annotate(n=Count("pk"))
        .values_list("theme_id", "n")
    )
    return by_sentiment, by_theme


# The themes page


@dataclass
class ThemeRow:
    theme: Theme
    count: int = 0
    share: float = 0.0  # percent of the period's comments
    sentiments: dict = field(default_factory=dict)  # sentiment value → count
    trend: charts.LineChart | None = None

    @property
    def share_text(self) -> str:
        """The share as "27 %", the way the dashboards write percentages."""
        return format_percent(self.share)

    @property
    def chart_id(self) -> str:
        return f"theme-trend-{self.theme.pk}"

    @property
    def sentiment_mix(self) -> list[dict]:
        labels = [*Sentiment.choices, ("", _("Not analysed yet"))]
        return [
            {"sentiment": value, "label": label, "count": self.sentiments.get(value, 0)}
            for value, label in labels
            if self.sentiments.get(value, 0) or value
        ]

    @property
    def terms_by_language(self) -> list[tuple[str, list[str]]]:
        """(language name, terms) for display: a rule's own words, or the top terms per language."""
        if self.theme.kind == Theme.Kind.RULE:
            return [("", list(self.theme.terms or []))]
        names = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}
        top = self.theme.top_terms or {}
        return [(names.get(code, code), list(top[code])[:8]) for code in ("fi", "sv", "en") if top.get(code)]


TREND_THEMES = 6  # trend charts drawn for the largest themes only


def theme_rows(service, themes: QuerySet[Theme], period: Period, grain: str) -> tuple[list[ThemeRow], int]:
    """Every theme with its count, share and sentiment mix in the period, largest first,
    and the number of comments in the period."""
    comments = in_period(service, period)
    total = comments.count()
    rows = {theme.pk: ThemeRow(theme) for theme in themes}
    links = CommentTheme.objects.filter(comment__in=comments.values("pk"), theme__in=rows.keys())
    for theme_id, sentiment, n in links.values_list("theme_id", "comment__sentiment").annotate(n=Count("pk")):
        row = rows[theme_id]
        row.sentiments[sentiment] = row.sentiments.get(sentiment, 0) + n
        row.count += n
    for row in rows.values():
        row.share = row.count * 100 / total if total else 0.0
    # Automatic themes span every service: list those this service's comments are in, and every rule.
    shown = [row for row in rows.values() if row.count or row.theme.kind == Theme.Kind.RULE]
    ordered = sorted(shown, key=lambda row: (-row.count, row.theme.name.lower()))
    charted = [row for row in ordered if row.count][:TREND_THEMES]
    if charted:
        add_trends(links.filter(theme__in=[row.theme.pk for row in charted]), charted, period, grain)
    return ordered, total


def add_trends(links: QuerySet[CommentTheme], rows: list[ThemeRow], period: Period, grain: str) -> None:
    trunc = TruncWeek if grain == "week" else TruncMonth
    counts: dict[int, dict[date, int]] = defaultdict(dict)
    for theme_id, bucket, n in (
        links.annotate(bucket=trunc("comment__responded_at")).values_list("theme_id", "bucket").annotate(n=Count("pk"))
    ):
        day = bucket.date() if isinstance(bucket, datetime) else bucket
        counts[theme_id][day] = counts[theme_id].get(day, 0) + n
    starts = buckets(period, grain)
    for row in rows:
        values = [(bucket_label(start, grain), counts[row.theme.pk].get(start, 0)) for start in starts]
        row.trend = count_chart(_("Comments on %(theme)s") % {"theme": row.theme.name}, values)


def count_chart(title: str, values: list[tuple[str, int]]) -> charts.LineChart:
    """Counts over time drawn by the one chart mechanism: every count is shown (a count is no score
    to suppress) and there is no interval band."""
    points = [
        charts.TrendPoint(label, Score(value=n, n=n, ci_low=n, ci_high=n, suppressed=False)) for label, n in values
    ]
    high = max([n for _label, n in values] + [2])
    high = high + high % 2  # an even top keeps the middle tick a whole number

    def formatted(value: float) -> str:
        return format_number(value)

    chart = charts.line_chart(title, points, (0, high), formatted)
    chart.band = ""
    chart.summary = count_summary(title, values)
    return chart


def count_summary(title: str, values: list[tuple[str, int]]) -> str:
    """The main finding in words: the total and the busiest period."""
    total = sum(n for _label, n in values)
    if not total:
        return _("%(title)s: none in this period.") % {"title": title}
    label, most = max(values, key=lambda item: item[1])
    last_label, last = values[-1]
    return _("%(title)s: %(total)s in the period, most in %(when)s (%(most)s); %(last)s in %(last_label)s.") % {
        "title": title,
        "total": total,
        "when": label,
        "most": most,
        "last": last,
        "last_label": last_label,
    }
