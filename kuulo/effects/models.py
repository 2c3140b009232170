"""Follow up: experiments that try a change and measure it against a metric."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kuulo.backlog.models import BacklogItem, Direction


class Experiment(models.Model):
    class Decision(models.TextChoices):
        CONTINUE = "continue", _("Continue")
        CHANGE = "change", _("Change")
        STOP = "stop", _("Stop")

    service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service"), on_delete=models.CASCADE, related_name="experiments"
    )
    title = models.CharField(_("title"), max_length=200)
    hypothesis = models.TextField(_("hypothesis"), help_text=_("We believe that … will … because …"))
    change = models.TextField(_("what is tried"))
    metric = models.ForeignKey("metrics.Metric", verbose_name=_("metric"), on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(_("direction"), max_length=4, choices=Direction.choices, default=Direction.UP)
    minimum_change = models.FloatField(
        _("smallest change that counts"),
        help_text=_("Success when the metric moves at least this much in the direction, and significantly."),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    decision = models.CharField(_("decision"), max_length=8, choices=Decision.choices, blank=True)
    learning = models.TextField(_("what we learned"), blank=True)
    items = models.ManyToManyField(BacklogItem, verbose_name=_("backlog items"), blank=True, related_name="experiments")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.title
