"""Surveys, their frozen versions and the collection points that gather answers.

A Survey is the stable thing a service owns and that collection points point
at. Its questions live in SurveyVersions: a draft can change; a published
version never does. Changing a published survey means a new version, which
replaces the old one when published, so every response knows exactly which
questions it answered.
"""

import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.lib.translated import pick, translated
from kuulo.organisation.models import Channel


class Survey(models.Model):
    service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service"), on_delete=models.CASCADE, related_name="surveys"
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("For staff; customers do not see it."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["service", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("surveys:survey_detail", args=[self.pk])

    def live_version(self) -> "SurveyVersion | None":
        return self.versions.filter(status=SurveyVersion.Status.PUBLISHED).order_by("-number").first()


class SurveyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    languages = models.JSONField(_("languages"), default=list)
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    intro_fi = models.TextField(_("introduction in Finnish"), blank=True)
    intro_sv = models.TextField(_("introduction in Swedish"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)
    thank_you_fi = models.TextField(_("thank-you text in Finnish"), blank=True)
    thank_you_sv = models.TextField(_("thank-you text in Swedish"), blank=True)
    thank_you_en = models.TextField(_("thank-you text in English"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    title = translated("title")
    intro = translated("intro")
    thank_you = translated("thank_you")

    class Meta:
        verbose_name = _("survey version")
        verbose_name_plural = _("survey versions")
        ordering = ["survey", "-number"]
        constraints = [models.UniqueConstraint(fields=["survey", "number"], name="one_survey_version_per_number")]

    def __str__(self) -> str:
        return f"{self.survey} v{self.number}"

    def text(self, field: str, language: str) -> str:
        return pick({code: getattr(self, f"{field}_{code}") for code in ("fi", "sv", "en")}, language)

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Question(models.Model):
    """One question of a survey version: a library metric or an open question."""

    class Kind(models.TextChoices):
        METRIC = "metric", _("Metric from the library")
        OPEN = "open", _("Open question")

    version = models.ForeignKey(SurveyVersion, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    metric = models.ForeignKey(
        "metrics.Metric", verbose_name=_("metric"), null=True, blank=True, on_delete=models.PROTECT
    )
    text_fi = models.CharField(_("question in Finnish"), max_length=300, blank=True)
    text_sv = models.CharField(_("question in Swedish"), max_length=300, blank=True)
    text_en = models.CharField(_("question in English"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    max_length = models.PositiveSmallIntegerField(_("maximum length"), default=2000)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["version", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="metric", metric__isnull=False) | models.Q(kind="open", metric__isnull=True),
                name="metric_questions_name_a_metric",
            )
        ]

    def __str__(self) -> str:
        return self.metric.code if self.metric_id else self.text_en or self.text_fi

    def open_text(self, language: str) -> str:
        return pick({code: getattr(self, f"text_{code}") for code in ("fi", "sv", "en")}, language)


def new_public_key() -> str:
    return secrets.token_urlsafe(8)


class CollectionPoint(models.Model):
    """Where answers to a survey come from: a widget, a link, a QR code, the API or an import."""

    class Kind(models.TextChoices):
        WIDGET = "widget", _("Widget")
        LINK = "link", _("Survey link")
        QR = "qr", _("QR code")
        API = "api", _("Ingestion API")
        IMPORT = "import", _("File import")

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="collection_points"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(_("public key"), max_length=24, unique=True, default=new_public_key, editable=False)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    touchpoint = models.CharField(_("touchpoint"), max_length=64, blank=True)
    allowed_origins = models.JSONField(
        _("allowed origins"),
        default=list,
        blank=True,
        help_text=_("Web sites allowed to show the widget, such as https://www.example.fi"),
    )
    sample_percent = models.PositiveSmallIntegerField(
        _("shown to this % of visits"), default=100, help_text=_("Between 1 and 100.")
    )
    quiet_days = models.PositiveSmallIntegerField(
        _("days not shown again"), default=30, help_text=_("After a visitor answers or closes the widget.")
    )
    max_per_minute = models.PositiveIntegerField(
        _("responses per minute at most"), default=600, help_text=_("Protects the figures from floods.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("collection point")
        verbose_name_plural = _("collection points")
        ordering = ["survey", "kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"
