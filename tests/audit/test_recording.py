"""Every audited action leaves one entry, written with the change; reads that are not audited leave none."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from kuulo.api.models import ApiToken
from kuulo.audit.models import ActorKind, Entry
from kuulo.backlog import actions as backlog_actions
from kuulo.insights.actions import delete_insight
from kuulo.metrics import actions as metric_actions
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Membership, Role, Service
from kuulo.surveys.actions import publish_version
from tests.exports.data import answer
from tests.factories import MembershipFactory, ServiceFactory, UserFactory
from tests.insights.pages import insight_with_evidence
from tests.journeys.pages import journey_map
from tests.plans.data import plan_for
from tests.surveys.factories import draft_version
from tests.surveys.public_pages import ensure_metric_library

PASSWORD = "a-long-enough-password-1"


def entries(action: str) -> list[Entry]:
    return list(Entry.objects.filter(action=action).order_by("id"))


def only(action: str) -> Entry:
    found = entries(action)
    assert len(found) == 1, f"{len(found)} entries for {action}"
    return found[0]


# --- signing in and out ---


def test_a_sign_in_a_failure_and_a_sign_out_are_recorded(client, db):
    user = UserFactory(username="aino")
    user.set_password(PASSWORD)
    user.save()
    client.post(reverse("accounts:login"), {"username": "aino", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")
    failed = only("auth.login_failed")
    assert failed.actor is None and failed.details == {"username": "aino"}
    assert failed.client_hash and "203.0.113.9" not in failed.client_hash
    client.post(reverse("accounts:login"), {"username": "aino", "password": PASSWORD})
    signed_in = only("auth.login")
    assert signed_in.actor == user and signed_in.actor_kind == ActorKind.USER
    client.post(reverse("accounts:logout"))
    assert only("auth.logout").actor == user


# --- people and rights ---


def test_adding_changing_and_removing_a_member_are_recorded(client_as, service, product_owner):
    client = client_as("product_owner")
    newcomer = UserFactory(first_name="Ville", last_name="Uusi")
    client.post(reverse("organisation:service_members", args=[service.pk]), {"user": newcomer.pk, "role": "viewer"})
    added = only("membership.added")
    assert (added.actor, added.service, added.details) == (
        product_owner,
        service,
        {"user": "Ville Uusi", "role": "viewer"},
    )
    membership = Membership.objects.get(user=newcomer)
    client.post(reverse("organisation:membership_edit", args=[service.pk, membership.pk]), {"role": "team_member"})
    assert only("membership.role_changed").details == {"user": "Ville Uusi", "old": "viewer", "new": "team_member"}
    client.post(reverse("organisation:membership_remove", args=[service.pk, membership.pk]))
    removed = only("membership.removed")
    assert removed.target_label and removed.service == service


def test_creating_a_user_and_changing_their_admin_right_are_recorded(client_as, admin_user):
    client = client_as("admin")
    data = {
        "username": "uusi",
        "first_name": "Uusi",
        "last_name": "Käyttäjä",
        "email": "uusi@example.org",
        "language": "fi",
        "is_active": "on",
        "password": PASSWORD,
    }
    assert client.post(reverse("accounts:user_create"), data).status_code == 302
    created = only("user.created")
    assert created.actor == admin_user and created.target_label == "Uusi Käyttäjä"
    user = created.target_id
    data = {key: value for key, value in data.items() if key != "password"}
    client.post(reverse("accounts:user_edit", args=[user]), {**data, "is_org_admin": "on"})
    changed = only("user.changed")
    assert changed.details["org_admin"] is True and "is_org_admin" in changed.details["changed"]


def test_deleting_a_service_in_the_admin_is_recorded_and_keeps_its_name(admin_user):
    doomed = ServiceFactory(name_en="Closing service")
    request = RequestFactory().post("/")
    request.user = admin_user
    site._registry[Service].delete_model(request, doomed)
    entry = only("service.deleted")
    assert entry.target_label == "Closing service" and entry.actor == admin_user
    assert entry.service is None  # the service is gone; its name stays in the entry


# --- metrics, targets and surveys ---


def test_metric_changes_and_targets_are_recorded(db):
    ensure_metric_library()
    base = Metric.objects.get(code="csat", version=1)
    definition = {name: getattr(base, name) for name in metric_actions.DEFINITION_FIELDS}
    custom = metric_actions.create_metric({**definition, "code": "own"})
    assert only("metric.created").target_id == str(custom.pk)
    metric_actions.create_metric_version(custom, definition)
    assert only("metric.versioned").details == {"previous_version": 1}
    metric_actions.deactivate_metric(custom)
    assert only("metric.deactivated").target_label
    service = ServiceFactory()
    metric_actions.add_target(base, 4.2, timezone.localdate(), service=service)
    target = only("target.set")
    assert target.service == service and target.details["level"] == 4.2


def test_publishing_a_survey_is_recorded(service):
    version = draft_version(service)
    publish_version(version)
    entry = only("survey.published")
    assert entry.service == service and entry.details == {"version": version.number}


# --- exports and downloads of free text ---


def test_a_comment_csv_export_is_recorded_and_browsing_comments_is_not(client_as, service, viewer):
    answer(service, 2, text="Jono oli pitkä")
    client = client_as("viewer")
    before = Entry.objects.count()
    assert client.get(reverse("comments:comment_list", args=[service.pk])).status_code == 200
    assert Entry.objects.count() == before
    response = client.get(reverse("comments:comment_export", args=[service.pk]))
    b"".join(response.streaming_content)
    entry = only("comments.exported")
    assert entry.actor == viewer and entry.service == service


def test_starting_and_downloading_an_export_are_recorded(client_as, service, admin_user):
    answer(service, 2, text="Jono oli pitkä")
    client = client_as("admin")
    today = timezone.localdate()
    data = {"kind": "comments", "format": "csv", "service": service.pk, "start": today - timezone.timedelta(days=30)}
    client.post(reverse("exports:export_new"), {**data, "end": today, "channel": "", "language": ""})
    created = only("export.created")
    assert created.actor == admin_user and created.details["kind"] == "comments"
    response = client.get(reverse("exports:export_download", args=[created.target_id]))
    assert response.status_code == 200
    assert only("export.downloaded").target_id == created.target_id


def test_a_report_download_is_recorded(client_as, service):
    plan = plan_for(service)
    checkpoint = plan.checkpoints.order_by("starts_at").last()
    client_as("viewer").get(reverse("plans:checkpoint_report_pdf", args=[plan.pk, checkpoint.pk]))
    assert only("report.downloaded").service == service


# --- API tokens ---


def test_token_creation_access_change_and_revocation_are_recorded(client_as, service):
    client = client_as("admin")
    client.post(reverse("api:token_create"), {"name": "CRM", "scopes": ["read"]})
    created = only("token.created")
    assert created.target_label.startswith("CRM") and created.details["scopes"] == ["read"]
    token = ApiToken.objects.get()
    client.post(reverse("api:token_access", args=[token.pk]), {"scopes": ["read", "ingest"]})
    assert only("token.access_changed").details["scopes"] == ["ingest", "read"]
    client.post(reverse("api:token_revoke", args=[token.pk]))
    assert only("token.revoked").target_id == str(token.pk)


def test_token_use_is_recorded_once_per_scope_per_hour(client, service):
    _api_token, token = ApiToken.issue("BI", scopes=["read"])
    headers = {"Authorization": f"Bearer {token}"}
    for _ in range(3):
        assert client.get("/api/v1/scores/daily.csv", {"metric": "csat"}, headers=headers).status_code == 200
    used = only("token.used")
    assert used.actor_kind == ActorKind.TOKEN and used.actor_label.startswith("BI")
    assert used.details == {"scope": "read"}


# --- integrations ---


def test_saving_the_jira_settings_is_recorded_without_the_token(client_as, service, product_owner):
    data = {
        "enabled": "on",
        "base_url": "https://example.atlassian.net",
        "project_key": "kuu",
        "issue_type": "Task",
        "email": "jira@example.org",
        "api_token": "secret-token-value",
        "category_new": "ready",
        "category_indeterminate": "in_progress",
        "category_done": "done",
        "status_names": "",
    }
    client_as("product_owner").post(reverse("integrations:jira_settings", args=[service.pk]), data)
    entry = only("integration.changed")
    assert entry.actor == product_owner and entry.service == service
    assert entry.details["token_changed"] is True
    assert "secret-token-value" not in str(entry.details)


# --- deletions ---


def test_deleting_an_item_an_insight_and_a_journey_are_recorded(client_as, service, product_owner):
    item = backlog_actions.create_item(service, product_owner, title="Poistettava")
    backlog_actions.delete_item(item)
    assert only("item.deleted").target_label == "Poistettava"
    insight = insight_with_evidence(service)
    delete_insight(insight)
    assert only("insight.deleted").service == service
    journey = journey_map(service)
    client_as("product_owner").post(reverse("journeys:journey_delete", args=[service.pk, journey.pk]))
    entry = only("journey.deleted")
    assert entry.actor == product_owner and entry.target_label == journey.title


@pytest.mark.parametrize("name", ["organisation:service_detail", "organisation:service_members"])
def test_reading_pages_records_nothing(client_as, service, name):
    client = client_as("admin")
    before = Entry.objects.count()
    assert client.get(reverse(name, args=[service.pk])).status_code == 200
    assert Entry.objects.count() == before


def test_a_membership_of_another_persona_is_not_touched(service, product_owner):
    MembershipFactory(service=service, role=Role.VIEWER)
    assert not entries("membership.added")


def test_changes_in_the_django_admin_are_audited_with_what_changed(client_as):
    from kuulo.organisation.models import LifeEvent

    client = client_as("admin")
    add = client.post(reverse("admin:organisation_lifeevent_add"), {"name_fi": "Muutto", "name_sv": "", "name_en": ""})
    assert add.status_code == 302
    event = LifeEvent.objects.get(name_fi="Muutto")
    change_url = reverse("admin:organisation_lifeevent_change", args=[event.pk])
    client.post(change_url, {"name_fi": "Muutto uuteen kotiin", "name_sv": "Flytt", "name_en": ""})
    client.post(reverse("admin:organisation_lifeevent_delete", args=[event.pk]), {"post": "yes"})
    added, changed, deleted = entries("admin.added"), entries("admin.changed"), entries("admin.deleted")
    assert [entry.details["object"] for entry in added] == ["Muutto"]
    assert changed[0].details["model"] == "organisation.lifeevent" and "Name in Finnish" in changed[0].details["change"]
    assert [entry.details["object_id"] for entry in deleted] == [str(event.pk)]
    assert {entry.actor.username for entry in added + changed + deleted} == {"admin"}
    client.get(change_url)  # reading the admin writes nothing
    assert Entry.objects.filter(action__startswith="admin.").count() == 3
