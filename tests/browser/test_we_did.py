"""The public "You said, we did" page in a real browser at 360 px, and the
product owner approving a quote by keyboard on the item page (htmx)."""

import pytest
from django.urls import reverse

from kuulo.backlog.models import PublicQuote
from kuulo.traceability.models import Link
from tests.backlog.effect_pages import done_item_with_answers
from tests.browser.test_accessibility import axe_violations


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_public_page_fits_a_phone_and_passes_axe(new_page, service, language):
    done_item_with_answers(service)
    page = new_page(None, language)
    page.set_viewport_size({"width": 360, "height": 800})

    page.goto(reverse("effects:we_did", args=[service.slug]))

    assert page.get_attribute("html", "lang") == language
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator(".we-did-entry").count() == 1
    assert page.locator("blockquote.we-did-quote").count() == 1
    assert axe_violations(page) == []


def test_the_product_owner_approves_a_quote_by_keyboard(new_page, personas, service):
    item = done_item_with_answers(service)
    page = new_page(personas["product_owner"], "en")
    page.goto(reverse("backlog:item_detail", args=[service.pk, item.pk]))
    pending = Link.objects.incoming(item, "comment").get(public_quote__isnull=True)

    button = page.locator(f"#quote-approval-{pending.pk} button")
    button.focus()
    page.keyboard.press("Enter")

    page.locator(f"#quote-approval-{pending.pk} .status").wait_for()
    assert PublicQuote.objects.filter(link=pending).exists()
    assert axe_violations(page) == []
