"""The Jira settings page and sending an item, with the stand-in for Jira Cloud."""

import pytest
from django.urls import reverse

from kuulo.backlog import actions
from kuulo.integrations.models import JiraConfig, JiraLink
from kuulo.lib.secrets import encrypt
from tests.integrations.jira_standin import EMAIL, TOKEN

pytestmark = pytest.mark.django_db(transaction=True)


def settings_url(service):
    return reverse("integrations:jira_settings", args=[service.pk])


def form_data(base_url, **overrides):
    data = {
        "enabled": "on",
        "base_url": base_url,
        "project_key": "kuu",
        "issue_type": "Task",
        "email": EMAIL,
        "api_token": TOKEN,
        "category_new": "ready",
        "category_indeterminate": "in_progress",
        "category_done": "done",
        "status_names": "In Review = in_progress",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_change_the_settings(client_as, service, role, status):
    client = client_as(role)
    assert client.get(settings_url(service)).status_code == status
    assert client.post(settings_url(service), form_data("https://example.atlassian.net")).status_code == status
    test_url = reverse("integrations:jira_test", args=[service.pk])
    assert client.post(test_url).status_code == status


def test_saving_keeps_the_token_write_only(client_as, service):
    client = client_as("product_owner")
    response = client.post(settings_url(service), form_data("https://example.atlassian.net/jira/"))
    assert response.status_code == 302
    config = JiraConfig.objects.get(service=service)
    assert config.base_url == "https://example.atlassian.net"
    assert config.project_key == "KUU"
    assert config.read_api_token() == TOKEN
    assert config.status_map["names"] == {"In Review": "in_progress"}
    page = client.get(settings_url(service)).content.decode()
    assert TOKEN not in page
    # Saving again without a token keeps the stored one.
    response = client.post(settings_url(service), form_data("https://example.atlassian.net", api_token=""))
    assert response.status_code == 302
    config.refresh_from_db()
    assert config.read_api_token() == TOKEN
    # A new one replaces it.
    client.post(settings_url(service), form_data("https://example.atlassian.net", api_token="new-token"))
    config.refresh_from_db()
    assert config.read_api_token() == "new-token"


@pytest.mark.parametrize(
    "bad",
    [
        {"base_url": "not an address"},
        {"base_url": "ftp://example.org"},
        {"base_url": "http://example.atlassian.net"},
        {"project_key": "kuu-1 x"},
        {"status_names": "Review -> done"},
        {"status_names": "Review = finished"},
        {"api_token": ""},
    ],
)
def test_bad_input_answers_422_without_echoing_the_token(client_as, service, bad):
    data = {**form_data("https://example.atlassian.net"), **bad}
    response = client_as("product_owner").post(settings_url(service), data)
    assert response.status_code == 422
    assert TOKEN not in response.content.decode()
    assert not JiraConfig.objects.filter(service=service).exists()


def test_test_connection_says_the_result_in_words(client_as, service, standin):
    client = client_as("product_owner")
    client.post(settings_url(service), form_data(standin.url))
    test_url = reverse("integrations:jira_test", args=[service.pk])
    response = client.post(test_url)
    assert response.status_code == 200
    assert "Kuulo Bot" in response.content.decode()
    assert TOKEN not in response.content.decode()
    standin.token = "changed"
    response = client.post(test_url)
    assert response.status_code == 200
    assert "401" in response.content.decode()


def test_test_connection_before_saving_redirects(client_as, service):
    response = client_as("product_owner").post(reverse("integrations:jira_test", args=[service.pk]))
    assert response.status_code == 302


def test_send_to_jira_from_the_item_page(client_as, service, standin):
    JiraConfig.objects.create(
        service=service,
        enabled=True,
        base_url=standin.url,
        project_key="KUU",
        email=EMAIL,
        api_token_encrypted=encrypt(TOKEN),
    )
    item = actions.create_item(service, None, title="Chat etusivulle")
    client = client_as("team_member")
    detail = reverse("backlog:item_detail", args=[service.pk, item.pk])
    send = reverse("integrations:jira_send", args=[service.pk, item.pk])
    assert send in client.get(detail).content.decode()
    response = client.post(send)
    assert response.status_code == 302
    assert JiraLink.objects.get(item=item).key == "KUU-1"
    page = client.get(detail).content.decode()
    assert f'href="{standin.url}/browse/KUU-1"' in page
    assert send not in page
    # A viewer cannot send; an outsider does not see the item at all.
    assert client_as("viewer").post(send).status_code == 403
    assert client_as("outsider").post(send).status_code == 404


def test_sending_when_jira_fails_shows_words_not_a_500(client_as, service, standin):
    JiraConfig.objects.create(
        service=service,
        enabled=True,
        base_url=standin.url,
        project_key="KUU",
        email=EMAIL,
        api_token_encrypted=encrypt("wrong"),
    )
    item = actions.create_item(service, None, title="Chat etusivulle")
    client = client_as("team_member")
    response = client.post(reverse("integrations:jira_send", args=[service.pk, item.pk]), follow=True)
    assert response.status_code == 200
    assert "401" in response.content.decode()
    assert not JiraLink.objects.filter(item=item).exists()


def test_no_send_button_when_jira_is_not_in_use(client_as, service):
    JiraConfig.objects.create(
        service=service, enabled=False, base_url="https://x.atlassian.net", project_key="KUU", email=EMAIL
    )
    item = actions.create_item(service, None, title="Chat etusivulle")
    page = client_as("product_owner").get(reverse("backlog:item_detail", args=[service.pk, item.pk]))
    assert reverse("integrations:jira_send", args=[service.pk, item.pk]) not in page.content.decode()
    response = client_as("product_owner").post(reverse("integrations:jira_send", args=[service.pk, item.pk]))
    assert response.status_code == 302
    assert not JiraLink.objects.filter(item=item).exists()


def test_sync_now_button(client_as, service, standin):
    config = JiraConfig.objects.create(
        service=service,
        enabled=True,
        base_url=standin.url,
        project_key="KUU",
        email=EMAIL,
        api_token_encrypted=encrypt(TOKEN),
    )
    response = client_as("product_owner").post(reverse("integrations:jira_sync", args=[service.pk]))
    assert response.status_code == 302
    config.refresh_from_db()
    assert config.last_error == ""
