"""Act: the team's retrospectives and the board's limits on work in progress.

The board itself is the backlog items by status (backlog.BacklogItem)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kuulo.backlog.models import BacklogItem


class Retro(models.Model):
    """A retrospective of a service's team. Its actions are backlog items (BacklogItem.retro)."""

    service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service"), on_delete=models.CASCADE, related_name="retros"
    )
    held_on = models.DateField(_("date"))
    went_well = models.TextField(_("what went well"), blank=True)
    to_improve = models.TextField(_("what to improve"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("retrospective")
        verbose_name_plural = _("retrospectives")
        ordering = ["-held_on", "-id"]


class WipLimit(models.Model):
    """The most items a board column of a service may hold; set by the product owner."""

    service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service"), on_delete=models.CASCADE, related_name="wip_limits"
    )
    status = models.CharField(_("column"), max_length=12, choices=BacklogItem.Status.choices)
    limit = models.PositiveSmallIntegerField(_("limit on work in progress"))

    class Meta:
        verbose_name = _("limit on work in progress")
        verbose_name_plural = _("limits on work in progress")
        constraints = [models.UniqueConstraint(fields=["service", "status"], name="one_wip_limit_per_column")]
