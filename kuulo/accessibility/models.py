"""The accessibility statement (saavutettavuusseloste, tillgänglighetsredogörelse) and the
accessibility feedback customers send about it.

The statement follows the sections of the EU model statement (Commission Implementing Decision
(EU) 2018/1523): compliance status, non-accessible content and why, how the statement was
prepared, feedback and contact, and the enforcement procedure. Until an organisation admin
saves one, Kuulo's own statement for its own pages is shown (kuulo/accessibility/defaults.py).

Feedback must be answered within 14 days (Finnish Act on the Provision of Digital Services,
section 10); each case carries its deadline, computed in the organisation's time zone.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuulo.lib.translated import translated

ANSWER_WITHIN_DAYS = 14


class Statement(models.Model):
    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    compliance = models.CharField(_("compliance status"), max_length=10, choices=Compliance.choices)
    non_accessible_fi = models.TextField(_("non-accessible content in Finnish"), blank=True)
    non_accessible_sv = models.TextField(_("non-accessible content in Swedish"), blank=True)
    non_accessible_en = models.TextField(_("non-accessible content in English"), blank=True)
    assessment_fi = models.TextField(_("how the statement was prepared, in Finnish"))
    assessment_sv = models.TextField(_("how the statement was prepared, in Swedish"), blank=True)
    assessment_en = models.TextField(_("how the statement was prepared, in English"), blank=True)
    contact_fi = models.TextField(_("feedback and contact information in Finnish"))
    contact_sv = models.TextField(_("feedback and contact information in Swedish"), blank=True)
    contact_en = models.TextField(_("feedback and contact information in English"), blank=True)
    enforcement_fi = models.TextField(_("enforcement procedure in Finnish"))
    enforcement_sv = models.TextField(_("enforcement procedure in Swedish"), blank=True)
    enforcement_en = models.TextField(_("enforcement procedure in English"), blank=True)
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("statement last reviewed on"))
    updated_at = models.DateTimeField(auto_now=True)

    non_accessible = translated("non_accessible")
    assessment = translated("assessment")
    contact = translated("contact")
    enforcement = translated("enforcement")

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def __str__(self) -> str:
        return str(_("accessibility statement"))


class Feedback(models.Model):
    """A customer's accessibility feedback: a case with a deadline and a recorded reply."""

    received_at = models.DateTimeField(_("received"), default=timezone.now)
    message = models.TextField(_("feedback"))
    page = models.CharField(_("page or service"), max_length=500, blank=True)
    contact = models.CharField(_("contact for the reply"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=2)
    deadline = models.DateField(_("answer by"))
    reply = models.TextField(_("reply"), blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["replied_at", "deadline", "pk"]
        indexes = [models.Index(fields=["replied_at", "deadline"])]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.replied_at is None

    def days_left(self, today=None) -> int:
        """Whole days from today (in the organisation's time zone) to the deadline; negative when late."""
        return (self.deadline - (today or timezone.localdate())).days

    @property
    def due_at(self) -> datetime:
        """The end of the deadline day in the organisation's time zone."""
        return timezone.make_aware(datetime.combine(self.deadline, time.max))


def deadline_for(received_at: datetime) -> "datetime.date":
    """The date 14 days after the day the feedback arrived, that day counted in the organisation's
    time zone (so a message sent at 00:30 Helsinki time counts for that Helsinki day, across a
    change to or from summer time alike)."""
    return timezone.localtime(received_at).date() + timedelta(days=ANSWER_WITHIN_DAYS)
