"""Audit entries are only ever added: no change, no deletion through the model, its queryset or the admin."""

import pytest
from django.contrib.admin.sites import site
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from kuulo import audit
from kuulo.audit.models import ActorKind, AppendOnly, Entry


@pytest.fixture
def entry(db):
    return audit.record(None, "audit.exported", rows=3)


def test_an_entry_cannot_be_changed(entry):
    entry.action = "auth.login"
    with pytest.raises(AppendOnly):
        entry.save()
    assert Entry.objects.get().action == "audit.exported"


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AppendOnly):
        entry.delete()
    assert Entry.objects.count() == 1


def test_the_queryset_refuses_update_and_delete(entry):
    with pytest.raises(AppendOnly):
        Entry.objects.filter(pk=entry.pk).update(action="auth.login")
    with pytest.raises(AppendOnly):
        Entry.objects.all().delete()
    with pytest.raises(AppendOnly):
        Entry.objects.bulk_update([entry], ["action"])
    assert Entry.objects.get().action == "audit.exported"


def test_the_admin_only_shows_entries(admin_user, entry):
    request = RequestFactory().get("/")
    request.user = admin_user
    model_admin = site._registry[Entry]
    assert model_admin.has_view_permission(request, entry)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)


def test_outside_a_request_the_system_acts(entry):
    assert entry.actor is None
    assert entry.actor_kind == ActorKind.SYSTEM
    assert entry.client_hash == ""


def test_a_request_gives_the_user_and_a_hashed_address_never_the_raw_one(admin_user):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
    request.user = admin_user
    entry = audit.record(request, "audit.exported")
    assert entry.actor == admin_user and entry.actor_kind == ActorKind.USER
    assert len(entry.client_hash) == 32
    assert "203.0.113" not in str(Entry.objects.filter(pk=entry.pk).values().get())


def test_the_purge_deletes_old_entries_and_says_how_many(db, settings):
    settings.KUULO_AUDIT_RETENTION_DAYS = 30
    Entry.objects.create(action="auth.login", actor_kind="user", at=timezone.now() - timezone.timedelta(days=31))
    Entry.objects.create(action="auth.login", actor_kind="user", at=timezone.now() - timezone.timedelta(days=29))
    call_command("purge_audit", stdout=open("/dev/null", "w"))  # noqa: SIM115
    actions = list(Entry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["auth.login", "audit.purged"]
    purged = Entry.objects.get(action="audit.purged")
    assert purged.details == {"purged": 1, "retention_days": 30}
    assert purged.actor_kind == ActorKind.SYSTEM


def test_the_purge_is_a_periodic_job(settings):
    assert "purge_audit" in dict(settings.KUULO_PERIODIC_JOBS)
