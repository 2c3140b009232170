"""Sign-ins, failed sign-ins and sign-outs (Django's auth signals), and the `audited` hook through
which the organisation and accounts apps below this one reach the log."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

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


def connect() -> None:
    user_logged_in.connect(logged_in, dispatch_uid="kuulo.audit.logged_in")
    user_logged_out.connect(logged_out, dispatch_uid="kuulo.audit.logged_out")
    user_login_failed.connect(login_failed, dispatch_uid="kuulo.audit.login_failed")
    audited.register(record)
