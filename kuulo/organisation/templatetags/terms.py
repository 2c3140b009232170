"""`{% load terms %}`: a customer group's or touchpoint's name where a page has its code.

{{ point.touchpoint|term:"touchpoint" }}   the name, in a <span lang> when in another language
{{ name|marked }}                          a name from `names_for`, marked the same way
"""

from django import template

from kuulo.organisation import terms

register = template.Library()


@register.filter
def term(code: str, kind: str) -> str:
    if not code:
        return ""
    return terms.marked(terms.name_of(None, kind, code))


@register.filter
def marked(name) -> str:
    return terms.marked(name)
