"""The Content-Security-Policy holds in the browser: Kuulo's pages run without inline script or
style, and an inline script would be refused and reported (every browser test fails on a report)."""

from playwright.sync_api import expect


def test_an_inline_script_is_refused_and_reported(new_page, personas):
    page = new_page(personas["team_member"], "en")
    page.goto("/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = true';"
        " document.head.appendChild(s); }"
    )
    page.wait_for_function("() => true")
    expect(page.locator("body")).to_be_visible()
    assert page.evaluate("() => window.ran === true") is False
    page.wait_for_timeout(200)
    assert any("script-src" in text for text in new_page.violations)
    new_page.violations.clear()  # the refusal was the point of this test


def test_htmx_pages_work_under_the_policy(new_page, personas, service):
    page = new_page(personas["product_owner"], "en")
    page.goto(f"/services/{service.pk}/")
    expect(page.locator("h1")).to_be_visible()
    assert new_page.violations == []
