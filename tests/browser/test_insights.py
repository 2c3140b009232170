"""The insight pages in Chromium: forms in their error state pass axe, and a
comment is added to an insight from its comments list without a page load."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kuulo.traceability.models import Link
from tests.browser.test_accessibility import axe_violations, scan
from tests.insights.pages import insight_with_evidence

LANGUAGES = ["fi", "sv", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_insight_pages_and_forms_with_errors_pass_axe(new_page, personas, service, language):
    insight = insight_with_evidence(service)
    page = new_page(personas["admin"], language)
    assert scan(page, reverse("insights:insight_detail", args=[service.pk, insight.pk]), language) == []
    page.goto(reverse("insights:insight_create", args=[service.pk]))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(reverse("insights:segment_create", args=[service.pk, insight.pk]))
    page.fill("#id_start", "2026-02-01")
    page.fill("#id_end", "2026-01-01")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []


def test_a_comment_is_added_to_an_insight_in_place(new_page, personas, service):
    insight = insight_with_evidence(service)
    page = new_page(personas["team_member"], "en")
    page.goto(reverse("comments:comment_list", args=[service.pk]))
    box = page.locator(".comment-insights").filter(has=page.locator(f'option[value="{insight.pk}"]')).first
    box_id = box.get_attribute("id")
    box.locator("summary").click()  # the menu is behind a disclosure on the comments page
    box.locator("select").select_option(str(insight.pk))
    box.locator("form.comment-insights__form button[type=submit]").click()
    linked = page.locator(f"#{box_id} a[href='{insight.get_absolute_url()}']")
    linked.wait_for()
    assert page.url.endswith(reverse("comments:comment_list", args=[service.pk]))
    comment_pk = int(box_id.rsplit("-", 1)[1])
    assert Link.objects.incoming(insight, "comment").filter(source_id=comment_pk).exists()
    assert axe_violations(page) == []
