"""The backlog in Chromium: the product owner ranks by keyboard (move buttons; the focus stays,
the live region says the new place) and by dragging; the pages and a form with errors pass axe."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem
from tests.backlog.pages import backlog_with_items
from tests.browser.conftest import focus_lands_on
from tests.browser.test_accessibility import axe_violations, scan

LANGUAGES = ["fi", "sv", "en"]


def titles(service) -> list[str]:
    return list(BacklogItem.objects.filter(service=service).order_by("rank").values_list("title", flat=True))


@pytest.fixture
def items(service):
    return [actions.create_item(service, None, title=title) for title in ("Alpha", "Beta", "Gamma", "Delta")]


def test_keyboard_ranking_keeps_the_focus_and_announces_the_place(new_page, personas, service, items):
    page = new_page(personas["product_owner"], "en")
    page.goto(reverse("backlog:item_list", args=[service.pk]))
    gamma = items[2]
    page.focus(f"#item-{gamma.pk}-up")
    page.keyboard.press("Enter")
    page.locator("#rank-announcement").filter(has_text="is now number 2 of 4").wait_for()
    assert titles(service) == ["Alpha", "Gamma", "Beta", "Delta"]
    focus_lands_on(page, f"item-{gamma.pk}-up")
    page.keyboard.press("Enter")  # again: Gamma is now first, so its "Move up" is gone
    page.locator("#rank-announcement").filter(has_text="is now number 1 of 4").wait_for()
    assert titles(service) == ["Gamma", "Alpha", "Beta", "Delta"]
    focus_lands_on(page, f"item-{gamma.pk}-down")
    shown = page.locator("#backlog-items > li h2").all_inner_texts()
    assert shown == ["Gamma", "Alpha", "Beta", "Delta"]
    assert axe_violations(page) == []


def test_drag_and_drop_saves_the_new_order(new_page, personas, service, items):
    page = new_page(personas["product_owner"], "en")
    page.goto(reverse("backlog:item_list", args=[service.pk]))
    delta, alpha = items[3], items[0]
    page.locator(f"#item-{delta.pk} .drag-handle").drag_to(page.locator(f"#item-{alpha.pk} .backlog-item__head"))
    page.locator("#rank-announcement").filter(has_text="“Delta” is now number 1 of 4").wait_for()
    assert titles(service) == ["Delta", "Alpha", "Beta", "Gamma"]


def test_the_move_buttons_work_without_javascript(browser, live_server, personas, service, items):
    from tests.browser.conftest import session_for

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.add_cookies(
        [{"name": "sessionid", "value": session_for(personas["product_owner"]), "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(reverse("backlog:item_list", args=[service.pk]))
    page.click(f"#item-{items[3].pk}-top")
    assert titles(service) == ["Delta", "Alpha", "Beta", "Gamma"]
    assert page.locator(".messages").inner_text().strip() != ""
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_backlog_pages_and_a_form_with_errors_pass_axe(new_page, personas, service, language):
    late, _done, _plain = backlog_with_items(service)
    page = new_page(personas["product_owner"], language)
    assert scan(page, reverse("backlog:item_list", args=[service.pk]), language) == []
    assert scan(page, reverse("backlog:item_detail", args=[service.pk, late.pk]), language) == []
    page.goto(reverse("backlog:item_create", args=[service.pk]))
    page.locator("main form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []
