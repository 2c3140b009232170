"""A card as the reader sees it: its texts in the reader's language, each marked when it is
in another language, with glossary terms linked where they first appear."""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from kuulo.playbook.content import Text, text_in
from kuulo.playbook.forms import TEXT_LABELS
from kuulo.playbook.glossary import Linker
from kuulo.playbook.models import METHOD_LISTS, Method

SECTIONS = ["purpose", "when", "time", "people", "steps", "tips", "pitfalls"]


@dataclass
class Section:
    name: str
    label: str
    text: Text
    html: SafeString | None = None  # a paragraph
    items: list[SafeString] | None = None  # a list's entries


def card_sections(method: Method, linker: Linker | None = None) -> list[Section]:
    linker = linker or Linker.for_page()
    sections = []
    for name in SECTIONS:
        text = text_in(method.content, name)
        if not text.text:
            continue
        section = Section(name, str(TEXT_LABELS[name]), text)
        if name in METHOD_LISTS:
            section.items = [linker.link(line, text.language) for line in text.text]
        else:
            section.html = linker.link(text.text, text.language)
        sections.append(section)
    return sections


def matches(method: Method, query: str, language: str) -> bool:
    """Whether every word of `query` appears in the card's texts in `language` (or, where a text
    is not translated, in the language the reader is shown)."""
    words = query.lower().split()
    if not words:
        return True
    haystack = " ".join(
        str(text_in(method.content, field, language)) for field in ["title", "summary", *SECTIONS]
    ).lower()
    return all(word in haystack for word in words)
