"""The Jira API token is kept encrypted; what product owners and operators see when the keys change."""

import base64
import io
import logging

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from kuulo.backlog import actions
from kuulo.integrations.models import JiraConfig, JiraLink
from kuulo.integrations.sync import send_item, sync_service
from kuulo.integrations.tasks import sync_jira
from kuulo.lib.secrets import SecretUnreadable, decrypt
from tests.integrations.jira_standin import EMAIL, TOKEN

pytestmark = pytest.mark.django_db(transaction=True)

UNREADABLE = "The saved token can no longer be read; enter it again."


def save_settings(client, service, base_url, token=TOKEN):
    data = {
        "enabled": "on",
        "base_url": base_url,
        "project_key": "KUU",
        "issue_type": "Task",
        "email": EMAIL,
        "api_token": token,
        "category_new": "ready",
        "category_indeterminate": "in_progress",
        "category_done": "done",
        "status_names": "",
    }
    return client.post(reverse("integrations:jira_settings", args=[service.pk]), data)


def press_test_connection(client, service) -> str:
    response = client.post(reverse("integrations:jira_test", args=[service.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_database_and_its_dump_hold_the_token_only_encrypted(client_as, service):
    client = client_as("product_owner")
    assert save_settings(client, service, "https://example.atlassian.net").status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM integrations_jiraconfig")
        row = cursor.fetchone()
    assert not any(TOKEN in str(value) for value in row)
    stored = JiraConfig.objects.values_list("api_token_encrypted", flat=True).get()
    assert stored and stored != TOKEN
    dump = io.StringIO()
    call_command("dumpdata", "integrations", stdout=dump)
    assert TOKEN not in dump.getvalue()
    page = client.get(reverse("integrations:jira_settings", args=[service.pk])).content.decode()
    assert TOKEN not in page
    assert stored not in page


def test_jira_receives_the_right_basic_auth_from_the_encrypted_token(client_as, service, standin):
    client = client_as("product_owner")
    save_settings(client, service, standin.url)
    assert "Kuulo Bot" in press_test_connection(client, service)
    expected = base64.b64encode(f"{EMAIL}:{TOKEN}".encode()).decode()
    assert standin.last_authorization == f"Basic {expected}"


def test_a_token_saved_under_an_old_key_works_while_that_key_is_listed(client_as, service, standin, settings):
    client = client_as("product_owner")
    settings.KUULO_FIELD_KEY = "the-old-field-key"
    save_settings(client, service, standin.url)

    settings.KUULO_FIELD_KEY = "the-new-field-key"
    settings.KUULO_FIELD_KEYS_OLD = ["the-old-field-key"]
    assert "Kuulo Bot" in press_test_connection(client, service)

    # The operator re-encrypts under the new key and then drops the old one.
    out = io.StringIO()
    call_command("rotate_secrets", stdout=out)
    assert "integrations.JiraConfig.api_token_encrypted: 1 encrypted under the current key." in out.getvalue()
    settings.KUULO_FIELD_KEYS_OLD = []
    assert "Kuulo Bot" in press_test_connection(client, service)


def test_tokens_saved_under_the_secret_key_still_work_after_a_field_key_is_set(client_as, service, standin, settings):
    client = client_as("product_owner")
    settings.KUULO_FIELD_KEY = ""
    save_settings(client, service, standin.url)
    settings.KUULO_FIELD_KEY = "a-dedicated-field-key"
    settings.KUULO_FIELD_KEYS_OLD = [settings.SECRET_KEY]
    assert "Kuulo Bot" in press_test_connection(client, service)


def test_an_unreadable_token_is_said_in_plain_words_not_a_500(client_as, service, standin, settings):
    client = client_as("product_owner")
    save_settings(client, service, standin.url)
    settings.KUULO_FIELD_KEY = "a-key-the-token-was-not-saved-under"
    with pytest.raises(SecretUnreadable):
        JiraConfig.objects.get(service=service).read_api_token()

    response = client.get(reverse("integrations:jira_settings", args=[service.pk]))
    assert response.status_code == 200
    assert UNREADABLE in response.content.decode()
    requests_before = len(standin.requests)
    assert UNREADABLE in press_test_connection(client, service)
    assert len(standin.requests) == requests_before  # nothing was sent to Jira

    # Leaving the token empty is not enough now; entering it again mends it.
    assert save_settings(client, service, standin.url, token="").status_code == 422
    assert save_settings(client, service, standin.url).status_code == 302
    page = client.get(reverse("integrations:jira_settings", args=[service.pk])).content.decode()
    assert UNREADABLE not in page
    assert "Kuulo Bot" in press_test_connection(client, service)


def test_sync_skips_a_service_whose_token_is_unreadable_and_its_pages_say_why(
    client_as, service, jira_config, standin, settings, caplog, product_owner
):
    item = actions.create_item(service, None, title="Chat etusivulle")
    send_item(item, jira_config)
    settings.KUULO_FIELD_KEY = "a-key-the-token-was-not-saved-under"
    requests_before = len(standin.requests)

    with caplog.at_level(logging.WARNING, logger="kuulo.integrations.sync"):
        result = sync_service(jira_config)
    assert result.error == "token_unreadable"
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert f"service {service.pk}" in caplog.text
    assert TOKEN not in caplog.text

    err = io.StringIO()
    call_command("sync_jira", stdout=io.StringIO(), stderr=err)
    assert UNREADABLE in err.getvalue()
    assert sync_jira.enqueue(service.pk).return_value["error"] == "token_unreadable"
    assert len(standin.requests) == requests_before

    # A status change made in Kuulo cannot reach Jira either: the item page says why.
    actions.change_status(item, product_owner, "in_progress")
    assert JiraLink.objects.get(item=item).last_error == "token_unreadable"
    client = client_as("product_owner")
    detail = client.get(reverse("backlog:item_detail", args=[service.pk, item.pk]))
    assert detail.status_code == 200
    assert UNREADABLE in detail.content.decode()
    settings_page = client.get(reverse("integrations:jira_settings", args=[service.pk])).content.decode()
    assert UNREADABLE in settings_page
    assert TOKEN not in settings_page


def test_sending_an_item_with_an_unreadable_token_says_so(client_as, service, jira_config, settings):
    settings.KUULO_FIELD_KEY = "a-key-the-token-was-not-saved-under"
    item = actions.create_item(service, None, title="Chat etusivulle")
    response = client_as("team_member").post(reverse("integrations:jira_send", args=[service.pk, item.pk]), follow=True)
    assert response.status_code == 200
    assert UNREADABLE in response.content.decode()
    assert not JiraLink.objects.filter(item=item).exists()


def test_the_migration_encrypts_saved_tokens_and_its_reverse_decrypts_them(service):
    plain = [("integrations", "0001_initial")]
    encrypted = [("integrations", "0002_encrypt_api_token")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("integrations")
    try:
        executor.migrate(plain)
        old_model = executor.loader.project_state(plain).apps.get_model("integrations", "JiraConfig")
        old_model.objects.create(
            service_id=service.pk, base_url="https://x.atlassian.net", project_key="KUU", email=EMAIL, api_token=TOKEN
        )
        MigrationExecutor(connection).migrate(encrypted)
        stored = JiraConfig.objects.values_list("api_token_encrypted", flat=True).get(service=service)
        assert stored != TOKEN and TOKEN not in stored
        assert decrypt(stored) == TOKEN

        MigrationExecutor(connection).migrate(plain)
        assert old_model.objects.get(service_id=service.pk).api_token == TOKEN
    finally:
        MigrationExecutor(connection).migrate(latest)
