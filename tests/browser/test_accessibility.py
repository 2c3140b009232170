"""axe-core in a real Chromium: every page in fi, sv and en, no WCAG 2.0/2.1 A
or AA violation. The page list is tests/pages.py; the guard below fails when a
URL pattern is neither scanned nor declared a non-page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import AXE
from tests.pages import NOT_PAGES, PUBLIC_PAGES, STAFF_PAGES
from tests.urls_inventory import kuulo_url_names

LANGUAGES = ["fi", "sv", "en"]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    # Evaluated through the browser's debugging protocol: the page's own policy forbids inline
    # scripts, and a script tag added here would be refused (and reported) like any other.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def scan(page, path: str, language: str) -> list[str]:
    response = page.goto(path)
    problems = [] if response.ok else [f"HTTP {response.status}"]
    if page.get_attribute("html", "lang") != language:
        problems.append(f"<html lang> is {page.get_attribute('html', 'lang')!r}, expected {language!r}")
    if page.locator("h1").count() != 1:
        problems.append(f"{page.locator('h1').count()} h1 elements")
    return problems + axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_staff_page_passes_axe(new_page, personas, service, language):
    page = new_page(personas["admin"], language)
    failures = {}
    for url_name, (args_for, _roles) in STAFF_PAGES.items():
        path = reverse(url_name, args=args_for(service))
        if problems := scan(page, path, language):
            failures[path] = problems
    assert failures == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_passes_axe(new_page, service, language):
    page = new_page(None, language)
    failures = {}
    for url_name, args_for in PUBLIC_PAGES.items():
        path = reverse(url_name, args=args_for(service))
        if problems := scan(page, path, language):
            failures[path] = problems
    assert failures == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_forms_with_errors_pass_axe(new_page, personas, language):
    page = new_page(personas["admin"], language)
    page.goto(reverse("organisation:service_create"))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []

    anonymous = new_page(None, language)
    anonymous.goto(reverse("accounts:login"))
    anonymous.fill("#id_username", "nobody")
    anonymous.fill("#id_password", "wrong")
    anonymous.locator("main form button[type=submit]").click()
    expect(anonymous.locator(".error-summary")).to_be_visible()
    assert axe_violations(anonymous) == []


def test_scan_covers_every_url():
    """Not a browser test: fails when a new URL pattern is not in tests/pages.py."""
    scanned = set(STAFF_PAGES) | set(PUBLIC_PAGES)
    assert kuulo_url_names() - scanned - set(NOT_PAGES) == set()
