"""A product owner's alert subscriptions on a service, and the breaches found (kuulo.alerts.checks)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    class Kind(models.TextChoices):
        BELOW_TARGET = "below_target", _("A metric falls below its target")
        WEEKLY_DROP = "weekly_drop", _("A metric drops by a number of points from one week to the next")
        NEGATIVE_SPIKE = "negative_spike", _("Negative comments on a theme increase sharply")

    service = models.ForeignKey("organisation.Service", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("alert me when"), max_length=20, choices=Kind.choices)
    metric = models.ForeignKey(
        "metrics.Metric", verbose_name=_("metric"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    theme = models.ForeignKey(
        "comments.Theme", verbose_name=_("theme"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # points of a weekly drop; negative comments in a week for a spike; unused below target
    threshold = models.PositiveSmallIntegerField(_("threshold"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="negative_spike", theme__isnull=False, metric__isnull=True)
                | (~Q(kind="negative_spike") & Q(metric__isnull=False, theme__isnull=True)),
                name="subscription_has_its_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} · {self.service_id} · {self.user_id}"

    @property
    def subject(self):
        return self.theme if self.kind == self.Kind.NEGATIVE_SPIKE else self.metric


class Alert(models.Model):
    """One breach of a subscription in one week: found once, whatever how often the check runs."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="alerts")
    period_start = models.DateField()  # the week's Monday
    period_end = models.DateField()
    value = models.FloatField()  # the week's score, or its negative comments
    reference = models.FloatField()  # the target, the week before's score, or the usual weekly count
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "period_start"], name="one_alert_per_breach_and_week")
        ]

    def __str__(self) -> str:
        return f"{self.subscription} · {self.period_start}"
