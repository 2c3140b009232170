from django import template

register = template.Library()

SYMBOLS = {"applause": "👏", "heart": "❤", "party": "🎉"}


@register.filter
def reaction_symbol(kind: str) -> str:
    return SYMBOLS.get(kind, "")


@register.filter
def get_count(counts: dict, key: str) -> int:
    return counts.get(key, 0)
