"""Themes found in customers' comments.

A theme is either automatic (a cluster of comments found by `analysis.themes`,
described by its top terms, which staff may name, merge and split) or a rule
(a list of lemmas written by staff: a comment with any of them belongs to it).
Each comment's themes are kept in CommentTheme, so counts and trends are
plain queries.

A theme's name is written in fi, sv and en like the organisation's other
content (`kuulo.lib.translated`): `theme.name` is the name in the active
language, or another language's name when that one is empty.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import gettext_lazy as _

from kuulo.lib.translated import LANGUAGE_CODES, active_language, pick, translated

NAME_LENGTH = 120


def shown_name(prefix: str = "") -> Coalesce:
    """The name a page shows in the active language, as a database expression: the same
    fallback as `translated` (the active language, then fi, sv, en). `prefix` reaches a
    theme through a relation, such as "theme__"."""
    order = dict.fromkeys([active_language(), *LANGUAGE_CODES])
    return Coalesce(*(NullIf(F(f"{prefix}name_{code}"), Value("")) for code in order), Value(""))


class ThemeQuerySet(models.QuerySet):
    def by_name(self) -> "ThemeQuerySet":
        """Alphabetical by the name shown in the active language."""
        return self.order_by(Lower(shown_name()), "pk")


class CommentThemeQuerySet(models.QuerySet):
    def by_theme_name(self) -> "CommentThemeQuerySet":
        """Alphabetical by the theme's name shown in the active language."""
        return self.order_by(Lower(shown_name("theme__")), "theme_id")


class Theme(models.Model):
    class Kind(models.TextChoices):
        AUTO = "auto", _("Found automatically")
        RULE = "rule", _("Rule")

    name_fi = models.CharField(_("name in Finnish"), max_length=NAME_LENGTH, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=NAME_LENGTH, blank=True)
    name_en = models.CharField(_("name in English"), max_length=NAME_LENGTH, blank=True)
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    service = models.ForeignKey(
        "organisation.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="themes",
        help_text=_("Leave empty for a theme of every service."),
    )
    # Rule themes: the lemmas staff wrote, in any of the three languages.
    # Automatic themes: their top terms per language, {"fi": [...], "sv": [...], "en": [...]}.
    terms = models.JSONField(_("terms"), default=list, blank=True)
    top_terms = models.JSONField(_("top terms"), default=dict, blank=True)
    named_by_staff = models.BooleanField(default=False)
    # Automatic themes: the centroid {feature: weight} in the clustering space,
    # so new comments join the nearest theme between reclustering runs, and
    # pinned when staff merged or split it (a recluster keeps it).
    centroid = models.JSONField(default=dict, blank=True)
    pinned = models.BooleanField(default=False)
    comment_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    name = translated("name")
    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name_fi", "name_sv", "name_en", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_fi="", name_sv="", name_en=""), name="theme_named_in_some_language"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def names(self) -> dict[str, str]:
        """{"fi": …, "sv": …, "en": …}, empty where not written."""
        return {code: getattr(self, f"name_{code}") for code in LANGUAGE_CODES}

    def name_in(self, language: str) -> str:
        """The name in `language`, or another language's name when that one is empty."""
        return pick(self.names, language)

    def set_names(self, names: dict[str, str] | str) -> None:
        """Sets the three names from {"fi": …, "sv": …, "en": …}; a language left out is emptied."""
        for code, name in clean_names(names).items():
            setattr(self, f"name_{code}", name)


def clean_names(names: dict[str, str] | str) -> dict[str, str]:
    """The names with spaces tidied and cut to length, one per language (empty where none);
    ValueError when every one is empty. A plain string is a name in the organisation's
    default language."""
    if isinstance(names, str):
        default = settings.LANGUAGE_CODE[:2]
        names = {default if default in LANGUAGE_CODES else LANGUAGE_CODES[0]: names}
    cleaned = {code: " ".join((names.get(code) or "").split())[:NAME_LENGTH] for code in LANGUAGE_CODES}
    if not any(cleaned.values()):
        raise ValueError("A theme needs a name in at least one language.")
    return cleaned


def name_fields(names: dict[str, str] | str) -> dict[str, str]:
    """{"name_fi": …, "name_sv": …, "name_en": …} for Theme(**…) from {"fi": …, …}."""
    return {f"name_{code}": name for code, name in clean_names(names).items()}


class ThemeSpace(models.Model):
    """The feature space (vocabulary and IDF weights) of the latest
    clustering run; the newest row is the one in use."""

    vocabulary = models.JSONField(default=list)
    idf = models.JSONField(default=list)
    comments = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        get_latest_by = "pk"


class CommentTheme(models.Model):
    comment = models.ForeignKey("feedback.Comment", on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="comment_links")

    objects = CommentThemeQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "theme"], name="one_link_per_comment_theme")]
        indexes = [models.Index(fields=["theme", "comment"])]


class CommentReview(models.Model):
    """Who marked a comment reviewed, and when."""

    comment = models.OneToOneField("feedback.Comment", on_delete=models.CASCADE, related_name="review")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reviewed_at = models.DateTimeField(auto_now_add=True)


class PraiseHiding(models.Model):
    """A comment a team member took off the walls of praise (it stays everywhere else): who and when."""

    comment = models.OneToOneField("feedback.Comment", on_delete=models.CASCADE, related_name="praise_hiding")
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    hidden_at = models.DateTimeField(auto_now_add=True)


class CountsVersion(models.Model):
    """One row, bumped whenever what the dashboard's comments panel counts changes for days
    already past: comments analysed late, theme edits and reclustering, a discarded response.
    The panel keeps its counts of past days in the cache under this version
    (`kuulo.comments.queries.panel_counts`), so they are read once per change, not per view."""

    version = models.PositiveBigIntegerField(default=0)

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(version=models.F("version") + 1):
            cls.objects.get_or_create(pk=1, defaults={"version": 1})


class CommentEmbedding(models.Model):
    """A comment's e5 embedding and what the background refinement read from it
    (`kuulo.comments.analysis.store.refine_comments`): the sentiment it wrote into the
    comment and the topic. `refined_at` later than the comment's `analysed_at` means the
    refinement is current; a comment analysed again is refined again, its stored vector
    reused while `text_hash` still matches its text. Kept for clustering themes."""

    comment = models.OneToOneField(
        "feedback.Comment", on_delete=models.CASCADE, primary_key=True, related_name="embedding"
    )
    vector = models.BinaryField()  # 384 float16 values, little-endian
    text_hash = models.CharField(max_length=16, db_index=True)
    topic = models.CharField(max_length=16, blank=True)
    refined_at = models.DateTimeField()
