"""The board, follow-up, roadmap and retrospectives in Chromium: axe in every language and state,
moving a card with the keyboard and by dragging without a page load, rescheduling in place, printing."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kuulo.backlog.models import BacklogItem, ItemChange
from tests.backlog.board_pages import retro_args, team_work
from tests.browser.test_accessibility import axe_violations, scan
from tests.browser.test_overview import broken_words

LANGUAGES = ["fi", "sv", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_board_pages_pass_axe_in_every_state(new_page, personas, service, language):
    team_work(service)
    _pk, retro_pk = retro_args(service)
    page = new_page(personas["admin"], language)
    for path in [
        reverse("board:board", args=[service.pk]),
        reverse("board:follow_up", args=[service.pk]),
        reverse("board:follow_up_organisation"),
        reverse("board:roadmap", args=[service.pk]) + "?by=quarter",
        reverse("board:roadmap_organisation"),
        reverse("board:retro_list", args=[service.pk]),
        reverse("board:retro_detail", args=[service.pk, retro_pk]),
    ]:
        assert scan(page, path, language) == [], path
    page.goto(reverse("board:board", args=[service.pk]))
    page.locator("details.board__collapsed summary").first.click()
    assert axe_violations(page) == []
    page.goto(reverse("board:roadmap", args=[service.pk]))
    page.locator(".roadmap-edit summary").first.click()
    assert axe_violations(page) == []
    page.goto(reverse("board:retro_create", args=[service.pk]))
    page.fill("#id_held_on", "")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []


def test_a_card_is_moved_with_the_keyboard_in_place(new_page, personas, service):
    item = team_work(service)["idea"]
    page = new_page(personas["team_member"], "en")
    page.goto(reverse("board:board", args=[service.pk]))
    select = page.locator(f"#status-{item.pk}")
    select.focus()
    select.select_option("ready")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator(f"#column-ready ~ ol #item-{item.pk}").wait_for()
    assert page.url.endswith(reverse("board:board", args=[service.pk]))
    page.wait_for_function("id => document.activeElement?.closest('li')?.id === id", arg=f"item-{item.pk}")
    assert "is now in" in page.locator("#board-status").inner_text()
    assert ItemChange.objects.filter(item=item, field="status", new="ready").exists()
    assert axe_violations(page) == []


def test_a_card_is_dragged_to_another_column(new_page, personas, service):
    item = team_work(service)["ready"]
    page = new_page(personas["team_member"], "en")
    page.goto(reverse("board:board", args=[service.pk]))
    done = page.locator('.board__column[data-status="done"] .board__cards')
    # the card moves on the page at once; the move is saved by the request that follows
    with page.expect_response(lambda response: response.request.method == "POST") as saved:
        page.locator(f"#item-{item.pk} .drag-handle").drag_to(done)
    assert saved.value.ok
    page.locator(f'.board__column[data-status="done"] #item-{item.pk}').wait_for()
    item.refresh_from_db()
    assert item.status == BacklogItem.Status.DONE and item.done_at is not None


def test_the_product_owner_reschedules_in_place_and_the_roadmap_prints_without_navigation(new_page, personas, service):
    item = team_work(service)["idea"]
    page = new_page(personas["product_owner"], "en")
    page.goto(reverse("board:roadmap", args=[service.pk]))
    card = page.locator(f"#item-{item.pk}")
    card.locator("summary").click()
    card.locator("select").select_option("now")
    card.locator("input[type=month]").fill("2027-01")
    card.locator("button[type=submit]").click()
    page.locator(f"#horizon-now ~ ol #item-{item.pk}").wait_for()
    item.refresh_from_db()
    assert item.horizon == "now" and str(item.planned_month) == "2027-01-01"

    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator("form.filters").is_visible()
    assert not page.locator(".roadmap-edit").first.is_visible()
    assert page.locator("table.timeline").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    assert b"/MediaBox [0 0 841.9" in pdf  # A4 landscape


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [360, 1024, 1366])
def test_column_and_card_titles_never_break_inside_a_word(new_page, personas, service, language, width):
    team_work(service)
    item = BacklogItem.objects.filter(service=service).first()
    item.title = "Saavutettavuusauditointi ja käsittelyaika-arvio"  # long words of the demo's backlog
    item.save(update_fields=["title"])
    page = new_page(personas["team_member"], language)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(reverse("board:board", args=[service.pk]))
    assert broken_words(page, ".board__heading, .board-card__title") == []
