"""No internal code and no English UI string on a Finnish or Swedish page of the demo.

Chromium crawls the small demo (`load_demo`) in fi and sv: from the home page and the main
navigation of each demo role (admin, owner, team, viewer), following links to pages of a kind
it has not seen yet, and the public pages (survey pages, thank-you pages, the widget demo and the
"you said, we did" pages). Every text node, and every aria-label, title, placeholder and alt, is
checked unless it sits in an element marked with another language (`lang`), in <code> or in an
element marked `translate="no"` (user names and other data that is the same in every language):

- a customer-group, touchpoint or channel code of the demo, or a metric code;
- an English msgid of the catalogue whose fi/sv translation differs (the whole text node).

Findings that others own are listed in KNOWN with the reason; remove an entry when its fix lands
and the test tells you if it comes back. Pages that answer 400 or more are findings too.
"""

import gettext
import io
import re
from collections import Counter, deque
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.urls import Resolver404, resolve

from kuulo.demo.organisation import CUSTOMER_GROUPS, TOUCHPOINTS
from kuulo.organisation.models import Channel
from tests.browser.conftest import session_for
from tests.pages import NOT_PAGES

ROLES = ["admin", "owner", "team", "viewer"]
MAX_DEPTH = 3
# Codes that are also ordinary words are flagged only when they are a whole text node.
METRIC_CODES = ["csat", "nps", "ces", "umux_lite", "trust", "satisfaction", "effectiveness", "ease", "efficiency"]
METRIC_CODES += ["fairness", "helpfulness", "found", "sus"]
SKIP_PREFIXES = ("/admin/", "/api/", "/static/", "/media/")
SKIP_SUFFIXES = (".csv", ".xlsx", ".ics", ".pdf", ".png", ".svg", ".json", ".txt")

# What the crawl finds that others own: (page path pattern, text pattern) -> why it is there.
# Keep it short and shrinking: remove an entry when its fix lands.
KNOWN = {
    (r"^/(services/\d+/)?targets/$", r"\((csat|nps|ces|umux_lite) v\d+\)$"): (
        "issue 12 item 1: the metric menu of the target form names metrics as 'Name (code vN)' "
        "(metrics/forms.py label_from_instance)"
    ),
    (r"^/metrics/\d+/new-version/$", r"\b(csat|nps|ces|umux_lite) v\d+"): (
        "issue 12 item 1: the title of a metric's new version names it by code and version"
    ),
    (r"^/insights/", r"^chat$"): "an insight tag the demo's staff wrote ('chat'), offered in the tag filter: data",
}

TEXTS_JS = """() => {
  const pageLang = document.documentElement.lang.slice(0, 2);
  const out = [];
  const foreign = el => { const owner = el.closest('[lang]'); return owner && owner.lang.slice(0, 2) !== pageLang; };
  const skipped = 'script,style,code,pre,template,noscript,textarea,[translate=no]';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest(skipped) || foreign(el)) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
    if (el.closest(skipped) || foreign(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = (el.getAttribute(name) || '').replace(/\\s+/g, ' ').trim();
      if (value) out.push(value);
    }
  }
  return out;
}"""


def english_msgids(language: str) -> set[str]:
    """The catalogue's English source strings that read differently in `language`."""
    path = Path(settings.BASE_DIR) / "kuulo" / "locale" / language / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as file:
        catalog = gettext.GNUTranslations(file)._catalog
    found = set()
    for msgid, msgstr in catalog.items():
        if not isinstance(msgid, str) or not msgid or "\x04" in msgid:
            continue
        text = " ".join(msgid.split())
        if msgstr and " ".join(msgstr.split()) != text and not re.search(r"%|\{|<", text) and len(text) > 1:
            found.add(text)
    return found


def code_finders() -> tuple[re.Pattern, set[str]]:
    """A pattern for the distinctive codes (with a hyphen or underscore, and csat/nps/ces) anywhere in a
    text, and the set of codes that are ordinary words, flagged only as a whole text node."""
    codes = set(CUSTOMER_GROUPS) | set(TOUCHPOINTS) | set(Channel.values) | set(METRIC_CODES)
    distinctive = sorted(code for code in codes if "-" in code or "_" in code or code in ("csat", "nps", "ces"))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, distinctive)) + r")(?![\w-])")
    return pattern, codes - set(distinctive)


def page_kind(path: str) -> str | None:
    """The URL's name, or None for what the crawl leaves alone (files, APIs, fragments, the admin)."""
    if path.startswith(SKIP_PREFIXES) or path.endswith(SKIP_SUFFIXES):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return "404"
    name = match.view_name
    if name in NOT_PAGES or name.startswith(("admin:", "api:")) or name == "accounts:logout":
        return None
    return name


class Crawl:
    def __init__(self, browser, base_url: str, language: str):
        self.browser, self.base_url, self.language = browser, base_url, language
        self.english = english_msgids(language)
        self.pattern, self.word_codes = code_finders()
        self.seen: Counter = Counter()
        self.findings: list[str] = []
        self.pages = 0

    def context(self, username: str | None):
        from kuulo.accounts.models import User

        context = self.browser.new_context(base_url=self.base_url, locale=self.language)
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": self.language, "url": self.base_url}]
        if username:
            session = session_for(User.objects.get(username=username))
            cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": self.base_url})
        context.add_cookies(cookies)
        return context

    def check(self, page, path: str) -> None:
        for text in page.evaluate(TEXTS_JS):
            problem = ""
            if found := self.pattern.search(text):
                problem = f"code {found.group(1)!r}"
            elif text in self.word_codes:
                problem = f"code {text!r}"
            elif text in self.english:
                problem = "English"
            if problem and not any(re.search(where, path) and re.search(what, text) for where, what in KNOWN):
                self.findings.append(f"{self.language} {path}: {problem}: {text[:120]!r}")

    def visit(self, page, path: str) -> list[str]:
        response = page.goto(path, wait_until="load")
        self.pages += 1
        if response is None or response.status >= 400:
            self.findings.append(f"{self.language} {path}: HTTP {response.status if response else '?'}")
            return []
        if page.locator("[hx-trigger*='load']").count():
            page.wait_for_load_state("networkidle")
        self.check(page, path)
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
        return [href for href in hrefs if href.startswith(self.base_url)]

    def staff(self, username: str) -> None:
        context = self.context(username)
        page = context.new_page()
        queue: deque = deque([("/", 0)])
        visited: set[str] = set()
        while queue:
            path, depth = queue.popleft()
            kind = page_kind(urlsplit(path).path)
            if path in visited or kind is None or (self.seen[kind] >= 1 and depth > 0):
                continue  # every role's home page, then one page of each kind that no role has shown yet
            visited.add(path)
            self.seen[kind] += 1
            for href in self.visit(page, path):
                parts = urlsplit(href)
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if depth < MAX_DEPTH and target not in visited:
                    queue.append((target, depth + 1))
        context.close()

    def public(self, paths: list[str]) -> None:
        context = self.context(None)
        page = context.new_page()
        for path in paths:
            self.visit(page, path)
        context.close()


def public_paths(language: str) -> list[str]:
    from django.urls import reverse

    from kuulo.organisation.models import Service
    from kuulo.surveys.models import CollectionPoint

    paths = [reverse("accounts:login")]
    for point in CollectionPoint.objects.filter(is_active=True).order_by("pk"):
        if point.kind == CollectionPoint.Kind.WIDGET:
            paths.append(reverse("public:widget_demo", args=[point.key]) + f"?lang={language}")
        elif point.kind in (CollectionPoint.Kind.LINK, CollectionPoint.Kind.QR):
            paths.append(reverse("public:survey_page", args=[point.key]) + f"?lang={language}")
            paths.append(reverse("public:survey_thanks", args=[point.key]) + f"?lang={language}")
    for slug in Service.objects.order_by("slug").values_list("slug", flat=True):
        paths.append(reverse("effects:we_did", args=[slug]) + f"?lang={language}")
    return paths


def test_no_code_or_english_string_shows_on_a_finnish_or_swedish_page_of_the_demo(
    browser, live_server, transactional_db
):
    call_command("load_demo", "--small", stdout=io.StringIO())
    findings, pages = [], 0
    for language in ("fi", "sv"):
        crawl = Crawl(browser, live_server.url, language)
        for username in ROLES:
            crawl.staff(username)
        crawl.public(public_paths(language))
        assert crawl.pages > 60, f"only {crawl.pages} pages crawled in {language}"
        findings += crawl.findings
        pages += crawl.pages
    assert not findings, f"{len(findings)} findings on {pages} pages:\n" + "\n".join(sorted(set(findings)))
