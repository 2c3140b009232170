"""The Jira settings and notifications pages in a real Chromium: axe in three languages,
the settings form with errors, marking a notification read with htmx, and the item's Jira section."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kuulo.backlog import actions
from kuulo.integrations.models import JiraConfig, JiraLink
from tests.browser.test_accessibility import axe_violations, scan
from tests.integrations.pages import service_with_jira
from tests.notifications.pages import with_notifications

LANGUAGES = ["fi", "sv", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_my_pages_pass_axe(new_page, personas, service, language):
    page = new_page(personas["product_owner"], language)
    with_notifications(service)
    item = actions.create_item(service, None, title="Chat etusivulle")
    service_with_jira(service)
    config = JiraConfig.objects.get(service=service)
    config.enabled = True
    config.save()
    JiraLink.objects.create(item=item, key="KUU-7", last_status="In Progress")
    failures = {}
    for path in [
        reverse("notifications:notification_list"),
        reverse("notifications:preferences"),
        reverse("integrations:jira_settings", args=[service.pk]),
        reverse("backlog:item_detail", args=[service.pk, item.pk]),
    ]:
        if problems := scan(page, path, language):
            failures[path] = problems
    assert failures == {}
    assert page.locator(f'a[href="{config.base_url}/browse/KUU-7"]').count() == 1


def test_settings_with_errors_pass_axe_and_never_show_the_token(new_page, personas, service):
    page = new_page(personas["product_owner"], "fi")
    page.goto(reverse("integrations:jira_settings", args=[service.pk]))
    page.fill("#id_base_url", "ei osoite")
    page.fill("#id_api_token", "very-secret-token")
    page.locator("main form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert "very-secret-token" not in page.content()
    assert axe_violations(page) == []


def test_mark_read_with_htmx_updates_the_bell(new_page, personas, service):
    with_notifications(service)
    page = new_page(personas["team_member"], "en")
    page.goto(reverse("notifications:notification_list"))
    bell = page.locator("#notification-bell")
    assert bell.get_attribute("aria-label") == "Notifications, 1 unread"
    page.locator(".notification--unread button").first.click()
    expect(page.locator(".notification--unread")).to_have_count(0)
    expect(page.locator("#notification-bell")).to_have_attribute("aria-label", "Notifications, 0 unread")
