from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value: float | None, metric) -> str:
    """A score as people read it: "84 %" for shares and indexes, "+32" for NPS, "4.2" for means."""
    if value is None:
        return "–"
    if metric.rule == "nps":
        return f"{value:+.0f}"
    if metric.rule == "mean":
        return number_format(value, 1)
    if metric.rule in ("umux_lite", "sus"):
        return number_format(round(value), 0)
    return f"{number_format(round(value), 0)} %"


@register.filter
def signed(value: float | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "−" if value < 0 else "±") + number_format(abs(value), 1)
