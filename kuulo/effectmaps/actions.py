"""Changes to effect maps that touch more than one row: adding a part last, reordering, and a
backlog item made from a deliverable."""

from django.db import transaction
from django.db.models import Max

from kuulo.backlog import actions as backlog_actions
from kuulo.backlog.models import BacklogItem
from kuulo.effectmaps.models import Actor, Deliverable, Impact
from kuulo.traceability.actions import link


def siblings(part: Actor | Impact | Deliverable):
    if isinstance(part, Actor):
        return Actor.objects.filter(effect_map_id=part.effect_map_id)
    if isinstance(part, Impact):
        return Impact.objects.filter(actor_id=part.actor_id)
    return Deliverable.objects.filter(impact_id=part.impact_id)


def add_last(part: Actor | Impact | Deliverable) -> Actor | Impact | Deliverable:
    last = siblings(part).aggregate(last=Max("position"))["last"]
    part.position = 0 if last is None else last + 1
    part.save()
    return part


@transaction.atomic
def move(part: Actor | Impact | Deliverable, direction: str) -> None:
    """Swaps the part with its neighbour above ("up") or below ("down"), renumbering the siblings."""
    rows = list(siblings(part).order_by("position", "pk"))
    index = next(number for number, row in enumerate(rows) if row.pk == part.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows):
        if row.position != position:
            type(row).objects.filter(pk=row.pk).update(position=position)


@transaction.atomic
def item_from_deliverable(deliverable: Deliverable, user, title: str) -> BacklogItem:
    """A new backlog item of the deliverable's service, linked to it (deliverable → item)."""
    impact = deliverable.impact
    description = f"{impact.actor.name}: {impact.text}"
    item = backlog_actions.create_item(deliverable.service, user, title=title, description=description)
    link(deliverable, item, user)
    return item
