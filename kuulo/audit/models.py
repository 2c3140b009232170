"""One audit entry per audited action. Entries are only ever added: the model refuses to change
or delete one, and so does its queryset. Only the retention purge and the erasure of a user's
name (kuulo/audit/log.py) go past that, each leaving an entry of its own."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AppendOnly(Exception):
    """Raised on any attempt to change or delete an audit entry."""


class ActorKind(models.TextChoices):
    USER = "user", pgettext_lazy("audit actor", "User")
    TOKEN = "token", pgettext_lazy("audit actor", "API token")
    SYSTEM = "system", pgettext_lazy("audit actor", "System")


class EntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Audit entries cannot be changed.")

    def delete(self):
        raise AppendOnly("Audit entries cannot be deleted.")

    def bulk_update(self, *args, **kwargs):
        raise AppendOnly("Audit entries cannot be changed.")


class Entry(models.Model):
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("audit", "who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_kind = models.CharField(_("kind of actor"), max_length=10, choices=ActorKind.choices)
    # The actor's name as it was, or the token's name; kept when the user or token is gone.
    actor_label = models.CharField(_("actor"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=60, db_index=True)
    target_kind = models.CharField(_("kind of target"), max_length=60, blank=True)
    target_id = models.CharField(_("target id"), max_length=40, blank=True)
    target_label = models.CharField(_("target"), max_length=200, blank=True)
    service = models.ForeignKey(
        "organisation.Service",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    client_hash = models.CharField(_("client address (hashed)"), max_length=32, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-id"]
        indexes = [models.Index(fields=["service", "-id"]), models.Index(fields=["actor", "-id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("Audit entries cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit entries cannot be deleted.")
