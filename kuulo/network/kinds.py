"""The idea as a kind for the traceability registry and the pair idea → backlog item: a product
owner promotes an idea to an item of their service (see actions.promote_idea)."""

from django.utils.translation import gettext_lazy as _

from kuulo.network.models import Idea
from kuulo.organisation.models import Role
from kuulo.traceability.registry import Kind, Pair, PairTexts, register_kind, register_pair

IDEA = Kind(
    name="idea",
    model=Idea,
    verbose_name=_("idea"),
    field_label=_("Idea number"),
    label=lambda idea: idea.title,
    url=lambda idea: idea.get_absolute_url(),
    status=lambda idea: (idea.status, idea.get_status_display()),
    ordering=("-created_at",),
    choose_message=_("Give the number of an idea promoted to this service."),
)

IDEA_ITEM = Pair(
    source="idea",
    target="item",
    role=Role.PRODUCT_OWNER,
    texts=PairTexts(
        heading=_("In the backlog:"),
        label=_("Add to backlog item"),
        new_label=_("A new item from this idea"),
        title=_("Promote an idea to the backlog"),
        added=_("The idea is now followed by the backlog item."),
        already=_("The idea was already linked to this item."),
        removed=_("The idea is no longer linked to this item."),
    ),
)


def register() -> None:
    register_kind(IDEA)
    register_pair(IDEA_ITEM)
