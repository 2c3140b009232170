"""The organisation's customer groups and touchpoints by name: the one lookup every page uses.

Responses, rollups, filters in URLs and the widget carry a term's code;
people read its name. `names_for(organisation, kind)` gives {code: Name} in
the active language, retired terms included (old responses still read by
name); `choices_for` gives what forms and filters offer (not the retired).
A `Name` is a str; when the active language has no name it is another
language's, and `name.lang` says which so a page can mark it with `lang`.
Within a request each (organisation, kind, language) is read once.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models import Subquery
from django.dispatch import receiver
from django.utils.html import format_html

from kuulo.lib.translated import LANGUAGE_CODES, active_language
from kuulo.organisation.models import Organisation, Term

CUSTOMER_GROUP = Term.Kind.CUSTOMER_GROUP
TOUCHPOINT = Term.Kind.TOUCHPOINT

_local = threading.local()


class Name(str):
    """A term's name; `lang` is the language of the text when it is not the page's, else ""."""

    lang = ""
    code = ""


def marked(text) -> str:
    """HTML of a name: in a `<span lang>` when it is in another language than the page."""
    lang = getattr(text, "lang", "")
    if lang:
        return format_html('<span lang="{}">{}</span>', lang, str(text))
    return format_html("{}", str(text))


def _name(text: str, code: str, lang: str = "") -> Name:
    name = Name(text)
    name.lang, name.code = lang, code
    return name


@receiver(request_started)
def _start_cache(**kwargs) -> None:
    _local.cache = {}


@receiver(request_finished)
def _end_cache(**kwargs) -> None:
    _local.__dict__.pop("cache", None)


def forget() -> None:
    """Drops what this request has read, after a term changed."""
    if getattr(_local, "cache", None) is not None:
        _local.cache = {}


def terms_of(organisation: Organisation | None, kind: str) -> list[Term]:
    """The organisation's terms of one kind in their order, retired ones included.
    Both vocabularies are read in one query, once per request."""
    cache = getattr(_local, "cache", None)
    key = ("terms", organisation.pk if organisation is not None else None)
    if cache is not None and key in cache:
        found = cache[key]
    else:
        if organisation is not None:
            found = list(Term.objects.filter(organisation=organisation)) if organisation.pk else []
        else:
            first = Organisation.objects.order_by("pk").values("pk")[:1]
            found = list(Term.objects.filter(organisation_id=Subquery(first)))
        if cache is not None:
            cache[key] = found
    return [term for term in found if term.kind == kind]


def name_in_language(term: Term, language: str) -> Name:
    """The term's name in `language`, else in another language (marked with `lang`), else its code."""
    if text := getattr(term, f"name_{language}", ""):
        return _name(text, term.code)
    for code in LANGUAGE_CODES:
        if text := getattr(term, f"name_{code}", ""):
            return _name(text, term.code, code)
    return _name(term.code, term.code)


def names_for(organisation: Organisation | None, kind: str, language: str | None = None) -> dict[str, Name]:
    """{code: name} of every term of the kind, retired ones too, in `language` (default: the active one).
    `organisation` None means the installation's one organisation."""
    language = language or active_language()
    return {term.code: name_in_language(term, language) for term in terms_of(organisation, kind)}


def name_of(organisation: Organisation | None, kind: str, code: str) -> Name:
    """One code's name; a code without a term reads as itself."""
    return names_for(organisation, kind).get(code) or _name(code, code)


def choices_for(organisation: Organisation | None, kind: str, keep: str = "") -> list[tuple[str, Name]]:
    """(code, name) of the terms a form offers: not the retired ones, except `keep` (the current value)."""
    language = active_language()
    return [
        (term.code, name_in_language(term, language))
        for term in terms_of(organisation, kind)
        if term.retired_at is None or (keep and term.code == keep)
    ]


def code_for(organisation: Organisation | None, kind: str, text: str) -> str | None:
    """The code whose term has `text` as its code or as its name in any language (case and spacing
    ignored), or None. For matching imported values against the vocabulary."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    for term in terms_of(organisation, kind):
        names = [term.code] + [getattr(term, f"name_{code}") for code in LANGUAGE_CODES]
        if any(" ".join(name.split()).casefold() == wanted for name in names if name):
            return term.code
    return None
