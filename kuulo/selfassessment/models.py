"""Self-assessment frameworks as data and the assessment rounds scored against them.

A framework (CAF 2020, the digital service quality areas, or one an organisation imports)
has scoring panels (CAF: enablers and results), each a scale cut into bands, and criteria
of subcriteria with examples; a criterion is scored on its panel's scale. A round scores
every subcriterion of a framework for a unit: each assessor alone first, then together to
an agreed score with strengths and areas for improvement, which may become backlog items
or plan goals."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.lib.translated import translated
from kuulo.organisation.models import Unit


class Framework(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    version = models.CharField(_("version"), max_length=40, blank=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    source = models.TextField(_("source and licence"), blank=True)
    is_builtin = models.BooleanField(_("shipped with Kuulo"), default=False, editable=False)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    name = translated("name")
    description = translated("description")

    class Meta:
        verbose_name = _("self-assessment framework")
        verbose_name_plural = _("self-assessment frameworks")
        ordering = ["-is_builtin", "name_fi", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("selfassessment:framework_detail", args=[self.pk])


class Panel(models.Model):
    """A scoring scale of a framework: its range and the bands that say what a score means."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="panels")
    code = models.SlugField(_("code"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    minimum = models.PositiveSmallIntegerField(_("lowest score"))
    maximum = models.PositiveSmallIntegerField(_("highest score"))

    name = translated("name")

    class Meta:
        ordering = ["framework", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="one_panel_per_code"),
            models.CheckConstraint(condition=models.Q(minimum__lt=models.F("maximum")), name="panel_range"),
        ]

    def __str__(self) -> str:
        return self.name

    def band_of(self, score: float | None) -> "Band | None":
        if score is None:
            return None
        for band in self.bands.all():
            if band.low <= score <= band.high:
                return band
        # a mean may fall between two whole-number bands (CAF: 10.5); it belongs to the lower one
        below = [band for band in self.bands.all() if band.high < score]
        return below[-1] if below else None


class Band(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="bands")
    low = models.PositiveSmallIntegerField(_("from"))
    high = models.PositiveSmallIntegerField(_("to"))
    label_fi = models.CharField(_("label in Finnish"), max_length=200)
    label_sv = models.CharField(_("label in Swedish"), max_length=200, blank=True)
    label_en = models.CharField(_("label in English"), max_length=200, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    label = translated("label")
    description = translated("description")

    class Meta:
        ordering = ["panel", "low"]

    def __str__(self) -> str:
        return f"{self.low}–{self.high} {self.label}" if self.low != self.high else f"{self.low} {self.label}"


class Criterion(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="criteria")
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(default=0)
    name_fi = models.CharField(_("name in Finnish"), max_length=300)
    name_sv = models.CharField(_("name in Swedish"), max_length=300, blank=True)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    name = translated("name")
    description = translated("description")

    class Meta:
        ordering = ["framework", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="one_criterion_per_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Subcriterion(models.Model):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="subcriteria")
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(default=0)
    name_fi = models.TextField(_("text in Finnish"))
    name_sv = models.TextField(_("text in Swedish"), blank=True)
    name_en = models.TextField(_("text in English"), blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    name = translated("name")
    description = translated("description")

    class Meta:
        ordering = ["criterion__position", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["criterion", "code"], name="one_subcriterion_per_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Example(models.Model):
    subcriterion = models.ForeignKey(Subcriterion, on_delete=models.CASCADE, related_name="examples")
    position = models.PositiveSmallIntegerField(default=0)
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)

    text = translated("text")

    class Meta:
        ordering = ["subcriterion", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class Round(models.Model):
    class Status(models.TextChoices):
        SCORING = "scoring", pgettext_lazy("assessment round", "Scoring")
        CONSENSUS = "consensus", pgettext_lazy("assessment round", "Consensus")
        CLOSED = "closed", pgettext_lazy("assessment round", "Closed")

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.PROTECT, related_name="rounds"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="assessment_rounds")
    title = models.CharField(_("title"), max_length=200)
    assessed_on = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCORING)
    assessors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("assessors"), related_name="assessment_rounds"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("selfassessment:round_detail", args=[self.pk])

    @property
    def scores_open(self) -> bool:
        """Whether assessors see one another's scores (from the start of the consensus)."""
        return self.status != self.Status.SCORING


class Score(models.Model):
    """One assessor's own score of one subcriterion in a round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="scores")
    subcriterion = models.ForeignKey(Subcriterion, on_delete=models.CASCADE, related_name="+")
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "subcriterion", "assessor"], name="one_score_per_assessor")
        ]


class Consensus(models.Model):
    """The score the assessors agreed on for a subcriterion, with what they found."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="consensus")
    subcriterion = models.ForeignKey(Subcriterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(_("agreed score"), null=True, blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "subcriterion"], name="one_consensus_per_subcriterion")]


class Improvement(models.Model):
    """An area for improvement found in the consensus; it may become a backlog item or a plan goal."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="improvements")
    subcriterion = models.ForeignKey(Subcriterion, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("area for improvement"))
    backlog_item = models.ForeignKey(
        "backlog.BacklogItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="assessment_improvements"
    )
    goal = models.ForeignKey(
        "plans.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="assessment_improvements"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subcriterion__criterion__position", "subcriterion__position", "pk"]

    def __str__(self) -> str:
        return self.text
