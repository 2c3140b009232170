import hashlib
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

import kuulo.audit as audit
from kuulo.organisation.models import Service

TOKEN_PREFIX = "kuulo_"  # noqa: S105 - a visible prefix, not a secret


class Scope(models.TextChoices):
    """What a token may do. Every API endpoint declares the one it needs (kuulo/api/auth.py)."""

    INGEST = "ingest", _("Send responses to collection points (ingest)")
    READ = "read", _("Read scores, responses, comments, insights, backlogs and effects (read)")


# How the token list names each scope, in a word or two.
SCOPE_NAMES = {
    Scope.INGEST: pgettext_lazy("API token scope", "Send responses"),
    Scope.READ: pgettext_lazy("API token scope", "Read"),
}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """An organisation API token for machines. Only its hash is stored; the
    token itself is shown once, when it is created.

    A token may do what its scopes say, on every service or only on the
    services listed (`all_services` off: a token whose services were all
    deleted reaches none). A legacy token was made before tokens had scopes:
    it keeps full access until an admin narrows it."""

    name = models.CharField(_("name"), max_length=100, help_text=_("What uses the token, e.g. the CRM integration."))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("begins with"), max_length=12, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    all_services = models.BooleanField(_("all services"), default=True)
    services = models.ManyToManyField(Service, verbose_name=_("services"), blank=True, related_name="api_tokens")
    legacy = models.BooleanField(_("made before scopes"), default=False, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    @transaction.atomic
    def issue(
        cls, name: str, created_by=None, *, scopes: Iterable[str] = tuple(Scope.values), services: Iterable = ()
    ) -> tuple["ApiToken", str]:
        """A new token with `scopes` (default all) on `services` (default every service)."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        api_token = cls.objects.create(
            name=name, token_hash=hash_token(token), hint=token[: len(TOKEN_PREFIX) + 4], created_by=created_by
        )
        api_token.set_access(scopes, services)
        audit.record(None, "token.created", api_token, scopes=api_token.scopes, services=list(services))
        return api_token, token

    @classmethod
    def authenticate(cls, token: str) -> "ApiToken | None":
        api_token = cls.objects.filter(token_hash=hash_token(token), revoked_at__isnull=True).first()
        if api_token:
            cls.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        return api_token

    @transaction.atomic
    def set_access(self, scopes: Iterable[str], services: Iterable) -> None:
        """What the token may do and where: `scopes` among Scope, `services` (none: every
        service). A legacy token set this way is legacy no more."""
        self.scopes = [scope for scope in Scope.values if scope in set(scopes)]
        services = list(services)
        self.all_services = not services
        self.legacy = False
        self.save(update_fields=["scopes", "all_services", "legacy"])
        self.services.set(services)

    def scope_names(self) -> list[str]:
        return [str(SCOPE_NAMES[scope]) for scope in Scope.values if scope in self.scopes]

    def allows(self, scope: str) -> bool:
        return scope in self.scopes

    def services_in_reach(self) -> QuerySet[Service]:
        """The services the token may read or send responses to."""
        return Service.objects.all() if self.all_services else self.services.all()

    def reaches(self, service_id: int) -> bool:
        return self.all_services or self.services.filter(pk=service_id).exists()

    @transaction.atomic
    def revoke(self) -> None:
        audit.record(None, "token.revoked", self)
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
