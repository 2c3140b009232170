"""What staff do with themes; the pages call these and nothing else.

Automatic themes come from `recluster()`; staff may rename them, merge
several into one and split one into two. Those choices survive later
reclustering: a renamed theme keeps its name when a new cluster continues
it, and merged or split themes are pinned (kept, and comments nearest to
them still join them). Rule themes are lists of words in any of the three
languages; each is lemmatised in all of them, so "jono" also finds "jonossa"
and "puhelinjonossa". Names are given per language as {"fi": …, "sv": …,
"en": …}, at least one; a plain string is a name in the default language.

Staff may also take a comment off the walls of praise (and put it back).
"""

from collections import Counter

import numpy as np
from django.db import transaction

from kuulo.comments.analysis import store
from kuulo.comments.analysis.themes import Space, features, has_concept, kmeans
from kuulo.comments.hooks import comments_changed
from kuulo.comments.models import CommentReview, CommentTheme, PraiseHiding, Theme, ThemeSpace, name_fields
from kuulo.feedback.inserts import insert_rows
from kuulo.feedback.models import Comment


def rename_theme(theme: Theme, names: dict[str, str] | str) -> Theme:
    """Gives a theme staff names ({"fi": …, "sv": …, "en": …}, at least one)
    that later reclustering keeps."""
    theme.set_names(names)
    theme.named_by_staff = True
    theme.save(update_fields=["name_fi", "name_sv", "name_en", "named_by_staff", "updated_at"])
    return theme


def create_rule_theme(names: dict[str, str] | str, terms: list[str], service=None) -> Theme:
    """A staff theme named {"fi": …, "sv": …, "en": …}: comments whose lemmas
    include one of `terms` (words in any language, any inflection). Applied to
    every analysed comment now and to new comments as they are analysed."""
    theme = Theme.objects.create(
        kind=Theme.Kind.RULE, terms=_clean(terms), service=service, named_by_staff=True, **name_fields(names)
    )
    store.apply_rule(theme)
    return theme


def update_rule_theme(
    theme: Theme, *, names: dict[str, str] | str | None = None, terms: list[str] | None = None, service=...
) -> Theme:
    """Changes a rule theme and applies it again. `service=None` makes it a
    theme of every service; leave `service` out to keep it."""
    if theme.kind != Theme.Kind.RULE:
        raise ValueError("Only rule themes have terms.")
    if names is not None:
        theme.set_names(names)
    if terms is not None:
        theme.terms = _clean(terms)
    if service is not ...:
        theme.service = service
    theme.save()
    store.apply_rule(theme)
    return theme


@transaction.atomic
def delete_theme(theme: Theme) -> None:
    theme.delete()
    comments_changed()


@transaction.atomic
def merge_themes(target: Theme, others: list[Theme]) -> Theme:
    """Moves the comments of `others` into `target` and deletes them. Themes
    of one kind only: rule themes pool their terms, automatic themes their
    centroids (weighted by size), and the merged theme is pinned so the next
    reclustering continues it."""
    others = [theme for theme in others if theme.pk != target.pk]
    if any(theme.kind != target.kind for theme in others):
        raise ValueError("Only themes of one kind can be merged.")
    if not others:
        return target
    if target.kind == Theme.Kind.RULE:
        target.terms = _clean([*target.terms, *(term for theme in others for term in theme.terms)])
        target.save()
        Theme.objects.filter(pk__in=[theme.pk for theme in others]).delete()
        store.apply_rule(target)
        return target
    combined: Counter = Counter()
    for theme in [target, *others]:
        for feature, weight in theme.centroid.items():
            combined[feature] += weight * max(1, theme.comment_count)
    norm = float(np.sqrt(sum(value * value for value in combined.values()))) or 1.0
    target.centroid = {feature: round(value / norm, 4) for feature, value in combined.most_common(60)}
    moved = set(
        CommentTheme.objects.filter(theme__in=others)
        .exclude(comment__theme_links__theme=target)
        .values_list("comment_id", flat=True)
    )
    insert_rows(CommentTheme, ["comment_id", "theme_id"], [(pk, target.pk) for pk in moved])
    Theme.objects.filter(pk__in=[theme.pk for theme in others]).delete()
    comments_changed()
    target.pinned = True
    _describe([target])
    return target


@transaction.atomic
def split_theme(theme: Theme) -> list[Theme]:
    """Clusters an automatic theme's comments into two themes: the theme keeps
    one half (and its name), a new pinned theme takes the other. Returns both
    (or just the theme when it is too small or too uniform to split)."""
    if theme.kind != Theme.Kind.AUTO:
        raise ValueError("Only automatic themes can be split.")
    rows = list(store.analysed_rows(Comment.objects.filter(theme_links__theme=theme)))
    maps = [features(lemmas, language) for _, language, lemmas, _ in rows]
    rows = [row for row, feature_map in zip(rows, maps, strict=True) if has_concept(feature_map)]
    maps = [feature_map for feature_map in maps if has_concept(feature_map)]
    if len(rows) < 4:
        return [theme]
    stored = ThemeSpace.objects.order_by("-pk").first()
    space = Space(stored.vocabulary, stored.idf) if stored else Space.fit(maps, min_count=1)
    matrix = space.matrix(maps)
    labels, centroids = kmeans(matrix, 2)
    if len(set(labels.tolist())) < 2:
        return [theme]
    keep = int(np.argmax([space.dense(theme.centroid) @ centroid for centroid in centroids]))
    other = Theme.objects.create(kind=Theme.Kind.AUTO, name_fi="—", pinned=True)
    theme.pinned = True
    theme.centroid = space.sparse_centroid(centroids[keep])
    other.centroid = space.sparse_centroid(centroids[1 - keep])
    leaving = [row[0] for row, label in zip(rows, labels, strict=True) if label != keep]
    CommentTheme.objects.filter(theme=theme, comment_id__in=leaving).delete()
    insert_rows(CommentTheme, ["comment_id", "theme_id"], [(pk, other.pk) for pk in leaving])
    comments_changed()
    _describe([theme, other])
    return [theme, other]


def hide_from_praise(comment: Comment, user) -> PraiseHiding:
    """Takes a comment off the walls of praise (it stays on every other page); who and when are kept."""
    hiding, _created = PraiseHiding.objects.get_or_create(comment=comment, defaults={"hidden_by": user})
    return hiding


def show_on_praise(comment: Comment) -> None:
    """Puts a hidden comment back on the walls of praise."""
    PraiseHiding.objects.filter(comment=comment).delete()


def apply_to_many(comments: list[Comment], action: str, user) -> int:
    """One of BULK_ACTIONS on every comment given; returns how many changed."""
    ids = [comment.pk for comment in comments]
    if action == "reviewed":
        have = set(CommentReview.objects.filter(comment_id__in=ids).values_list("comment_id", flat=True))
        made = [CommentReview(comment_id=pk, reviewed_by=user) for pk in ids if pk not in have]
        CommentReview.objects.bulk_create(made)
        return len(made)
    if action == "not_reviewed":
        return CommentReview.objects.filter(comment_id__in=ids).delete()[0]
    if action == "hide_praise":
        have = set(PraiseHiding.objects.filter(comment_id__in=ids).values_list("comment_id", flat=True))
        made = [PraiseHiding(comment_id=pk, hidden_by=user) for pk in ids if pk not in have]
        PraiseHiding.objects.bulk_create(made)
        return len(made)
    if action == "show_praise":
        return PraiseHiding.objects.filter(comment_id__in=ids).delete()[0]
    raise ValueError(action)


def recluster(*, k: int | None = None) -> list[Theme]:
    """Finds the automatic themes again over all analysed comments, keeping
    staff names, merges and splits. Returns the automatic themes."""
    return store.recluster(k=k)


def _clean(terms) -> list[str]:
    if isinstance(terms, str):
        terms = terms.replace(";", ",").replace("\n", ",").split(",")
    result = []
    for term in terms:
        term = " ".join(term.split()).lower()
        if term and term not in result:
            result.append(term)
    return result


def _describe(themes: list[Theme]) -> None:
    """Recounts and re-describes automatic themes from their comments."""
    background, totals = store.corpus_counts(store.analysed_rows())
    for theme in themes:
        members = [
            (language, lemmas)
            for _, language, lemmas, _ in store.analysed_rows(Comment.objects.filter(theme_links__theme=theme))
        ]
        store.describe(theme, members, background, totals)
        theme.comment_count = len(members)
        theme.save()
