"""Running the analysis over stored comments and writing the results back.

`analyse_comments` analyses comments in chunks: language, lemmas, sentiment,
the response's score, rule themes and (when a clustering exists) the nearest
automatic theme; each chunk is written with one UPDATE ... FROM statement
(kuulo.feedback.inserts.update_rows) and one multi-row INSERT of theme links.
`recluster` finds the automatic themes again over every analysed comment and
keeps the themes staff have named, merged or split (see
`kuulo.comments.actions`).
"""

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cache

import numpy as np
from django.db import transaction
from django.db.models import Count, F
from django.db.models.functions import Greatest
from django.utils import timezone

from kuulo.comments.analysis import analyse_texts
from kuulo.comments.analysis.lemmas import LANGUAGES, lemma, words
from kuulo.comments.analysis.themes import (
    CANDIDATES,
    Space,
    assign,
    choose_k,
    cosine,
    features,
    has_concept,
    kmeans,
    names_from,
    phrase_names,
    rule_matches,
    top_terms,
)
from kuulo.comments.hooks import comments_changed
from kuulo.comments.models import CommentTheme, Theme, ThemeSpace
from kuulo.feedback.inserts import adapt_datetime, insert_rows, update_rows
from kuulo.feedback.models import Answer, Comment, Response
from kuulo.metrics.models import Metric
from kuulo.surveys.models import Question

CHUNK = 5000
MATCH = 0.5  # a new cluster this close to an old theme's centroid continues that theme
MIN_FOR_CLUSTERING = 50


# --- scores ---------------------------------------------------------------


def first_scores(response_ids: Iterable[int]) -> dict[int, int]:
    """Each response's first metric answer (by question position) on 0-100,
    turned round for metrics where lower is better."""
    ids = list(set(response_ids))
    if not ids:
        return {}
    rows = Answer.objects.filter(response_id__in=ids, item=0).values_list(
        "response_id", "metric_id", "value", "response__survey_version_id"
    )
    rows = list(rows)
    versions = {row[3] for row in rows}
    position = {
        (version, metric): place
        for version, metric, place in Question.objects.filter(
            version_id__in=versions, kind=Question.Kind.METRIC
        ).values_list("version_id", "metric_id", "position")
    }
    scales = {
        pk: (low, high, direction)
        for pk, low, high, direction in Metric.objects.filter(pk__in={row[1] for row in rows}).values_list(
            "pk", "scale_min", "scale_max", "good_direction"
        )
    }
    best: dict[int, tuple[int, int]] = {}
    for response_id, metric_id, value, version_id in rows:
        low, high, direction = scales[metric_id]
        if high <= low:
            continue
        score = round(100 * (value - low) / (high - low))
        if direction == Metric.Direction.DOWN:
            score = 100 - score
        place = position.get((version_id, metric_id), 1 << 15)
        if response_id not in best or place < best[response_id][0]:
            best[response_id] = (place, max(0, min(100, score)))
    return {response_id: score for response_id, (_, score) in best.items()}


# --- rule themes ----------------------------------------------------------


@cache
def _term_lemmas(term: str) -> frozenset[str]:
    forms = set()
    for word in words(term):
        forms.add(word)
        forms.update(lemma(word, language) for language in LANGUAGES)
    return frozenset(forms)


def rule_lemmas(terms: Iterable[str]) -> frozenset[str]:
    """The lemmas a rule matches: each staff term lemmatised in all three languages."""
    result: set[str] = set()
    for term in terms:
        result |= _term_lemmas(term.strip().lower())
    return frozenset(result)


class Rules:
    """The rule themes, ready for matching: (theme id, service id or None, lemmas)."""

    def __init__(self, themes: Iterable[Theme] | None = None):
        if themes is None:
            themes = Theme.objects.filter(kind=Theme.Kind.RULE)
        self.rules = [(theme.pk, theme.service_id, rule_lemmas(theme.terms)) for theme in themes]

    def matching(self, lemmas, language: str, service_id: int) -> list[int]:
        return [
            theme_id
            for theme_id, service, terms in self.rules
            if (service is None or service == service_id) and terms and rule_matches(lemmas, terms, language)
        ]


# --- automatic themes -----------------------------------------------------


class Clustering:
    """The latest feature space and the automatic themes' centroids in it."""

    def __init__(self):
        stored = ThemeSpace.objects.order_by("-pk").first()
        themes = list(Theme.objects.filter(kind=Theme.Kind.AUTO).exclude(centroid={}))
        self.space = Space(stored.vocabulary, stored.idf) if stored else None
        self.theme_ids = [theme.pk for theme in themes]
        if self.space and themes:
            self.centroids = np.vstack([self.space.dense(theme.centroid) for theme in themes])
        else:
            self.centroids = np.zeros((0, 0))

    def nearest(self, feature_maps: list[dict[str, float]]) -> list[int | None]:
        """The nearest automatic theme of each comment, None when none is near."""
        if self.space is None or not self.theme_ids:
            return [None] * len(feature_maps)
        found = assign(self.space.matrix(feature_maps), self.centroids)
        return [
            self.theme_ids[index] if index >= 0 and has_concept(feature_map) else None
            for index, feature_map in zip(found, feature_maps, strict=True)
        ]


# --- writing --------------------------------------------------------------


def _write_results(rows: list[tuple], now) -> None:
    """rows: (id, detected_language, lemmas, sentiment, score)."""
    columns = ["detected_language", "lemmas", "sentiment", "score"]
    update_rows(Comment, columns, rows, analysed_at=adapt_datetime(now))


def _replace_links(comment_ids: list[int], links: list[tuple[int, int]], kinds: tuple[str, ...]) -> None:
    """Drops the comments' links to themes of `kinds`, inserts `links`
    (comment, theme) and moves each theme's comment_count by the difference,
    so a single new comment does not recount every theme."""
    old = CommentTheme.objects.filter(comment_id__in=comment_ids, theme__kind__in=kinds)
    change = Counter(theme_id for _, theme_id in links)
    change.subtract(Counter(old.values_list("theme_id", flat=True)))
    old.delete()
    insert_rows(CommentTheme, ["comment_id", "theme_id"], links)
    by_delta: dict[int, list[int]] = defaultdict(list)
    for theme_id, delta in change.items():
        if delta:
            by_delta[delta].append(theme_id)
    for delta, theme_ids in by_delta.items():
        count = Greatest(F("comment_count") + delta, 0)  # never below zero, even if a count was stale
        Theme.objects.filter(pk__in=theme_ids).update(comment_count=count)


def refresh_counts(theme_ids: Iterable[int] | None = None) -> None:
    """Stores each theme's number of comments."""
    themes = Theme.objects.all() if theme_ids is None else Theme.objects.filter(pk__in=list(theme_ids))
    counts = dict(
        CommentTheme.objects.filter(theme__in=themes)
        .values_list("theme_id")
        .annotate(n=Count("pk"))
        .values_list("theme_id", "n")
    )
    changed = []
    for theme in themes.only("pk", "comment_count"):
        if theme.comment_count != counts.get(theme.pk, 0):
            theme.comment_count = counts.get(theme.pk, 0)
            changed.append(theme)
    Theme.objects.bulk_update(changed, ["comment_count"])


# --- analysing ------------------------------------------------------------


def pending_comments():
    """Comments not analysed yet, of accepted responses."""
    return Comment.objects.filter(analysed_at__isnull=True, response__status=Response.Status.ACCEPTED)


def analyse_chunk(comments: list[tuple], rules: Rules, clustering: Clustering, now) -> int:
    """comments: (id, text, survey language, response id, service id, analysed_at as read).

    Writes only the comments nobody analysed (or deleted) since they were read, so two
    runs over the same pending comments never both link them; returns how many it wrote."""
    analyses = analyse_texts([row[1] for row in comments], [row[2] for row in comments])
    scores = first_scores(row[3] for row in comments)
    results, links = [], []
    feature_maps = [features(analysis.lemmas, analysis.language) for analysis in analyses]
    nearest = clustering.nearest(feature_maps)
    for row, analysis, auto_theme in zip(comments, analyses, nearest, strict=True):
        comment_id, service_id = row[0], row[4]
        results.append(
            (comment_id, analysis.language, " ".join(analysis.lemmas), analysis.sentiment, scores.get(row[3]))
        )
        matching = rules.matching(analysis.lemmas, analysis.language, service_id)
        links.extend((comment_id, theme_id) for theme_id in matching)
        if auto_theme is not None:
            links.append((comment_id, auto_theme))
    as_read = {row[0]: row[5] for row in comments}
    with transaction.atomic():
        # Locks the rows on PostgreSQL; SQLite's IMMEDIATE transactions already take the write lock.
        current = (
            Comment.objects.select_for_update()
            .filter(pk__in=list(as_read))
            .order_by("pk")
            .values_list("pk", "analysed_at")
        )
        unchanged = {pk for pk, analysed_at in current if as_read[pk] == analysed_at}
        results = [row for row in results if row[0] in unchanged]
        links = [link for link in links if link[0] in unchanged]
        if results:
            _write_results(results, now)
            _replace_links(sorted(unchanged), links, (Theme.Kind.RULE, Theme.Kind.AUTO))
            today = datetime.combine(timezone.localdate(), datetime.min.time(), tzinfo=timezone.get_current_timezone())
            if Comment.objects.filter(pk__in=unchanged, responded_at__lt=today).exists():
                comments_changed()  # the panel's counts of today are not cached; of earlier days they are
    return len(results)


def analyse_comments(queryset=None, *, chunk: int = CHUNK, progress: Callable[[int], None] | None = None) -> int:
    """Analyses the comments of `queryset` (default: the pending ones) in
    chunks and returns how many were analysed. `progress(n)` is called after
    each chunk."""
    queryset = pending_comments() if queryset is None else queryset
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    rules, clustering, now = Rules(), Clustering(), timezone.now()
    analysed = 0
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        rows = list(
            Comment.objects.filter(pk__in=part)
            .order_by("pk")
            .values_list("pk", "text", "language", "response_id", "response__service_id", "analysed_at")
        )
        analysed += analyse_chunk(rows, rules, clustering, now)
        if progress:
            progress(len(rows))
    return analysed


def analysed_rows(queryset=None):
    """(id, language, lemmas tuple, service id) of analysed comments in fi/sv/en."""
    queryset = Comment.objects.all() if queryset is None else queryset
    rows = queryset.filter(analysed_at__isnull=False, detected_language__in=LANGUAGES).values_list(
        "pk", "detected_language", "lemmas", "response__service_id"
    )
    for pk, language, text, service_id in rows.iterator(chunk_size=10_000):
        yield pk, language, tuple(text.split()), service_id


def apply_rule(theme: Theme) -> int:
    """Links every analysed comment that matches a rule theme; returns the count."""
    terms = rule_lemmas(theme.terms)
    queryset = Comment.objects.all()
    if theme.service_id:
        queryset = queryset.filter(response__service_id=theme.service_id)
    links = [
        (pk, theme.pk)
        for pk, language, lemmas, _ in analysed_rows(queryset)
        if terms and rule_matches(lemmas, terms, language)
    ]
    with transaction.atomic():
        CommentTheme.objects.filter(theme=theme).delete()
        insert_rows(CommentTheme, ["comment_id", "theme_id"], links)
        Theme.objects.filter(pk=theme.pk).update(comment_count=len(links))
        comments_changed()
    theme.comment_count = len(links)
    return len(links)


# --- clustering -----------------------------------------------------------


def describe(
    theme: Theme,
    members: list[tuple[str, tuple[str, ...]]],
    background: Counter,
    totals: Counter,
    phrases: dict[str, str] | None = None,
) -> None:
    """Sets an automatic theme's top terms and, unless staff named it, its names: in each
    language the phrase of a comment near its centre, else its top terms."""
    theme.top_terms = top_terms(members, background, totals)
    if not theme.named_by_staff:
        by_terms = names_from(theme.top_terms)
        theme.set_names({code: (phrases or {}).get(code) or by_terms[code] for code in by_terms})


def nearest_texts(matrix, vector: np.ndarray, rows: list[tuple], indexes: list[int], positions: list[int]):
    """{language: (text, lemmas) of the theme's comments nearest its centre, nearest first}."""
    similarity = np.asarray(matrix[positions] @ vector).ravel()
    order = np.argsort(-similarity)
    chosen: dict[str, list[tuple]] = defaultdict(list)
    for place in order:
        row = rows[indexes[place]]
        if len(chosen[row[1]]) < CANDIDATES:
            chosen[row[1]].append(row)
    ids = [row[0] for found in chosen.values() for row in found]
    texts = dict(Comment.objects.filter(pk__in=ids).values_list("pk", "text"))
    return {
        language: [(texts[row[0]], row[2]) for row in found if row[0] in texts] for language, found in chosen.items()
    }


def corpus_counts(rows) -> tuple[Counter, Counter]:
    background, totals = Counter(), Counter()
    for _, language, lemmas, _ in rows:
        totals[language] += 1
        background.update((language, word) for word in set(lemmas))
    return background, totals


def recluster(*, k: int | None = None, seed: int = 0) -> list[Theme]:
    """Finds the automatic themes again over every analysed comment.

    New clusters are matched to the old themes by centroid similarity, so a
    theme keeps its id and staff-given name when it is found again; two new
    clusters near one old theme (as after a merge) both continue it. Themes
    staff named, merged or split are kept even when no new cluster matches:
    the comments nearest to them still join them. Returns the automatic themes."""
    started = time.perf_counter()
    rows = list(analysed_rows())
    maps = [features(lemmas, language) for _, language, lemmas, _ in rows]
    usable = [index for index, feature_map in enumerate(maps) if has_concept(feature_map)]
    old = list(Theme.objects.filter(kind=Theme.Kind.AUTO))
    if len(usable) < MIN_FOR_CLUSTERING:
        return old
    space = Space.fit([maps[index] for index in usable])
    matrix = space.matrix([maps[index] for index in usable])
    k = k or choose_k(matrix, seed)
    _, centroids = kmeans(matrix, k, seed)

    # Continue old themes where a new cluster is near one.
    sparse_new = [space.sparse_centroid(vector) for vector in centroids]
    continued: dict[int, list[int]] = defaultdict(list)  # old theme index -> new clusters
    fresh: list[int] = []
    for cluster, centroid in enumerate(sparse_new):
        similarities = [cosine(centroid, theme.centroid) for theme in old]
        best = int(np.argmax(similarities)) if similarities else -1
        if best >= 0 and similarities[best] >= MATCH:
            continued[best].append(cluster)
        else:
            fresh.append(cluster)
    final: list[tuple[Theme, np.ndarray]] = []
    for index, theme in enumerate(old):
        if index in continued:
            vector = centroids[continued[index]].sum(axis=0)
            final.append((theme, vector / (np.linalg.norm(vector) or 1)))
        elif theme.pinned or theme.named_by_staff:
            final.append((theme, space.dense(theme.centroid)))
    for cluster in fresh:
        final.append((Theme(kind=Theme.Kind.AUTO, name_fi="—"), centroids[cluster]))

    chosen = assign(matrix, np.vstack([vector for _, vector in final]))
    background, totals = corpus_counts(rows)
    members: dict[int, list[int]] = defaultdict(list)
    for row_index, theme_index in zip(usable, chosen, strict=True):
        if theme_index >= 0:
            members[int(theme_index)].append(row_index)

    kept, links = [], []
    taken = {name.lower() for theme, _ in final if theme.named_by_staff for name in theme.names.values() if name}
    with transaction.atomic():
        for theme_index, (theme, vector) in enumerate(final):
            indexes = members.get(theme_index, [])
            if not indexes and not (theme.pinned or theme.named_by_staff):
                continue
            phrases = None
            if indexes:
                positions = _positions(usable, indexes)
                mean = np.asarray(matrix[positions].mean(axis=0)).ravel()
                vector = mean / (np.linalg.norm(mean) or 1)
                members_terms = top_terms([(rows[i][1], rows[i][2]) for i in indexes], background, totals)
                phrases = phrase_names(nearest_texts(matrix, vector, rows, indexes, positions), members_terms, taken)
            theme.centroid = space.sparse_centroid(vector)
            describe(theme, [(rows[i][1], rows[i][2]) for i in indexes], background, totals, phrases)
            theme.comment_count = len(indexes)
            theme.save()
            kept.append(theme)
            links.extend((rows[i][0], theme.pk) for i in indexes)
        Theme.objects.filter(kind=Theme.Kind.AUTO).exclude(pk__in=[theme.pk for theme in kept]).delete()
        CommentTheme.objects.filter(theme__kind=Theme.Kind.AUTO).delete()
        insert_rows(CommentTheme, ["comment_id", "theme_id"], links)
        ThemeSpace.objects.all().delete()
        ThemeSpace.objects.create(vocabulary=space.vocabulary, idf=space.idf, comments=len(usable))
        comments_changed()
    recluster.last_seconds = time.perf_counter() - started
    return kept


def _positions(usable: list[int], indexes: list[int]) -> list[int]:
    where = {row_index: position for position, row_index in enumerate(usable)}
    return [where[index] for index in indexes]


def analysed_rows_count() -> int:
    return Comment.objects.filter(analysed_at__isnull=False, detected_language__in=LANGUAGES).count()
