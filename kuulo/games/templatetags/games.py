from django import template

register = template.Library()


@register.filter
def get_count(counts: dict, key: str) -> int:
    return counts.get(key, 0)
