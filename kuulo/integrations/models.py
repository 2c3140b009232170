"""A service's link to Jira Cloud and each backlog item's issue there.

The API token cannot be hashed (Kuulo must send it to Jira), so it is stored
encrypted (kuulo.lib.secrets) and is never rendered back: pages only say whether
one is set, missing or no longer readable.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kuulo.lib.secrets import SecretUnreadable, decrypt, encrypt

# Jira's status categories (statusCategory.key) and Kuulo's default status for each.
CATEGORY_DEFAULTS = {"new": "ready", "indeterminate": "in_progress", "done": "done"}
# Default statuses of a Jira Cloud project by name (they win over the category).
NAME_DEFAULTS = {"To Do": "ready", "In Progress": "in_progress", "Done": "done"}


def default_status_map() -> dict:
    return {"categories": dict(CATEGORY_DEFAULTS), "names": dict(NAME_DEFAULTS)}


class JiraConfig(models.Model):
    service = models.OneToOneField(
        "organisation.Service", on_delete=models.CASCADE, related_name="jira_config", verbose_name=_("service")
    )
    enabled = models.BooleanField(_("in use"), default=False)
    base_url = models.URLField(_("Jira address"), max_length=200)
    project_key = models.CharField(_("project key"), max_length=20)
    issue_type = models.CharField(_("issue type"), max_length=60, default="Task")
    email = models.EmailField(_("account e-mail"))
    api_token_encrypted = models.TextField(blank=True)  # set_api_token(); never the token itself
    status_map = models.JSONField(default=default_status_map)
    last_synced_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=40, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Jira connection")
        verbose_name_plural = _("Jira connections")

    def __str__(self) -> str:
        return f"{self.base_url} {self.project_key}"

    def browse_url(self, key: str) -> str:
        return f"{self.base_url.rstrip('/')}/browse/{key}"

    def set_api_token(self, token: str) -> None:
        """Keeps the token encrypted; an empty one removes it. Save afterwards."""
        self.api_token_encrypted = encrypt(token) if token else ""

    def read_api_token(self) -> str:
        """The token in clear, only for the request to Jira ("" when none is set).

        Raises SecretUnreadable when it was saved under a key Kuulo no longer has."""
        return decrypt(self.api_token_encrypted) if self.api_token_encrypted else ""

    @property
    def credential_state(self) -> str:
        """One of "set", "not_set" and "unreadable" (the keys changed: someone must enter it again)."""
        if not self.api_token_encrypted:
            return "not_set"
        try:
            decrypt(self.api_token_encrypted)
        except SecretUnreadable:
            return "unreadable"
        return "set"


class JiraLink(models.Model):
    """The Jira issue made from a backlog item."""

    item = models.OneToOneField("backlog.BacklogItem", on_delete=models.CASCADE, related_name="jira_link")
    key = models.CharField(max_length=40)
    self_url = models.URLField(max_length=400, blank=True)
    last_status = models.CharField(max_length=100, blank=True)  # the Jira status name last seen
    synced_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Jira issue")
        verbose_name_plural = _("Jira issues")

    def __str__(self) -> str:
        return self.key

    @property
    def error_text(self) -> str:
        from kuulo.integrations.jira import error_text

        return error_text(self.last_error) if self.last_error else ""
