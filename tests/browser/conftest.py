"""Playwright driving the system Chromium, headless, against pytest-django's live server."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
# A loaded CI machine runs several browsers at once; assertions wait for the page up to this long.
expect.set_options(timeout=15_000)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every page a browser test opens reports its Content-Security-Policy violations here, and the
# test fails on any: the policy is checked on every page the browser tests visit.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.kuuloCspViolation(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def new_page(browser, live_server):
    """`new_page(user=None, language="fi")` opens a page logged in as `user`."""
    contexts = []
    violations: list[str] = []

    def open_page(user=None, language: str = "fi"):
        context = browser.new_context(base_url=live_server.url, locale=language)
        context.expose_binding("kuuloCspViolation", lambda _source, text: violations.append(text))
        context.add_init_script(REPORT_VIOLATIONS)
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
        if user is not None:
            cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": live_server.url})
        context.add_cookies(cookies)
        contexts.append(context)
        return context.new_page()

    open_page.violations = violations
    yield open_page
    for context in contexts:
        context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


def session_for(user) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def focus_lands_on(page, element_id: str) -> None:
    """htmx moves the focus when it settles a swap, a moment after the new content (and the
    live region's words) appear, so wait for the focus rather than read it at once."""
    try:
        page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=element_id)
    except PlaywrightTimeout:
        pytest.fail(f"the focus is on {page.evaluate('document.activeElement.id')!r}, not on {element_id!r}")
