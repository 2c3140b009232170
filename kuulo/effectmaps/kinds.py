"""Deliverables as a kind for the traceability registry, and the pair deliverable → backlog item
(the deliverable is being built by the item). See EffectMapsConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.effectmaps.models import Deliverable
from kuulo.traceability.registry import Choice, Kind, Pair, PairTexts, register_kind, register_pair


def _deliverables(service) -> list[Deliverable]:
    return list(Deliverable.objects.filter(service=service).select_related("impact__actor__effect_map").order_by("pk"))


DELIVERABLE = Kind(
    name="deliverable",
    model=Deliverable,
    verbose_name=_("deliverable"),
    field_label=_("Deliverable"),
    label=lambda deliverable: deliverable.title,
    url=lambda deliverable: deliverable.get_absolute_url(),
    choices=_deliverables,
    choice=lambda deliverable: Choice(
        pk=deliverable.pk, text=deliverable.title, note=str(deliverable.impact.actor.effect_map)
    ),
    choose_message=_("Choose a deliverable."),
)

DELIVERABLE_ITEM = Pair(
    source="deliverable",
    target="item",
    texts=PairTexts(
        heading=_("In the backlog:"),
        label=_("Add to backlog item"),
        new_label=_("A new item from this deliverable"),
        title=_("Turn a deliverable into a backlog item"),
        added=_("The deliverable is now built by the backlog item."),
        already=_("The deliverable was already linked to this item."),
        removed=_("The deliverable is no longer linked to this item."),
    ),
    create_url=lambda service: reverse("effectmaps:deliverable_item_create", args=[service.pk]),
)


def register() -> None:
    register_kind(DELIVERABLE)
    register_pair(DELIVERABLE_ITEM)
