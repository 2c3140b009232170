"""The evidence panel in templates: `{% link_panel source "item" service as links %}` for one pair,
`{% link_panels source service as panels %}` for every pair whose source is of the source's kind,
each followed by `{% include "traceability/_panel.html" %}` (once per panel).

`source` is a comment, an insight or any other registered kind; `service` is its service from
`get_service_for_user` (so it carries `my_role`). Optional context, to save queries on a list:
`link_prefetch` (kuulo.traceability.panel.prefetch) with any of its parts; what it lacks is read
once per request and service. `link_form`: a bound LinkForm whose error the menu shows.
"""

from django import template

from kuulo.traceability import queries, registry
from kuulo.traceability.access import may_link
from kuulo.traceability.panel import EvidenceLinks, evidence_links

register = template.Library()


def _once(context, key: tuple, read):
    request = context.get("request")
    cache = request.__dict__.setdefault("_link_panels", {}) if request is not None else {}
    if key not in cache:
        cache[key] = read()
    return cache[key]


@register.simple_tag(takes_context=True)
def link_panel(context, source, target: str, service) -> EvidenceLinks:
    source_kind = registry.kind_of(source).name
    pair = registry.pair(source_kind, target)
    kind = registry.kind(target)
    found = context.get("link_prefetch")
    if found is not None and target in found.linked:
        linked = found.linked[target].get(source.pk, [])
    else:
        linked = queries.targets(source_kind, [source.pk], target).get(source.pk, [])
    if found is not None and target in found.choices:
        choices = found.choices[target]
    else:
        choices = _once(context, ("choices", target, service.pk), lambda: kind.choices(service) if kind.choices else [])
    if found is not None and target in found.can_link:
        can_link = found.can_link[target]
    else:
        request = context.get("request")
        can_link = _once(
            context,
            ("can_link", pair.role, service.pk),
            lambda: request is not None and may_link(service, request.user, pair.role),
        )
    return evidence_links(pair, source, service, linked, choices, can_link=can_link, form=context.get("link_form"))


@register.simple_tag(takes_context=True)
def link_panels(context, source, service) -> list[EvidenceLinks]:
    """The panels of `source` for every registered pair from its kind, in the order they were registered."""
    pairs = registry.pairs_from(registry.kind_of(source).name)
    return [link_panel(context, source, pair.target, service) for pair in pairs]
