"""The public "you said, we did" page of a service: no login, fi/sv/en.

It lists the items the product owner published: what customers said as counts
and themes of the linked comments (a comment's own words only when a product
owner approved them for quoting), what was done and when, and the measured
effect in plain words when it is significant.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import override, pgettext
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_GET

from kuulo.backlog.models import BacklogItem, PublicQuote
from kuulo.comments.models import CommentTheme, Theme
from kuulo.effects import effect
from kuulo.organisation.models import Service
from kuulo.organisation.public import render_public
from kuulo.traceability import queries as links

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass
class Entry:
    item: BacklogItem
    text: str  # what was done, in the page's language if written in it
    text_language: str  # the language `text` is written in
    comments: int = 0
    themes: list[tuple[str, int]] = field(default_factory=list)  # (theme name, comments), most first
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (approved comment text, its language)
    effect: str = ""  # the significant measured effect in words, else ""
    done_on: date | None = None


def page_language(request: HttpRequest) -> str:
    """?lang= when it is one of Kuulo's languages, else the best Accept-Language match, else the default."""
    requested = request.GET.get("lang", "")
    if requested in LANGUAGES:
        return requested
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code[:2] in LANGUAGES:
            return code[:2]
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in LANGUAGES else LANGUAGES[0]


def we_did_text(item: BacklogItem, language: str) -> tuple[str, str]:
    """(text, its language): the page's language, else the other languages in order, else the title."""
    for code in [language, *LANGUAGES]:
        text = getattr(item, f"we_did_{code}", "").strip()
        if text:
            return text, code
    return item.title, settings.LANGUAGE_CODE


def entries(service: Service, language: str) -> list[Entry]:
    """The published items, newest done first, then those still under way."""
    items = list(
        BacklogItem.objects.filter(service=service, published=True)
        .exclude(status=BacklogItem.Status.DISMISSED)
        .select_related("expected_metric")
    )
    items.sort(key=lambda item: (item.done_at is None, -(item.done_at.toordinal() if item.done_at else 0), item.pk))
    linked = links.sources("item", [item.pk for item in items], "comment")
    comments_of = {item_id: [comment.pk for comment in comments] for item_id, comments in linked.items()}
    by_link = {comment.link_id: (item_id, comment) for item_id, comments in linked.items() for comment in comments}
    quotes: dict[int, list[tuple[str, str]]] = {}
    for link_id in (
        PublicQuote.objects.filter(link_id__in=by_link).order_by("approved_at", "pk").values_list("link_id", flat=True)
    ):
        item_id, comment = by_link[link_id]
        quotes.setdefault(item_id, []).append((comment.text, comment.language))
    # Only themes a person named (rule themes, and automatic ones staff renamed): their names are fit to publish.
    comment_ids = [comment_id for ids in comments_of.values() for comment_id in ids]
    theme_names = {
        theme.pk: theme.name_in(language)
        for theme in Theme.objects.filter(
            Q(named_by_staff=True) | Q(kind=Theme.Kind.RULE), comment_links__comment_id__in=comment_ids
        )
        .only("pk", "name_fi", "name_sv", "name_en")
        .distinct()
    }
    themes_of_comment: dict[int, list[int]] = {}
    for comment_id, theme_id in CommentTheme.objects.filter(theme_id__in=theme_names).values_list(
        "comment_id", "theme_id"
    ):
        themes_of_comment.setdefault(comment_id, []).append(theme_id)
    measured = effect.item_effects(items)
    found = []
    for item in items:
        text, text_language = we_did_text(item, language)
        counts = Counter(
            theme_names[theme_id]
            for comment_id in comments_of.get(item.pk, [])
            for theme_id in themes_of_comment.get(comment_id, [])
        )
        measurement = measured.get(item.pk)
        significant = measurement and measurement.comparison.significant and measurement.complete
        found.append(
            Entry(
                item=item,
                text=text,
                text_language=text_language,
                comments=len(comments_of.get(item.pk, [])),
                themes=sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])),
                quotes=quotes.get(item.pk, []),
                effect=measurement.public_sentence if significant else "",
                done_on=item.done_at,
            )
        )
    return found


def we_did_path(service: Service) -> str:
    """The page's path when the service has published something on it, else ""."""
    if service.status == Service.Status.PLANNED:
        return ""
    published = BacklogItem.objects.filter(service=service, published=True).exclude(status=BacklogItem.Status.DISMISSED)
    return reverse("effects:we_did", args=[service.slug]) if published.exists() else ""


@require_GET
def we_did(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(Service, slug=slug)
    if service.status == Service.Status.PLANNED:
        raise Http404("No such service.")
    language = page_language(request)
    with override(language):
        context = {
            "service": service,
            "service_name": service.name,
            "service_context": pgettext("survey context line", "Service: %(name)s") % {"name": service.name},
            "entries": entries(service, language),
        }
    return render_public(request, "public/we_did.html", context, language=language, languages=LANGUAGES)
