"""Numbers on pages, written the way each language writes them: the one place that formats them.

fi and sv: "71 659", "4,2", "75 %"; en: "71,659", "4.2", "75%". The separators
between thousands and before the per cent sign are no-break spaces (U+00A0), so
a figure never breaks across two lines. Every rounding goes half away from zero
(62.5 → 63) through kuulo.lib.rounding.round_half_up; Python's round() would
give 62.

Templates: {% load figures %} then {{ n|number }}, {{ share|percent }},
{{ mean|number:1 }}, {{ score|figure:metric }}, {{ change|signed }}. Python code
imports the functions (format_number, format_percent, figure, signed).
"""

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

from kuulo.lib.rounding import round_half_up

register = template.Library()

NO_BREAK_SPACE = "\u00a0"
MINUS = "\u2212"


def format_number(value: float | int | None, digits: int = 0) -> str:
    """`value` rounded half away from zero to `digits` decimals, thousands grouped: "71 659", "4,2"."""
    if value is None or value == "":
        return "–"
    rounded = round_half_up(float(value), digits)
    if digits == 0:
        rounded = int(rounded)
    text = number_format(rounded, digits, use_l10n=True, force_grouping=True)
    # Django writes fi/sv thousands with U+00A0 already; a negative number gets a real minus sign.
    return text.replace("-", MINUS, 1) if text.startswith("-") else text


def format_percent(value: float | int | None, digits: int = 0) -> str:
    """A percentage: "75 %" in Finnish and Swedish, "75%" in English."""
    if value is None or value == "":
        return "–"
    number = format_number(value, digits)
    return f"{number}%" if (get_language() or "").startswith("en") else f"{number}{NO_BREAK_SPACE}%"


@register.filter
def number(value: float | int | None, digits: int = 0) -> str:
    """{{ n|number }} → "71 659"; {{ mean|number:1 }} → "4,2"."""
    return format_number(value, int(digits))


@register.filter
def percent(value: float | int | None, digits: int = 0) -> str:
    """{{ share|percent }} → "75 %" (fi, sv) or "75%" (en); {{ rate|percent:1 }} → "12,5 %"."""
    return format_percent(value, int(digits))


@register.filter
def figure(value: float | None, metric) -> str:
    """A score as people read it: "84 %" for shares, "+32" for NPS, "4,2" for means, "71" for UMUX-Lite and SUS."""
    if value is None:
        return "–"
    if metric.rule == "nps":
        rounded = round_half_up(value)
        return ("+" if rounded > 0 else "") + format_number(rounded)
    if metric.rule == "mean":
        return format_number(value, 1)
    if metric.rule in ("umux_lite", "sus"):
        return format_number(value)
    return format_percent(value)


@register.filter
def level(value: float | None, metric) -> str:
    """A target level on the metric's own scale: "80 %", "+30", "4,2", keeping a decimal only when it has one."""
    if value is None:
        return "–"
    digits = 1 if metric.rule == "mean" or float(value) != int(value) else 0
    if metric.rule == "nps":
        return ("+" if value > 0 else "") + format_number(value, digits)
    if metric.unit == "%":
        return format_percent(value, digits)
    return format_number(value, digits)


@register.filter
def signed(value: float | None, digits: int = 1) -> str:
    """A change with its sign: "+3,5", "−2,0", "±0,0"."""
    if value is None:
        return ""
    rounded = round_half_up(value, int(digits))
    return ("+" if rounded > 0 else MINUS if rounded < 0 else "±") + format_number(abs(rounded), int(digits))
