"""The hosted survey page in a real Chromium: answered by keyboard without
JavaScript, and accessible also when it shows errors."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from kuulo.feedback.models import Response
from tests.browser.test_accessibility import axe_violations
from tests.factories import published_survey
from tests.surveys.public_pages import ensure_metric_library


@pytest.fixture
def point(transactional_db, settings):
    settings.KUULO_MIN_FILL_SECONDS = 0
    cache.clear()
    ensure_metric_library()
    return published_survey(kind="qr")[1]


def test_a_customer_without_javascript_answers_by_keyboard(browser, live_server, point):
    context = browser.new_context(java_script_enabled=False, locale="sv")
    page = context.new_page()
    page.goto(live_server.url + reverse("public:survey_page", args=[point.key]))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.get_by_role("radio", name="Mycket nöjd").focus()
    page.keyboard.press("Space")
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text(point.survey.live_version().thank_you_sv)
    assert Response.objects.get().language == "sv"
    context.close()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_survey_page_with_errors_passes_axe(new_page, point, language):
    page = new_page(None, language)
    page.goto(reverse("public:survey_page", args=[point.key]) + f"?lang={language}")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []
    assert Response.objects.count() == 0


def test_the_closed_page_passes_axe(new_page, point):
    version = point.survey.live_version()
    version.status = "closed"
    version.save(update_fields=["status"])
    page = new_page(None, "en")
    response = page.goto(reverse("public:survey_page", args=[point.key]))
    assert response.status == 410
    expect(page.locator("h1")).to_have_text("This survey is closed")
    assert axe_violations(page) == []


def test_after_a_failed_submit_the_focus_is_on_the_error_summary(new_page, point):
    page = new_page(None, "fi")
    page.goto(reverse("public:survey_page", args=[point.key]))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_focused()


def test_after_a_failed_staff_form_the_focus_is_on_the_error_summary(new_page, point):
    from tests.factories import AdminFactory

    page = new_page(AdminFactory(), "sv")
    page.goto(reverse("organisation:unit_create"))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_focused()
