"""The playbook's pages in a real browser: axe in three languages (the full scan in
tests/browser/test_accessibility.py walks them too), and the glossary tooltip by keyboard."""

import pytest
from django.urls import reverse

from tests.browser.test_accessibility import LANGUAGES, scan
from tests.pages import STAFF_PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_playbook_pages_pass_axe(new_page, personas, service, language):
    page = new_page(personas["admin"], language)
    failures = {}
    for url_name, (args_for, _roles) in STAFF_PAGES.items():
        if url_name.startswith("playbook:"):
            path = reverse(url_name, args=args_for(service))
            if problems := scan(page, path, language):
                failures[path] = problems
    assert failures == {}


def test_a_glossary_term_shows_its_definition_on_keyboard_focus_and_escape_hides_it(new_page, personas):
    page = new_page(personas["viewer"], "fi")
    page.goto(reverse("playbook:method_detail", args=["customer-journey-mapping"]))
    term = page.locator(".glossary__term").first
    tip = page.locator(".glossary__tip").first
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
