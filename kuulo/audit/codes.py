"""The audited actions: each code with the name people read on the audit log page."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "auth.login": _("Signed in"),
    "auth.login_failed": _("Sign-in failed"),
    "auth.logout": _("Signed out"),
    "user.created": _("User created"),
    "user.changed": _("User changed"),
    "user.data_exported": _("User's personal data exported"),
    "user.erased": _("User's personal data erased"),
    "membership.added": _("Member added to a service"),
    "membership.role_changed": _("Member's role changed"),
    "membership.removed": _("Member removed from a service"),
    "service.deleted": _("Service deleted"),
    "metric.created": _("Metric created"),
    "metric.versioned": _("Metric changed (new version)"),
    "metric.deactivated": _("Metric retired"),
    "target.set": _("Target set"),
    "survey.published": _("Survey published"),
    "comments.exported": _("Comments exported"),
    "export.created": _("Export started"),
    "export.downloaded": _("Export downloaded"),
    "report.downloaded": _("Report downloaded"),
    "token.created": _("API token created"),
    "token.access_changed": _("API token's access changed"),
    "token.revoked": _("API token revoked"),
    "token.used": _("API token used"),
    "integration.changed": _("Integration settings changed"),
    "item.deleted": _("Backlog item deleted"),
    "insight.deleted": _("Insight deleted"),
    "journey.deleted": _("Journey map deleted"),
    "retention.applied": _("Old free text removed"),
    "retention.changed": _("Retention policy changed"),
    "admin.added": _("Added in the Django admin"),
    "admin.changed": _("Changed in the Django admin"),
    "admin.deleted": _("Deleted in the Django admin"),
    "panel.contact_viewed": _("Panel member's contact details viewed"),
    "audit.exported": _("Audit log exported"),
    "audit.purged": _("Old audit entries purged"),
}


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))
