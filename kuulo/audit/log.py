"""Writing audit entries: `record`, the request it was called from, the purge and the erasure.

`record(None, …)` inside a web request takes that request (CurrentRequestMiddleware keeps it),
so an action function that is not handed the request is still attributed to the person who
asked for it; outside any request (a periodic job, a management command) the actor is the
system.
"""

from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone

from kuulo.audit.models import ActorKind, Entry
from kuulo.lib.addresses import client_fingerprint

LABEL_LENGTH = 200
current_request: ContextVar = ContextVar("kuulo_audit_request", default=None)


class CurrentRequestMiddleware:
    """Remembers the request being answered, for `record(None, …)` calls deeper down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


def _short(value) -> str:
    return str(value)[:LABEL_LENGTH]


def _detail(value):
    if isinstance(value, models.Model):
        return _short(value)
    if isinstance(value, str):
        return value[:LABEL_LENGTH]
    if isinstance(value, list | tuple | set):
        return [_detail(item) for item in value][:50]
    if isinstance(value, dict):
        return {str(key): _detail(item) for key, item in value.items()}
    return value


def user_label(user) -> str:
    return _short(user.get_full_name() or user.get_username())


def record(request, action: str, target=None, *, service=None, token=None, actor=None, **details) -> Entry:
    """Writes one entry for `action` (a code such as "membership.added", see kuulo/audit/codes.py)
    on `target` (a model instance, or None). `service` (a Service or its id) defaults to the target's service;
    `token` is the API token that acted, `actor` the user who did (default: the request's); the
    other keywords are kept as small JSON details.
    Call it inside the transaction of the change, before a deletion."""
    request = request if request is not None else current_request.get()
    user = actor or getattr(request, "user", None)
    entry = Entry(action=action, details={key: _detail(value) for key, value in details.items()})
    if token is not None:
        entry.actor_kind, entry.actor_label = ActorKind.TOKEN, _short(token)
    elif user is not None and user.is_authenticated:
        entry.actor_kind, entry.actor, entry.actor_label = ActorKind.USER, user, user_label(user)
    elif request is not None:
        entry.actor_kind = ActorKind.USER  # someone not signed in, e.g. a failed sign-in
    else:
        entry.actor_kind = ActorKind.SYSTEM
    if request is not None and hasattr(request, "META"):
        entry.client_hash = client_fingerprint(request)
    if target is not None:
        entry.target_kind = target._meta.label_lower
        entry.target_id = str(target.pk or "")[:40]
        entry.target_label = _short(target)
    entry.service_id = _service_id(target, service)
    entry.save()
    return entry


def _service_id(target, service) -> int | None:
    if service is not None:
        return getattr(service, "pk", service)
    if target is None:
        return None
    if target._meta.label_lower == "organisation.service":
        return target.pk
    return getattr(target, "service_id", None)


def record_token_use(request, token, scope: str) -> Entry | None:
    """The first use of `scope` by `token` in an hour is recorded; the others are not, so that
    the log stays readable and the API fast."""
    hour = timezone.now().strftime("%Y%m%d%H")
    if not cache.add(f"kuulo:audit:token:{token.pk}:{scope}:{hour}", 1, timeout=60 * 60 + 60):
        return None
    return record(request, "token.used", token, token=token, scope=str(scope))


def retention_days() -> int:
    return settings.KUULO_AUDIT_RETENTION_DAYS


@transaction.atomic
def purge(now=None) -> int:
    """Deletes the entries older than the retention period and records how many it deleted."""
    days = retention_days()
    cutoff = (now or timezone.now()) - timedelta(days=days)
    old = Entry.objects.filter(at__lt=cutoff)
    deleted, _by_model = models.QuerySet.delete(old)  # the one way past the append-only guard
    record(None, "audit.purged", purged=deleted, retention_days=days)
    return deleted


def removed_user_label(user_id: int) -> str:
    return f"Removed user #{user_id}"


@transaction.atomic
def forget_user_name(user) -> int:
    """Erasure: the user's entries stay, but their name in them becomes "Removed user #id"."""
    entries = Entry.objects.filter(actor=user)
    changed = models.QuerySet.update(entries, actor_label=removed_user_label(user.pk))
    models.QuerySet.update(
        Entry.objects.filter(target_kind=user._meta.label_lower, target_id=str(user.pk)),
        target_label=removed_user_label(user.pk),
    )
    return changed
