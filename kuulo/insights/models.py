"""The insight repository: findings stated in a sentence, with their evidence.

Comments (and later journey pain points and panel findings) are linked to an
insight through kuulo.traceability, so an insight shows its evidence and a
comment the insights it supports. A segment of responses is the insight's own
slice of the figures, not a link between two things, so it stays here.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.organisation import terms
from kuulo.organisation.models import Channel


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Insight(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONFIRMED = "confirmed", _("Confirmed")
        ACTIONED = "actioned", _("Actioned")
        ARCHIVED = "archived", _("Archived")

    service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service"), on_delete=models.CASCADE, related_name="insights"
    )
    statement = models.TextField(_("statement"), help_text=_("The finding in one or two sentences."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="insights")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("insight")
        verbose_name_plural = _("insights")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.statement[:80]

    def get_absolute_url(self) -> str:
        return reverse("insights:insight_detail", args=[self.service_id, self.pk])


class SegmentEvidence(models.Model):
    """A slice of the responses, e.g. CSAT of the phone channel in March: its
    score is computed from the rollups whenever the insight is shown."""

    insight = models.ForeignKey(Insight, on_delete=models.CASCADE, related_name="segment_evidence")
    metric = models.ForeignKey("metrics.Metric", verbose_name=_("metric"), on_delete=models.PROTECT, related_name="+")
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    channel = models.CharField(_("channel"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    customer_group = models.CharField(_("customer group"), max_length=64, blank=True)
    touchpoint = models.CharField(_("touchpoint"), max_length=64, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    def filters_display(self) -> list[str]:
        """The segment's filters as people read them, e.g. ["Channel: Phone"]; empty for all responses."""
        languages = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}
        found = []
        if self.channel:
            label = Channel(self.channel).label if self.channel in Channel.values else self.channel
            found.append(_("Channel: %(value)s") % {"value": label})
        if self.language:
            found.append(_("Language: %(value)s") % {"value": languages.get(self.language, self.language)})
        if self.customer_group:
            name = terms.name_of(None, terms.CUSTOMER_GROUP, self.customer_group)
            found.append(_("Customer group: %(value)s") % {"value": name})
        if self.touchpoint:
            name = terms.name_of(None, terms.TOUCHPOINT, self.touchpoint)
            found.append(_("Touchpoint: %(value)s") % {"value": name})
        return found

    def dashboard_query(self) -> str:
        """The filters as a query string for the service dashboard."""
        from urllib.parse import urlencode

        names = ("channel", "language", "customer_group")
        return urlencode({name: getattr(self, name) for name in names if getattr(self, name)})
