"""Sign-ins, failed sign-ins and sign-outs (Django's auth signals), and the `audited` hook through
which the organisation and accounts apps below this one reach the log."""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save

from kuulo.audit import record
from kuulo.lib.audited import audited


def logged_in(sender, request, user, **kwargs):
    # How: "password" or "oidc" (single sign-on), from the backend that authenticated the user.
    how = "oidc" if getattr(user, "backend", "").endswith("OIDCBackend") else "password"
    record(request, "auth.login", user, actor=user, method=how)


def logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(request, "auth.logout", user, actor=user)


def login_failed(sender, credentials, request=None, **kwargs):
    record(request, "auth.login_failed", username=credentials.get("username", ""))


ADMIN_ACTIONS = {ADDITION: "admin.added", CHANGE: "admin.changed", DELETION: "admin.deleted"}


def admin_change(sender, instance: LogEntry, created: bool, **kwargs):
    """Whatever is changed in the Django admin (which writes a LogEntry for each add, change and
    delete, in the same transaction) is in the audit log too."""
    if not created:
        return
    record(
        None,
        ADMIN_ACTIONS.get(instance.action_flag, "admin.changed"),
        actor=instance.user,
        model=instance.content_type.model_class()._meta.label_lower if instance.content_type_id else "",
        object_id=str(instance.object_id or ""),
        object=instance.object_repr,
        change=instance.get_change_message(),
    )


def connect() -> None:
    user_logged_in.connect(logged_in, dispatch_uid="kuulo.audit.logged_in")
    user_logged_out.connect(logged_out, dispatch_uid="kuulo.audit.logged_out")
    user_login_failed.connect(login_failed, dispatch_uid="kuulo.audit.login_failed")
    post_save.connect(admin_change, sender=LogEntry, dispatch_uid="kuulo.audit.admin_change")
    audited.register(record)
