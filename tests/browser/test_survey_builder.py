"""The builder in a real Chromium: reordering by keyboard with htmx, and forms in
their error state passing axe in every language."""

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import session_for
from tests.browser.test_accessibility import axe_violations
from tests.surveys.factories import draft_version


def test_product_owner_reorders_questions_by_keyboard_and_keeps_focus(new_page, personas, service):
    version = draft_version(service, codes=("csat", "nps"))
    csat = version.questions.get(metric__code="csat")
    page = new_page(personas["product_owner"], "en")
    page.goto(reverse("surveys:version_edit", args=[version.pk]))
    page.focus(f"#down-{csat.pk}")
    page.keyboard.press("Enter")
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=f"down-{csat.pk}")
    page.wait_for_selector("#questions-status:has-text('Moved to place 2 of 3.')")
    assert page.url.endswith(reverse("surveys:version_edit", args=[version.pk]))
    assert list(version.questions.order_by("position").values_list("metric__code", flat=True)) == ["nps", "csat", None]
    items = page.locator("#questions li strong").all_inner_texts()
    assert items[:2] == ["Net Promoter Score (NPS)", "Customer satisfaction (CSAT)"]

    page.keyboard.press("Enter")
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=f"up-{csat.pk}")
    assert page.locator("#questions li strong").all_inner_texts()[2] == "Customer satisfaction (CSAT)"
    assert axe_violations(page) == []


def test_reordering_works_without_javascript(browser, live_server, personas, service):
    version = draft_version(service, codes=("csat", "nps"))
    nps = version.questions.get(metric__code="nps")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    session = {"name": settings.SESSION_COOKIE_NAME, "value": session_for(personas["product_owner"])}
    context.add_cookies([{**session, "url": live_server.url}])
    page = context.new_page()
    page.goto(reverse("surveys:version_edit", args=[version.pk]))
    page.click(f"#up-{nps.pk}")
    assert f"#question-{nps.pk}" in page.url
    assert list(version.questions.order_by("position").values_list("metric__code", flat=True))[:2] == ["nps", "csat"]
    context.close()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_builder_forms_with_errors_pass_axe(new_page, personas, service, language):
    version = draft_version(service, open_question=False)
    version.questions.all().delete()
    admin = new_page(personas["admin"], language)

    admin.goto(reverse("surveys:version_edit", args=[version.pk]))
    admin.locator(f"form[action='{reverse('surveys:version_publish', args=[version.pk])}'] button").click()
    expect(admin.locator(".error-summary").first).to_be_visible()
    assert axe_violations(admin) == []

    admin.goto(reverse("surveys:point_create", args=[version.survey_id]))
    admin.fill("#id_name", "Front page")
    admin.fill("#id_allowed_origins", "www.example.fi/feedback")
    admin.locator("main form button[type=submit]").click()
    expect(admin.locator(".error-summary")).to_be_visible()
    assert axe_violations(admin) == []

    admin.goto(reverse("metrics:metric_create"))
    admin.locator("main form button[type=submit]").click()
    expect(admin.locator(".error-summary")).to_be_visible()
    assert axe_violations(admin) == []

    admin.goto(reverse("metrics:target_list"))
    admin.fill("#id_level", "1000")
    admin.locator("main form button[type=submit]").click()
    expect(admin.locator(".error-summary")).to_be_visible()
    assert axe_violations(admin) == []
