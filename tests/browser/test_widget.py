"""The feedback widget on the demo host page, in a real Chromium: by keyboard,
accessible inside its shadow root, and safe to retry when the network fails."""

import gzip
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from kuulo.feedback.models import Answer, DisplayCount, Response
from kuulo.feedback.public.widget import forget_cached_points
from tests.browser.test_accessibility import axe_violations
from tests.factories import published_survey
from tests.surveys.public_pages import ensure_metric_library

WIDGET = Path(settings.BASE_DIR) / "kuulo" / "static" / "kuulo" / "widget.js"


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.KUULO_MIN_FILL_SECONDS = 0
    cache.clear()
    forget_cached_points()


@pytest.fixture
def demo(transactional_db):
    ensure_metric_library()
    version, point = published_survey(kind="widget")
    return version, point, reverse("public:widget_demo", args=[point.key])


def shadow_focus(page) -> str:
    """Text of the focused element inside the widget's shadow root."""
    return page.evaluate("document.querySelector('[data-kuulo-widget]').shadowRoot.activeElement?.textContent || ''")


def answer(page, version) -> None:
    """The short form (the core question and the comment), then "Tell us more" for the rest."""
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("radio", name="Very satisfied").check()
    dialog.get_by_role("button", name="Tell us more").click()
    dialog.get_by_role("radio", name="9", exact=True).check()
    for statement in ("This service's capabilities meet my requirements.", "This service is easy to use."):
        dialog.get_by_role("group", name=statement).get_by_role("radio", name="Agree", exact=True).check()
    dialog.get_by_label("What could we improve?").fill("Liitteen lisääminen oli hankalaa.")


def wait_until(page, condition, tries: int = 50) -> bool:
    for _ in range(tries):
        if condition():
            return True
        page.wait_for_timeout(200)
    return condition()


def test_the_widget_script_is_at_most_15_kb_gzipped():
    assert len(gzip.compress(WIDGET.read_bytes(), compresslevel=9)) <= 15 * 1024


def test_a_keyboard_user_opens_the_widget_answers_and_sees_thanks(new_page, demo):
    version, point, path = demo
    page = new_page(None, "en")
    page.goto(path + "?lang=en")
    launcher = page.get_by_role("button", name="Give feedback")
    expect(launcher).to_be_visible()
    launcher.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=version.title_en)
    expect(dialog).to_be_visible()
    assert shadow_focus(page) == version.title_en
    answer(page, version)
    dialog.get_by_role("button", name="Send").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(version.thank_you_en)  # the survey's own, once
    assert shadow_focus(page) == "Close"
    stored = Response.objects.get()
    assert (stored.language, stored.channel, stored.touchpoint) == ("en", "web", "housing-allowance-application")
    assert stored.status == Response.Status.ACCEPTED
    assert Answer.objects.filter(response=stored).count() == 4
    assert DisplayCount.objects.get(collection_point=point).count == 1


def test_escape_closes_the_widget_and_focus_returns_to_the_launcher(new_page, demo):
    version, _point, path = demo
    page = new_page(None, "fi")
    page.goto(path + "?lang=fi")
    page.get_by_role("button", name="Anna palautetta").click()
    expect(page.get_by_role("dialog", name=version.title_fi)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert shadow_focus(page) == "Anna palautetta"


def without_always(page, path: str) -> None:
    """Serve the demo page as an ordinary host page would embed the widget: sampling and quiet days apply."""

    def strip(route):
        fetched = route.fetch()
        route.fulfill(response=fetched, body=fetched.text().replace(' data-show="always"', ""))

    page.route(f"**{path}*", strip)


def test_after_dismissing_the_widget_it_is_not_shown_again(new_page, demo):
    _version, _point, path = demo
    page = new_page(None, "sv")
    without_always(page, path)
    page.goto(path + "?lang=sv")
    page.get_by_role("button", name="Ge respons").click()
    page.get_by_role("button", name="Stäng").click()
    page.reload()
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-kuulo-widget]").count() == 0


def test_the_open_widget_has_no_axe_violations(new_page, demo):
    _version, _point, path = demo
    for language, label in (("fi", "Anna palautetta"), ("sv", "Ge respons"), ("en", "Give feedback")):
        page = new_page(None, language)
        page.goto(f"{path}?lang={language}")
        page.get_by_role("button", name=label).click()
        expect(page.get_by_role("dialog")).to_be_visible()
        assert axe_violations(page) == [], language


def test_an_answer_sent_offline_is_retried_on_the_next_page_load_and_stored_once(new_page, demo):
    version, _point, path = demo
    page = new_page(None, "en")
    page.route("**/w/*/responses", lambda route: route.abort())
    page.goto(path + "?lang=en")
    page.get_by_role("button", name="Give feedback").click()
    answer(page, version)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("will be sent")
    assert Response.objects.count() == 0
    assert "responses" in page.evaluate("localStorage.getItem('kuulo-widget-queue')")

    page.unroute("**/w/*/responses")
    page.reload()
    assert wait_until(page, lambda: page.evaluate("localStorage.getItem('kuulo-widget-queue')") == "[]")
    page.reload()  # a second load finds nothing left to send
    page.wait_for_load_state("networkidle")
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 4


@pytest.mark.parametrize(
    ("language", "launcher", "context", "question", "privacy"),
    [
        (
            "fi",
            "Anna palautetta",
            "Palvelu: ",
            "Kuinka tyytyväinen olet kaiken kaikkiaan tähän palveluun?",
            "Älä kirjoita kommenttiin henkilötietoja, kuten henkilötunnusta tai puhelinnumeroa.",
        ),
        (
            "sv",
            "Ge respons",
            "Tjänst: ",
            "Hur nöjd är du med tjänsten som helhet?",
            "Skriv inte personuppgifter i kommentaren, till exempel din personbeteckning eller ditt telefonnummer.",
        ),
    ],
)
def test_the_widget_names_the_service_once_and_warns_about_personal_data(
    new_page, demo, language, launcher, context, question, privacy
):
    version, _point, path = demo
    name = getattr(version.survey.service, f"name_{language}")
    page = new_page(None, language)
    page.goto(f"{path}?lang={language}")
    page.get_by_role("button", name=launcher).click()
    dialog = page.get_by_role("dialog")

    expect(dialog.get_by_text(context + name, exact=True)).to_be_visible()
    expect(dialog.get_by_role("group", name=question)).to_be_visible()
    expect(dialog.get_by_text(privacy)).to_be_visible()
    assert dialog.inner_text().count(name) == 1


def test_the_demo_page_shows_the_widget_on_every_visit(new_page, demo):
    _version, point, path = demo
    point.sample_percent = 1
    point.save(update_fields=["sample_percent"])
    forget_cached_points()
    for _visit in range(4):
        page = new_page(None, "fi")  # a new visitor each time
        page.goto(path + "?lang=fi")
        expect(page.get_by_role("button", name="Anna palautetta")).to_be_visible()
    page.get_by_role("button", name="Anna palautetta").click()
    page.get_by_role("button", name="Sulje").click()
    page.reload()  # even after closing it, the demo page shows it again
    expect(page.get_by_role("button", name="Anna palautetta")).to_be_visible()


def test_the_widget_opens_short_and_a_short_answer_is_enough(new_page, demo):
    version, _point, path = demo
    page = new_page(None, "en")
    page.goto(path + "?lang=en")
    page.get_by_role("button", name="Give feedback").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("radio", name="Very satisfied")).to_be_visible()
    expect(dialog.get_by_label("What could we improve?")).to_be_visible()
    expect(dialog.get_by_role("radio", name="9", exact=True)).to_be_hidden()
    more = dialog.get_by_role("button", name="Tell us more")
    expect(more).to_have_attribute("aria-expanded", "false")
    dialog.get_by_role("radio", name="Satisfied", exact=True).check()
    dialog.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text(version.thank_you_en)
    stored = Response.objects.get()
    assert [answer.metric.code for answer in Answer.objects.filter(response=stored)] == ["csat"]


def test_tell_us_more_moves_the_focus_to_the_next_question(new_page, demo):
    _version, _point, path = demo
    page = new_page(None, "sv")
    page.goto(path + "?lang=sv")
    page.get_by_role("button", name="Ge respons").click()
    page.get_by_role("button", name="Berätta mer").click()
    assert shadow_focus(page) == ""  # a radio button: focused, no text of its own
    focused = page.evaluate(
        "document.querySelector('[data-kuulo-widget]').shadowRoot.activeElement.getAttribute('type')"
    )
    assert focused == "radio"
    expect(page.get_by_role("radio", name="9", exact=True)).to_be_visible()


def test_the_thank_you_links_to_the_services_we_did_page(new_page, demo):
    from kuulo.backlog.models import BacklogItem

    version, _point, path = demo
    service = version.survey.service
    BacklogItem.objects.create(service=service, title="Lomake", status="done", published=True, we_did_fi="Korjasimme.")
    page = new_page(None, "fi")
    page.goto(path + "?lang=fi")
    page.get_by_role("button", name="Anna palautetta").click()
    page.get_by_role("radio", name="Erittäin tyytyväinen").check()
    page.get_by_role("button", name="Lähetä").click()
    link = page.get_by_role("status").get_by_role("link")
    expect(link).to_have_attribute("href", f"{page.evaluate('location.origin')}/we-did/{service.slug}/?lang=fi")
    expect(page.get_by_role("status")).to_contain_text(version.thank_you_fi)


@pytest.mark.parametrize(("width", "height", "expanded"), [(360, 640, False), (360, 640, True), (1366, 768, True)])
def test_the_open_widget_leaves_the_pages_navigation_usable(browser, live_server, demo, width, height, expanded):
    _version, _point, path = demo
    viewport = {"width": width, "height": height}
    context = browser.new_context(base_url=live_server.url, viewport=viewport, locale="fi")
    page = context.new_page()
    page.goto(path + "?lang=fi")
    page.get_by_role("button", name="Anna palautetta").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    if expanded:
        page.get_by_role("button", name="Kerro lisää").click()
    for link in page.locator("nav.demo-nav a, nav.language-links a").all():
        expect(link).to_be_in_viewport()
        link.click(trial=True, timeout=3000)  # fails when the widget covers it
    if width < 600:  # on a phone the panel spans the width: it starts below the page's navigation
        box = page.get_by_role("dialog").bounding_box()
        nav = page.locator("nav.demo-nav").bounding_box()
        assert box["y"] >= nav["y"] + nav["height"]
    context.close()
