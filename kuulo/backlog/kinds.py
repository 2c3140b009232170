"""The backlog item as a kind for the traceability registry, and the pairs comment → item and
insight → item (evidence for an item); see BacklogConfig.ready()."""

from dataclasses import replace

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.backlog import actions, queries
from kuulo.backlog.models import BacklogItem
from kuulo.traceability.registry import Choice, Kind, Pair, PairTexts, register_kind, register_pair


def _choice(item: BacklogItem) -> Choice:
    closed = item.get_status_display() if item.status in queries.FINISHED else ""
    return Choice(pk=item.pk, text=item.title, prefix=f"{item.rank}. ", note=closed)


ITEM = Kind(
    name="item",
    model=BacklogItem,
    verbose_name=_("backlog item"),
    field_label=_("Backlog item"),
    label=lambda item: item.title,
    url=lambda item: reverse("backlog:item_detail", args=[item.service_id, item.pk]),
    status=lambda item: (item.status, item.get_status_display()),
    choices=queries.item_choices,
    choice=_choice,
    create_url=lambda service: reverse("backlog:item_create", args=[service.pk]),
    ordering=("rank",),
    choose_message=_("Choose a backlog item."),
)

COMMENT_ITEM = Pair(
    source="comment",
    target="item",
    texts=PairTexts(
        heading=_("In the backlog:"),
        label=_("Add to backlog item"),
        new_label=_("A new item from this comment"),
        label_note=_("(comment %(number)s)"),
        title=_("Add a comment as evidence"),
        added=_("The comment was added as evidence."),
        already=_("The comment was already evidence for this item."),
        removed=_("The comment is no longer evidence for this item."),
    ),
    on_link=actions.evidence_added,
    on_unlink=actions.evidence_removed,
)

INSIGHT_ITEM = replace(
    COMMENT_ITEM,
    source="insight",
    texts=replace(
        COMMENT_ITEM.texts,
        new_label=_("A new item from this insight"),
        label_note="",
        title=_("Add an insight as evidence"),
        added=_("The insight was added as evidence."),
        already=_("The insight was already evidence for this item."),
        removed=_("The insight is no longer evidence for this item."),
    ),
)


def register() -> None:
    register_kind(ITEM)
    register_pair(COMMENT_ITEM)
    register_pair(INSIGHT_ITEM)
