"""The organisation overview in a real browser: the service column stays in view while the
table scrolls, and no column heading is broken inside a word, in any language or width."""

import pytest
from django.urls import reverse

from kuulo.organisation.models import Membership, Role
from tests.dashboards.pages import overview_with_answers
from tests.factories import ServiceFactory

# Every word of a heading is one box on one line: a word broken across lines has two. The parts of
# a hyphenated compound count as words: a line may end at its hyphen.
WORDS_BROKEN = """(selector) => {
  const broken = [];
  for (const heading of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def broken_words(page, selector: str) -> list[str]:
    """The words of the elements matching `selector` that the page breaks across two lines."""
    return page.evaluate(WORDS_BROKEN, selector)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("width", [360, 1366])
def test_headings_are_never_broken_inside_a_word(new_page, personas, service, language, width):
    overview_with_answers(service)
    page = new_page(personas["viewer"], language)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(reverse("dashboards:overview"))
    assert page.locator("table.overview thead th").count() >= 3
    assert broken_words(page, "table.overview thead th") == []


def test_the_service_column_stays_in_view_while_the_table_scrolls(new_page, personas, service):
    overview_with_answers(service)
    for _ in range(3):  # more services, so the table has rows to scroll past
        other = ServiceFactory()
        Membership.objects.create(user=personas["viewer"], service=other, role=Role.VIEWER)
        overview_with_answers(other)
    page = new_page(personas["viewer"], "fi")
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(reverse("dashboards:overview"))
    frame = page.locator(".table-wrap--scroll")
    assert page.locator("#overview-hint").is_visible()
    assert frame.evaluate("element => element.scrollWidth > element.clientWidth")
    name = page.locator("table.overview tbody th").first
    before = name.bounding_box()["x"]
    frame.focus()
    page.keyboard.press("End")  # the frame is focusable, so the keyboard scrolls it too
    frame.evaluate("element => element.scrollBy(1000, 0)")
    assert frame.evaluate("element => element.scrollLeft") > 0
    assert name.bounding_box()["x"] == before
