"""Glossary terms linked where they first appear on a card, each with a tooltip that keyboard
and screen-reader users get too: the link is focusable and describes itself with the
definition (aria-describedby); the tooltip shows on hover and focus (playbook.css), Escape
hides it (playbook.js)."""

import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from kuulo.playbook.content import text_in
from kuulo.playbook.models import GlossaryTerm


def term_forms(term: GlossaryTerm, language: str) -> list[str]:
    """How the term is found in running text of `language`: the beginnings of its word forms
    (Finnish inflects: "kipukoh" finds kipukohta, kipukohdat, kipukohtaan)."""
    texts = term.content.get(language) or {}
    forms = texts.get("forms") or [texts.get("term", ""), *texts.get("synonyms", [])]
    return [form for form in forms if form and len(form) >= 3]


@dataclass
class Linker:
    """Links each term once per page, in the order the page is read."""

    terms: list[GlossaryTerm]
    linked: set = field(default_factory=set)
    _patterns: dict = field(default_factory=dict)

    @classmethod
    def for_page(cls) -> "Linker":
        return cls(list(GlossaryTerm.objects.all()))

    def _pattern(self, language: str):
        if language not in self._patterns:
            by_form = {}
            for term in self.terms:
                for form in term_forms(term, language):
                    by_form.setdefault(form.lower(), term)
            longest_first = sorted(by_form.items(), key=lambda item: len(item[0]), reverse=True)
            alternatives = "|".join(re.escape(form) for form, _term in longest_first)
            pattern = re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE) if alternatives else None
            self._patterns[language] = (pattern, longest_first)
        return self._patterns[language]

    def link(self, text: str, language: str) -> SafeString:
        """`text` escaped, with the first appearance on the page of each term made a link."""
        pattern, longest_first = self._pattern(language)
        if pattern is None:
            return escape(text)
        html, position = SafeString(""), 0
        for match in pattern.finditer(text):
            word = match.group(0)
            term = next((t for form, t in longest_first if word.lower().startswith(form)), None)
            if term is None or term.slug in self.linked:
                continue
            self.linked.add(term.slug)
            html += escape(text[position : match.start()]) + self._tooltip(term, word, language)
            position = match.end()
        return html + escape(text[position:])

    def _tooltip(self, term: GlossaryTerm, word: str, language: str) -> SafeString:
        definition = text_in(term.content, "definition", language)
        return format_html(
            '<span class="glossary"><a class="glossary__term" href="{}#term-{}" aria-describedby="tip-{}">{}</a>'
            '<span class="glossary__tip" role="tooltip" id="tip-{}" lang="{}"><strong>{}</strong>: {}</span>'
            "</span>",
            reverse("playbook:glossary"),
            term.slug,
            term.slug,
            word,
            term.slug,
            definition.language,
            text_in(term.content, "term", definition.language).text,
            definition.text,
        )
