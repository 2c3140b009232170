"""The uniform metric library: the same question on the same scale everywhere.

A metric is identified by code and version. Built-in metrics are seeded by a
migration and never edited in place: a new wording is a new version, so
results stay comparable. Surveys reference metrics; they never copy them.
Questions never name the service or the organisation ("tähän palveluun",
"meihin"); the one correction made to version 1 before production use, and
why, is in docs/metric-library.md.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kuulo.lib.translated import pick, translated
from kuulo.metrics import scoring


class Metric(models.Model):
    class Rule(models.TextChoices):
        TOP_BOX = "top_box", _("Top-box share")
        NPS = "nps", _("Net Promoter Score")
        MEAN = "mean", _("Mean")
        BINARY_SHARE = "binary_share", _("Share of yes")
        UMUX_LITE = "umux_lite", _("UMUX-Lite")
        SUS = "sus", _("System Usability Scale")
        INDEX = "index", _("Index 0–100")

    class Direction(models.TextChoices):
        UP = "up", _("Higher is better")
        DOWN = "down", _("Lower is better")

    code = models.SlugField(_("code"), max_length=40)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    is_builtin = models.BooleanField(_("built-in"), default=False, editable=False)
    is_active = models.BooleanField(_("in use"), default=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=120)
    name_sv = models.CharField(_("name in Swedish"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    question_fi = models.TextField(_("question in Finnish"))
    question_sv = models.TextField(_("question in Swedish"))
    question_en = models.TextField(_("question in English"))
    # Multi-item metrics (UMUX-Lite, SUS): [{"fi": ..., "sv": ..., "en": ...}, ...]
    items = models.JSONField(_("items"), default=list, blank=True)
    scale_min = models.SmallIntegerField(_("lowest value"))
    scale_max = models.SmallIntegerField(_("highest value"))
    # {"fi": {"1": "Erittäin tyytymätön", ...}, "sv": {...}, "en": {...}}
    labels = models.JSONField(_("scale labels"), default=dict, blank=True)
    rule = models.CharField(_("scoring rule"), max_length=20, choices=Rule.choices)
    threshold = models.SmallIntegerField(
        _("top-box threshold"), null=True, blank=True, help_text=_("Answers at or above this count as positive.")
    )
    good_direction = models.CharField(_("good direction"), max_length=4, choices=Direction.choices, default="up")
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_version", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    name = translated("name")

    class Meta:
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")
        ordering = ["-is_builtin", "code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="one_metric_per_code_and_version")]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def plain_name(self) -> str:
        """The name without its abbreviation, for customers: "Asiakastyytyväisyys", not "… (CSAT)"."""
        name = str(self.name)
        if name.endswith(")") and " (" in name:
            return name[: name.rindex(" (")]
        return name

    @property
    def label(self) -> str:
        return f"{self.code} v{self.version}"

    def question(self, language: str | None = None, **names: str) -> str:
        """The question in `language`, with {service} and {organisation} filled in."""
        text = pick({code: getattr(self, f"question_{code}") for code in ("fi", "sv", "en")}, language)
        return text.format_map(_Blank(names))

    def item_texts(self, language: str | None = None, **names: str) -> list[str]:
        return [pick(item, language).format_map(_Blank(names)) for item in self.items]

    @property
    def item_count(self) -> int:
        return len(self.items) or 1

    def scale(self) -> range:
        return range(self.scale_min, self.scale_max + 1)

    def scale_labels(self, language: str | None = None) -> dict[int, str]:
        by_language = {code: self.labels.get(code, {}) for code in ("fi", "sv", "en")}
        chosen = by_language.get(language or "") or pick_dict(by_language, language)
        return {int(value): text for value, text in chosen.items()}

    def rollup_value(self, item_values: list[int]) -> int:
        """The integer a respondent adds to the rollup histogram.

        Single-item metrics store the answer itself. UMUX-Lite stores the sum of
        its two items (2..14) and SUS the sum of its item contributions (0..40),
        so every histogram key is a small integer; `score` maps them back."""
        if self.rule == self.Rule.UMUX_LITE:
            return item_values[0] + item_values[1]
        if self.rule == self.Rule.SUS:
            return sum(value - 1 if position % 2 == 0 else 5 - value for position, value in enumerate(item_values))
        return item_values[0]

    def score(self, histogram: dict, *, min_n: int = scoring.MIN_N) -> scoring.Score:
        """The metric's score from a histogram of rollup values."""
        return scoring.score(self.rule, self._scoring_histogram(histogram), **self._scoring_params(min_n))

    def compare(self, before: dict, after: dict, *, min_n: int = scoring.MIN_N) -> scoring.Comparison:
        """The change from `before` to `after` (histograms of rollup values), with its test."""
        return scoring.compare(
            self.rule,
            self._scoring_histogram(before),
            self._scoring_histogram(after),
            **self._scoring_params(min_n),
        )

    def _scoring_histogram(self, histogram: dict) -> dict:
        """Rollup values as the scoring rule reads them: multi-item sums become 0..100 scores."""
        if self.rule == self.Rule.UMUX_LITE:
            return {(int(raw) - 2) * 100 / 12: count for raw, count in histogram.items()}
        if self.rule == self.Rule.SUS:
            return {int(raw) * 2.5: count for raw, count in histogram.items()}
        return {int(k): v for k, v in histogram.items()}

    def _scoring_params(self, min_n: int) -> dict:
        params: dict = {"min_n": min_n}
        if self.rule == self.Rule.TOP_BOX:
            params["threshold"] = self.threshold
        if self.rule == self.Rule.INDEX:
            params.update(scale_min=self.scale_min, scale_max=self.scale_max)
        return params

    @property
    def unit(self) -> str:
        return "" if self.rule in (self.Rule.MEAN, self.Rule.NPS) else "%"

    def score_bounds(self) -> tuple[float, float]:
        """The lowest and highest score the rule can give: what a target level must lie in."""
        if self.rule == self.Rule.NPS:
            return (-100.0, 100.0)
        if self.rule == self.Rule.MEAN:
            return (float(self.scale_min), float(self.scale_max))
        return (0.0, 100.0)

    @property
    def rule_in_words(self) -> str:
        """How the score is computed, for people reading the library."""
        values = {"min": self.scale_min, "max": self.scale_max, "threshold": self.threshold}
        explanations = {
            self.Rule.TOP_BOX: _(
                "Percentage of answers from %(threshold)s to %(max)s (top box), 0–100 %%. The mean is shown beside it."
            ),
            self.Rule.NPS: _("Percentage of answers 9–10 minus percentage of answers 0–6, from −100 to 100."),
            self.Rule.MEAN: _("Mean of the answers on the scale %(min)s–%(max)s."),
            self.Rule.BINARY_SHARE: _("Percentage of yes answers, 0–100 %%."),
            self.Rule.INDEX: _(
                "Each answer is converted linearly to 0–100 (%(min)s is 0, %(max)s is 100) and the results averaged."
            ),
            self.Rule.UMUX_LITE: _(
                "Two items on 1–7: (item 1 + item 2 − 2) × 100 / 12 for each respondent, averaged; 0–100."
            ),
            self.Rule.SUS: _(
                "Ten items on 1–5: odd items answer − 1, even items 5 − answer, the sum × 2.5 for each respondent, "
                "averaged; 0–100."
            ),
        }
        return str(explanations[self.Rule(self.rule)]) % values


def pick_dict(by_language: dict[str, dict], language: str | None) -> dict:
    for code in (language, "fi", "sv", "en"):
        if code and by_language.get(code):
            return by_language[code]
    return {}


class _Blank(dict):
    """format_map helper: leaves unknown placeholders visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class TargetQuerySet(models.QuerySet):
    def in_force(self, metric: Metric, service=None, on: date | None = None) -> "Target | None":
        """The service's own target on `on` (default today), else the organisation default."""
        on = on or date.today()
        candidates = self.filter(metric=metric, valid_from__lte=on).order_by("-valid_from", "-pk")
        if service is not None:
            own = candidates.filter(service=service).first()
            if own:
                return own
        return candidates.filter(service__isnull=True).first()


class Target(models.Model):
    """A target level for a metric: the organisation default (no service) or a
    service's own, in force from a date. Older rows are the history."""

    metric = models.ForeignKey(Metric, verbose_name=_("metric"), on_delete=models.PROTECT, related_name="targets")
    service = models.ForeignKey(
        "organisation.Service",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="targets",
        help_text=_("Leave empty for the organisation's default target."),
    )
    level = models.FloatField(_("target level"))
    valid_from = models.DateField(_("valid from"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["metric__code", "service_id", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["metric", "service", "valid_from"], name="one_target_per_day"),
            models.UniqueConstraint(
                fields=["metric", "valid_from"], condition=models.Q(service__isnull=True), name="one_default_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.metric.code} ≥ {self.level:g} ({self.valid_from})"
