"""The development plans' pages in Chromium: axe in fi, sv and en (also a form with errors,
an archived plan and the archived list), the subscribe address and the report's PDF link,
copying the personal calendar address and deleting a plan work by keyboard."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from kuulo.plans.models import Plan
from tests.browser.test_accessibility import axe_violations, scan
from tests.pages import STAFF_PAGES
from tests.plans.data import plan_for

LANGUAGES = ["fi", "sv", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plans_page_passes_axe(new_page, personas, service, language):
    page = new_page(personas["admin"], language)
    failures = {}
    for url_name, (args_for, _roles) in STAFF_PAGES.items():
        if url_name.startswith("plans:"):
            path = reverse(url_name, args=args_for(service))
            if problems := scan(page, path, language):
                failures[path] = problems
    unit_plan = Plan.objects.create(
        unit=service.unit, title="Yksikön suunnitelma", starts_on="2027-01-01", ends_on="2027-12-31"
    )
    archived = plan_for(service, title="Arkistoitu suunnitelma", archived_at=timezone.now())
    for path in (
        reverse("plans:plan_detail", args=[unit_plan.pk]),
        reverse("plans:plan_detail", args=[archived.pk]),
        reverse("plans:plan_delete", args=[archived.pk]),
        reverse("plans:plan_list") + "?archived=1",
    ):
        if problems := scan(page, path, language):
            failures[path] = problems
    assert failures == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_goal_form_with_errors_passes_axe(new_page, personas, service, language):
    plan = plan_for(service)
    page = new_page(personas["admin"], language)
    page.goto(reverse("plans:goal_create", args=[plan.pk]))
    page.select_option("#id_metric", index=1)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []


def test_the_report_is_reached_by_keyboard_from_the_plan(new_page, personas, service):
    plan = plan_for(service)
    page = new_page(personas["viewer"], "en")
    page.goto(reverse("plans:plan_detail", args=[plan.pk]))
    assert page.locator("#feed-url").input_value().endswith(f"/plans/feed/{plan.feed_token}.ics")
    link = page.locator(".checkpoint a", has_text="Report").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/report/")
    assert page.locator("h1").inner_text().startswith("Checkpoint report")


def test_the_personal_calendar_address_is_copied_by_keyboard(new_page, personas, service):
    plan_for(service)
    page = new_page(personas["viewer"], "en")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(reverse("plans:plan_list"))
    page.get_by_role("link", name="The checkpoints you attend in your own calendar").click()
    page.wait_for_url("**/plans/my-calendar/")
    address = page.locator("#feed-url").input_value()
    assert "/plans/my-calendar/" in address and address.endswith(".ics")
    button = page.get_by_role("button", name="Copy the address")
    button.focus()
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="The address was copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == address


def test_a_plan_is_deleted_by_keyboard_after_confirming(new_page, personas, service):
    plan = plan_for(service)
    page = new_page(personas["product_owner"], "en")
    page.goto(reverse("plans:plan_detail", args=[plan.pk]))
    page.get_by_role("link", name="Delete the plan").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/delete/")
    assert "Selkokielinen ohje" in page.locator("main").inner_text()  # the backlog item that stays
    page.get_by_role("button", name="Delete the plan").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/services/{service.pk}/plans/")
    assert not Plan.objects.filter(pk=plan.pk).exists()
