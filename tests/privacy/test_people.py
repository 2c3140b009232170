"""A staff user's personal data: exported as JSON and erased, both audited; their work stays."""

import json

import pytest
from django.urls import reverse

from kuulo.audit.models import Entry
from kuulo.backlog import actions as backlog_actions
from kuulo.organisation.models import Membership


def data_url(user) -> str:
    return reverse("privacy:user_data", args=[user.pk])


def erase_url(user) -> str:
    return reverse("privacy:user_erase", args=[user.pk])


def test_the_export_holds_the_account_memberships_work_and_entries(client_as, service, team_member, admin_user):
    backlog_actions.create_item(service, team_member, title="Selkeämpi lomake")
    client_as("team_member")  # a sign-in of their own
    response = client_as("admin").get(data_url(team_member))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="kuulo-user-{team_member.pk}.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == team_member.email
    assert data["memberships"] == [{"service": str(service), "role": "team_member"}]
    item = {"kind": "backlog.backlogitem", "as": "created_by", "label": "Selkeämpi lomake"}
    assert any(item.items() <= ref.items() for ref in data["references"])
    assert [entry["action"] for entry in data["audit_entries"]] == ["auth.login"]
    exported = Entry.objects.get(action="user.data_exported")
    assert exported.actor == admin_user and exported.target_id == str(team_member.pk)


def test_erasure_keeps_the_work_and_the_entries_but_not_the_name(client_as, service, team_member, admin_user):
    item = backlog_actions.create_item(service, team_member, title="Selkeämpi lomake")
    name = team_member.get_full_name()
    client_as("team_member")
    client = client_as("admin")
    assert name in client.get(erase_url(team_member)).content.decode()
    assert client.post(erase_url(team_member)).status_code == 302
    team_member.refresh_from_db()
    removed = f"Removed user #{team_member.pk}"
    assert str(team_member) == removed
    assert (team_member.email, team_member.is_active, team_member.has_usable_password()) == ("", False, False)
    assert not Membership.objects.filter(user=team_member).exists()
    item.refresh_from_db()
    assert item.created_by == team_member
    own = Entry.objects.filter(actor=team_member)
    assert own.exists() and set(own.values_list("actor_label", flat=True)) == {removed}
    assert name not in str(list(Entry.objects.values_list("actor_label", "target_label", "details")))
    erased = Entry.objects.get(action="user.erased")
    assert erased.actor == admin_user and erased.target_label == removed


def test_an_admin_cannot_erase_themselves(client_as, admin_user):
    client = client_as("admin")
    client.post(erase_url(admin_user))
    admin_user.refresh_from_db()
    assert admin_user.is_active and not Entry.objects.filter(action="user.erased").exists()


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_admins_export_or_erase(client_as, viewer, role):
    client = client_as(role)
    assert client.get(data_url(viewer)).status_code == 404
    assert client.post(erase_url(viewer)).status_code == 404
    viewer.refresh_from_db()
    assert viewer.is_active
    assert not Entry.objects.filter(action__in=["user.erased", "user.data_exported"]).exists()


def test_an_unknown_user_is_404(client_as):
    client = client_as("admin")
    assert client.get(reverse("privacy:user_data", args=[99999])).status_code == 404
    assert client.post(reverse("privacy:user_erase", args=[99999])).status_code == 404
