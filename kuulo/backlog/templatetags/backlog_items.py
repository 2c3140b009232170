"""Template tags behind the include templates that show, on other pages, which backlog items
a comment or an insight supports (`backlog/_comment_items.html`, `backlog/_insight_items.html`)."""

from dataclasses import replace

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.backlog import queries
from kuulo.lib.evidence_links import Choice, EvidenceLinks, Linked, LinkPanel, evidence_links
from kuulo.organisation.access import has_role
from kuulo.organisation.models import Role

register = template.Library()

COMMENT_ITEMS = LinkPanel(
    box="comment-items",
    menu="comment-item",
    source="comment",
    target="item",
    heading=_("In the backlog:"),
    label=_("Add to backlog item"),
    new_label=_("A new item from this comment"),
    label_note=_("(comment %(number)s)"),
    css_class="comment-items",
    panel_field=True,
)
INSIGHT_ITEMS = replace(
    COMMENT_ITEMS,
    box="insight-items",
    menu="insight-item",
    source="insight",
    new_label=_("A new item from this insight"),
    label_note="",
    css_class="insight-items",
)


def _choices(context, service) -> list:
    request = context.get("request")
    cache = request.__dict__.setdefault("_backlog_item_choices", {}) if request is not None else {}
    if service.pk not in cache:
        cache[service.pk] = queries.item_choices(service)
    return cache[service.pk]


def _can_link(context, service) -> bool:
    can_link = context.get("can_link_items")
    if can_link is None:
        request = context.get("request")
        can_link = request is not None and has_role(request.user, service, Role.TEAM_MEMBER)
    return can_link


def _item_links(context, panel: LinkPanel, source, service, linked: list, *, add: str, remove: str) -> EvidenceLinks:
    """The panel of `source` (a comment or an insight of `service`) with its `linked` items;
    `add` and `remove` name the URLs that link and unlink it.

    The menu's items are read once per request and service; `can_link_items` in the context
    overrides the role check, and `item_link_form` (a bound link form) gives the menu's error.
    """

    def link(item) -> Linked:
        return Linked(
            url=reverse("backlog:item_detail", args=[service.pk, item.pk]),
            text=item.title,
            status=item.status,
            status_display=item.get_status_display(),
            remove_url=reverse(remove, args=[service.pk, item.pk, source.pk]),
        )

    def choice(item) -> Choice:
        closed = item.get_status_display() if item.status in queries.FINISHED else ""
        return Choice(pk=item.pk, text=item.title, prefix=f"{item.rank}. ", note=closed)

    return evidence_links(
        panel,
        source,
        linked,
        _choices(context, service),
        link=link,
        choice=choice,
        can_link=_can_link(context, service),
        add_url=reverse(add, args=[service.pk]),
        form=context.get("item_link_form"),
    )


@register.simple_tag(takes_context=True)
def comment_items(context, comment, service) -> EvidenceLinks:
    """The items one comment of `service` supports, for `includes/_evidence_links.html`.

    They come from `items_by_comment` in the context (queries.items_for_comments over a
    whole list: one query) or one query for this comment.
    """
    by_comment = context.get("items_by_comment")
    if by_comment is None:
        by_comment = queries.items_for_comments([comment.pk])
    linked = list(by_comment.get(comment.pk, []))
    return _item_links(
        context,
        COMMENT_ITEMS,
        comment,
        service,
        linked,
        add="backlog:item_link_comment",
        remove="backlog:item_comment_remove",
    )


@register.simple_tag(takes_context=True)
def insight_items(context, insight, service) -> EvidenceLinks:
    """The same for one insight of `service` (`items_by_insight` from queries.items_for_insights)."""
    by_insight = context.get("items_by_insight")
    if by_insight is None:
        by_insight = queries.items_for_insights([insight.pk])
    linked = list(by_insight.get(insight.pk, []))
    return _item_links(
        context,
        INSIGHT_ITEMS,
        insight,
        service,
        linked,
        add="backlog:item_link_insight",
        remove="backlog:item_insight_remove",
    )
