import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "kuulo_"  # noqa: S105 - a visible prefix, not a secret


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """An organisation API token for machines. Only its hash is stored; the
    token itself is shown once, when it is created."""

    name = models.CharField(_("name"), max_length=100, help_text=_("What uses the token, e.g. the CRM integration."))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("begins with"), max_length=12, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, name: str, created_by=None) -> tuple["ApiToken", str]:
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        api_token = cls.objects.create(
            name=name, token_hash=hash_token(token), hint=token[: len(TOKEN_PREFIX) + 4], created_by=created_by
        )
        return api_token, token

    @classmethod
    def authenticate(cls, token: str) -> "ApiToken | None":
        api_token = cls.objects.filter(token_hash=hash_token(token), revoked_at__isnull=True).first()
        if api_token:
            cls.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        return api_token

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
