"""The comment pages in Chromium: axe on every page in fi, sv and en (also with
the filters in error and the panel loaded into the dashboard), and the review
toggle and hiding praise by keyboard alone."""

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from kuulo.comments.models import CommentReview, PraiseHiding
from tests.browser.conftest import focus_lands_on
from tests.browser.test_accessibility import LANGUAGES, axe_violations, scan
from tests.comments.pages import make_comment, with_comments
from tests.pages import STAFF_PAGES


def comments_url(service) -> str:
    return reverse("comments:comment_list", args=[service.pk])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comment_pages_pass_axe(new_page, personas, service, language):
    page = new_page(personas["admin"], language)
    failures = {}
    for url_name, (args_for, _roles) in STAFF_PAGES.items():
        if not url_name.startswith("comments:"):
            continue
        path = reverse(url_name, args=args_for(service))
        if problems := scan(page, path, language):
            failures[path] = problems
    # open every "show the table" and the folded filters too
    page.goto(reverse("comments:theme_list", args=[service.pk]))
    for summary in page.locator("details summary").all():
        summary.click()
    failures["themes with tables open"] = axe_violations(page)
    page.goto(reverse("comments:comment_list", args=[service.pk]) + "?score=huge&start=2026-13-01")
    expect(page.locator(".message--warning")).to_be_visible()  # bad filters fall back to their defaults
    failures["comments with bad filters"] = axe_violations(page)
    assert {path: problems for path, problems in failures.items() if problems} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dashboard_with_its_comments_panel_passes_axe(new_page, personas, service, language):
    from tests.dashboards.pages import service_dashboard_with_answers

    service_dashboard_with_answers(service)
    with_comments(service)
    page = new_page(personas["viewer"], language)
    page.goto(reverse("dashboards:service_dashboard", args=[service.pk]))
    page.locator("#comments-panel-heading").wait_for()
    assert page.locator("#comments-panel .comment").count() == 3
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_a_team_member_marks_a_comment_reviewed_by_keyboard(new_page, personas, service):
    comment = make_comment(service, "Jonossa meni tunti.", sentiment="negative", score=20)
    page = new_page(personas["team_member"], "en")
    page.goto(reverse("comments:comment_list", args=[service.pk]))
    button = page.locator(f"#review-button-{comment.pk}")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#review-button-{comment.pk}")).to_contain_text("Mark not reviewed")
    assert CommentReview.objects.filter(comment=comment).exists()
    focus_lands_on(page, f"review-button-{comment.pk}")
    page.keyboard.press("Enter")
    # "Not reviewed" is also inside "Mark not reviewed", so wait for the exact words
    expect(page.locator(f"#review-{comment.pk} > p:first-child")).to_have_text("Not reviewed")
    expect(page.locator(f"#review-button-{comment.pk}")).to_contain_text("Mark reviewed")
    assert not CommentReview.objects.filter(comment=comment).exists()


def test_filters_update_the_results_in_place(new_page, personas, service):
    make_comment(service, "Kiitos hyvästä palvelusta.", sentiment="positive", score=100)
    make_comment(service, "Jonossa meni tunti.", sentiment="negative", score=20)
    page = new_page(personas["viewer"], "en")
    page.goto(reverse("comments:comment_list", args=[service.pk]))
    assert page.locator(".comment").count() == 2
    page.select_option("#id_sentiment", "negative")
    page.wait_for_url("**sentiment=negative**")
    page.locator(".comment").first.wait_for()
    assert page.locator(".comment").count() == 1
    assert "Jonossa" in page.locator(".comment").first.inner_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_hiding_praise_passes_axe_in_every_state(new_page, personas, service, language):
    shown = make_comment(service, "Kiitos, loistavaa palvelua!", sentiment="positive", score=100)
    hidden = make_comment(service, "Mikko auttoi minua.", sentiment="positive", score=95)
    PraiseHiding.objects.create(comment=hidden, hidden_by=personas["team_member"])
    page = new_page(personas["team_member"], language)
    failures = {"comments with a hidden comment": scan(page, comments_url(service), language)}
    page.goto(reverse("comments:praise_service", args=[service.pk]))
    page.locator(f"#praise-button-{shown.pk}").click()
    page.locator(f"#praise-card-{shown.pk}.praise-wall__item .praise--hidden").wait_for()
    failures["the wall with a card just hidden"] = axe_violations(page)
    assert {state: problems for state, problems in failures.items() if problems} == {}


def test_a_team_member_hides_praise_from_the_wall_by_keyboard(new_page, personas, service):
    comment = make_comment(service, "Mikko auttoi minua, kiitos!", sentiment="positive", score=100)
    make_comment(service, "Loistavaa palvelua.", sentiment="positive", score=90)
    page = new_page(personas["team_member"], "en")
    wall = reverse("comments:praise_service", args=[service.pk])
    page.goto(wall)
    button = page.locator(f"#praise-button-{comment.pk}")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#praise-card-{comment.pk}")).to_contain_text("Hidden from the wall of praise.")
    assert PraiseHiding.objects.filter(comment=comment).exists()
    assert "Mikko" not in page.locator(f"#praise-card-{comment.pk}").inner_text()
    focus_lands_on(page, f"praise-button-{comment.pk}")
    page.goto(wall)
    assert "Mikko" not in page.locator("main").inner_text()
    assert page.locator(".praise-wall blockquote").count() == 1
    # on the comments page it is marked hidden, and shown again from there
    page.goto(comments_url(service))
    block = page.locator(f"#praise-{comment.pk}")
    assert "Hidden from the wall of praise" in block.inner_text()
    page.locator(f"#praise-button-{comment.pk}").focus()
    page.keyboard.press("Enter")
    # the button "Show on the wall of praise" holds these words too: wait for the exact state
    expect(page.locator(f"#praise-{comment.pk} > p:first-child")).to_have_text("On the wall of praise")
    focus_lands_on(page, f"praise-button-{comment.pk}")
    assert not PraiseHiding.objects.filter(comment=comment).exists()


def test_without_javascript_the_hide_button_still_works(browser, live_server, personas, service):
    from tests.browser.conftest import session_for

    comment = make_comment(service, "Mikko auttoi minua, kiitos!", sentiment="positive", score=100)
    context = browser.new_context(base_url=live_server.url, locale="en", java_script_enabled=False)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(personas["team_member"]), "url": live_server.url}]
    )
    try:
        page = context.new_page()
        page.goto(reverse("comments:praise_service", args=[service.pk]))
        page.locator(f"#praise-button-{comment.pk}").click()
        page.wait_for_load_state()
        assert page.url.endswith(reverse("comments:praise_service", args=[service.pk]))
        assert "Mikko" not in page.locator("main").inner_text()
        assert PraiseHiding.objects.filter(comment=comment).exists()
    finally:
        context.close()
