"""Content written in fi, sv and en, stored as one column per language.

A model declares `name_fi`, `name_sv`, `name_en` and `name = translated("name")`;
reading `obj.name` gives the active language, falling back to the others so a
page never shows an empty label.
"""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANGUAGE_LABELS = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}


def active_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def pick(values: dict[str, str], language: str | None = None) -> str:
    """The value in `language` (default: active), else the first non-empty one."""
    language = language or active_language()
    if values.get(language):
        return values[language]
    for code in LANGUAGE_CODES:
        if values.get(code):
            return values[code]
    return ""


def translated(field: str) -> property:
    def getter(obj) -> str:
        return pick({code: getattr(obj, f"{field}_{code}") for code in LANGUAGE_CODES})

    return property(getter)
