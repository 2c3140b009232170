"""Reading a text stored per language: the reader's language, or — visibly — another one.

A missing translation is never hidden: the Text says which language it is really in, so the
page marks it ("Not yet translated into Swedish") and tags it with its `lang`."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from kuulo.lib.translated import LANGUAGE_CODES, active_language

NOT_TRANSLATED = {
    "fi": lambda: _("Not yet translated into Finnish"),
    "sv": lambda: _("Not yet translated into Swedish"),
    "en": lambda: _("Not yet translated into English"),
}


@dataclass(frozen=True)
class Text:
    text: str | list
    language: str  # the language the text is written in
    wanted: str  # the reader's language

    @property
    def missing(self) -> bool:
        return bool(self.text) and self.language != self.wanted

    @property
    def marker(self) -> str:
        return NOT_TRANSLATED[self.wanted]() if self.missing else ""

    def __str__(self) -> str:
        return self.text if isinstance(self.text, str) else "\n".join(self.text)


def text_in(content: dict, field: str, language: str | None = None) -> Text:
    """The `field` of `content` in `language` (default: the reader's), else in the first
    language that has it; empty when no language has it."""
    wanted = language or active_language()
    for code in [wanted, *LANGUAGE_CODES]:
        value = (content.get(code) or {}).get(field)
        if value:
            return Text(value, code, wanted)
    return Text("", wanted, wanted)


def missing_languages(content: dict, fields: list[str]) -> list[str]:
    """The languages in which at least one of `fields` is empty while another language has it."""
    missing = []
    for code in LANGUAGE_CODES:
        for field in fields:
            has_any = any((content.get(other) or {}).get(field) for other in LANGUAGE_CODES)
            if has_any and not (content.get(code) or {}).get(field):
                missing.append(code)
                break
    return missing
