"""Sending items to Jira and keeping statuses in step, against the local stand-in for Jira Cloud."""

import pytest
from django.core.management import call_command

from kuulo.backlog import actions
from kuulo.backlog.models import ItemChange
from kuulo.integrations.jira import Client, JiraError, adf, label
from kuulo.integrations.models import JiraLink
from kuulo.integrations.sync import send_item, sync_service
from kuulo.integrations.tasks import sync_jira

pytestmark = pytest.mark.django_db(transaction=True)


def make_item(service, user=None, **fields):
    return actions.create_item(service, user, title="Takaisinsoitto ruuhka-aikaan", **fields)


def test_adf_and_labels():
    doc = adf("First line\nsecond line\n\nNext paragraph")
    assert doc["type"] == "doc" and doc["version"] == 1
    assert [node["type"] for node in doc["content"]] == ["paragraph", "paragraph"]
    assert doc["content"][0]["content"][1] == {"type": "hardBreak"}
    assert label("puhelin jonot") == "puhelin-jonot"


def test_send_item_creates_the_issue_with_summary_description_type_and_labels(service, jira_config, standin):
    item = make_item(service, description="Asiakkaat jonottavat.", tags=["jonot", "puhelin palvelu"])
    link = send_item(item, jira_config)
    assert link.key == "KUU-1"
    assert link.self_url.startswith(standin.url)
    fields = standin.issues["KUU-1"]["fields"]
    assert fields["summary"] == item.title
    assert fields["project"] == {"key": "KUU"} and fields["issuetype"] == {"name": "Task"}
    assert fields["description"]["content"][0]["content"][0]["text"] == "Asiakkaat jonottavat."
    assert sorted(fields["labels"]) == ["jonot", "puhelin-palvelu"]
    assert link.last_status == "To Do"
    assert jira_config.browse_url("KUU-1") == f"{standin.url}/browse/KUU-1"


def test_an_item_in_progress_is_moved_in_jira_when_sent(service, jira_config, standin):
    item = make_item(service, status="in_progress")
    send_item(item, jira_config)
    assert standin.status_of("KUU-1") == "In Progress"
    assert JiraLink.objects.get(item=item).last_status == "In Progress"


def test_a_change_in_jira_moves_the_item_recorded_as_from_jira(service, jira_config, standin, product_owner):
    item = make_item(service, status="ready")
    send_item(item, jira_config)
    standin.set_status("KUU-1", "In Progress")
    result = sync_service(jira_config)
    assert result.moved == ["KUU-1"]
    item.refresh_from_db()
    assert item.status == "in_progress"
    change = ItemChange.objects.filter(item=item, field="status").first()
    assert str(change.changed_by) == "Jira"
    posts = [request for request in standin.requests if request[0] == "POST" and "transitions" in request[1]]
    assert posts == []  # the change that came from Jira is not sent back

    standin.set_status("KUU-1", "Done")
    call_command("sync_jira")
    item.refresh_from_db()
    assert item.status == "done" and item.done_at is not None


def test_a_change_in_kuulo_transitions_the_issue_without_ping_pong(service, jira_config, standin, product_owner):
    item = make_item(service, status="ready")
    send_item(item, jira_config)
    actions.change_status(item, product_owner, "in_progress")
    assert standin.status_of("KUU-1") == "In Progress"
    transitions = [request for request in standin.requests if request[0] == "POST" and "transitions" in request[1]]
    assert transitions[-1][2] == {"transition": {"id": "21"}}
    history = ItemChange.objects.filter(item=item, field="status").count()
    sync_service(jira_config)  # Jira's status is the one Kuulo set: nothing moves
    assert ItemChange.objects.filter(item=item, field="status").count() == history
    item.refresh_from_db()
    assert item.status == "in_progress"


def test_verified_is_not_moved_back_to_done(service, jira_config, standin, product_owner):
    item = make_item(service, status="done")
    send_item(item, jira_config)
    assert standin.status_of("KUU-1") == "Done"
    actions.change_status(item, product_owner, "verified")
    assert standin.status_of("KUU-1") == "Done"
    standin.set_status("KUU-1", "Done")
    sync_service(jira_config)
    item.refresh_from_db()
    assert item.status == "verified"


def test_status_names_win_over_categories(service, jira_config, standin):
    jira_config.status_map = {
        "categories": {"new": "ready", "indeterminate": "in_progress", "done": "done"},
        "names": {"In Review": "done"},
    }
    jira_config.save()
    item = make_item(service, status="ready")
    send_item(item, jira_config)
    standin.set_status("KUU-1", "In Review")
    sync_service(jira_config)
    item.refresh_from_db()
    assert item.status == "done"


def test_a_failed_transition_is_tried_again_on_the_next_sync(service, jira_config, standin, product_owner):
    item = make_item(service, status="ready")
    send_item(item, jira_config)
    standin.fail_next(503)
    actions.change_status(item, product_owner, "in_progress")
    link = JiraLink.objects.get(item=item)
    assert link.last_error == "rejected"
    assert standin.status_of("KUU-1") == "To Do"
    result = sync_service(jira_config)
    assert result.pushed == ["KUU-1"]
    assert standin.status_of("KUU-1") == "In Progress"
    item.refresh_from_db()
    assert item.status == "in_progress"


def test_a_deleted_issue_is_marked_missing_and_the_others_still_sync(service, jira_config, standin):
    first, second = make_item(service, status="ready"), make_item(service, status="ready")
    send_item(first, jira_config)
    send_item(second, jira_config)
    del standin.issues["KUU-1"]
    standin.set_status("KUU-2", "In Progress")
    result = sync_service(jira_config)
    assert result.missing == ["KUU-1"]
    assert JiraLink.objects.get(item=first).last_error == "not_found"
    second.refresh_from_db()
    assert second.status == "in_progress"


def test_the_task_syncs_only_an_enabled_service(service, jira_config, standin):
    item = make_item(service, status="ready")
    send_item(item, jira_config)
    standin.set_status("KUU-1", "Done")
    jira_config.enabled = False
    jira_config.save()
    sync_jira.enqueue(service.pk)
    item.refresh_from_db()
    assert item.status == "ready"
    jira_config.enabled = True
    jira_config.save()
    sync_jira.enqueue(service.pk)
    item.refresh_from_db()
    assert item.status == "done"


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        (lambda standin: setattr(standin, "token", "another"), "auth"),
        (lambda standin: standin.fail_next(403), "forbidden"),
        (lambda standin: standin.fail_next(404), "not_found"),
        (lambda standin: standin.fail_next(500), "rejected"),
        (lambda standin: setattr(standin, "delay", 3), "timeout"),
    ],
)
def test_errors_become_codes_with_words(jira_config, standin, setup, code):
    setup(standin)
    with pytest.raises(JiraError) as caught:
        Client.for_config(jira_config).myself()
    assert caught.value.code == code
    assert caught.value.text
    standin.delay = 0


def test_an_unreachable_jira(jira_config):
    jira_config.base_url = "http://127.0.0.1:9"
    with pytest.raises(JiraError) as caught:
        Client.for_config(jira_config).myself()
    assert caught.value.code == "unreachable"


def test_a_sync_error_is_stored_on_the_connection(service, jira_config, standin):
    send_item(make_item(service), jira_config)
    standin.token = "revoked"
    result = sync_service(jira_config)
    assert result.error == "auth"
    jira_config.refresh_from_db()
    assert jira_config.last_error == "auth"


def test_a_status_change_without_a_token_is_kept_as_an_error(service, jira_config, standin, product_owner):
    item = make_item(service, status="ready")
    send_item(item, jira_config)
    jira_config.set_api_token("")
    jira_config.save()
    actions.change_status(item, product_owner, "in_progress")
    item.refresh_from_db()
    assert item.status == "in_progress"
    assert JiraLink.objects.get(item=item).last_error == "no_token"
