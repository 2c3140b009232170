"""Every change of a backlog item goes through these verbs.

They keep the ranks of a service dense (1..n, 1 = most important), write an
ItemChange row for every field that changes (the item's history) and keep
`done_at` in step with the status. Views, the board, the retrospectives and
the demo call them; none of them checks access (the caller does).

History values: choice fields and booleans are stored as their codes
("in_progress", "1"), dates in ISO, users and metrics as their display names,
tags as a comma-separated list. kuulo.backlog.history turns them into text.
"""

import datetime

from django.db import transaction
from django.utils import timezone

import kuulo.audit as audit
from kuulo.backlog import hooks, notices
from kuulo.backlog.models import BacklogItem, ItemChange, PublicQuote
from kuulo.feedback.models import Comment
from kuulo.insights.actions import tags_named
from kuulo.insights.models import Insight
from kuulo.organisation.models import Service
from kuulo.traceability import actions as links
from kuulo.traceability.models import Link
from kuulo.traceability.registry import kind_of

# The fields update_item may change and records in the history (plus "tags").
EDITABLE_FIELDS = (
    "title",
    "description",
    "kind",
    "status",
    "value",
    "effort",
    "assignee",
    "due_date",
    "blocked_reason",
    "expected_metric",
    "expected_direction",
    "expected_target",
    "horizon",
    "planned_month",
    "retro",
    "published",
    "we_did_fi",
    "we_did_sv",
    "we_did_en",
)
OPEN_STATUSES = (BacklogItem.Status.IDEA, BacklogItem.Status.READY, BacklogItem.Status.IN_PROGRESS)
DONE_STATUSES = (BacklogItem.Status.DONE, BacklogItem.Status.VERIFIED)


def history_value(value) -> str:
    """How a field's value is written into ItemChange.old/new."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.get_username()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _record(item: BacklogItem, user, field: str, old, new) -> ItemChange | None:
    old, new = history_value(old), history_value(new)
    if old == new:
        return None
    return ItemChange.objects.create(item=item, changed_by=user, field=field, old=old, new=new)


def _tag_list(item: BacklogItem) -> str:
    return ", ".join(sorted((tag.name for tag in item.tags.all()), key=str.lower))


def _done_at_for(item: BacklogItem, status: str, done_on: datetime.date | None) -> datetime.date | None:
    if status in DONE_STATUSES:
        return done_on or item.done_at or timezone.localdate()
    return None


# Creating and editing


@transaction.atomic
def create_item(
    service: Service,
    user,
    *,
    title: str,
    tags: list[str] | tuple[str, ...] = (),
    comments: list[Comment] | tuple[Comment, ...] = (),
    insights: list[Insight] | tuple[Insight, ...] = (),
    position: int | None = None,
    done_on: datetime.date | None = None,
    **fields,
) -> BacklogItem:
    """A new item of `service`, last in the order unless `position` (1 = top) says otherwise.

    `fields` are any of EDITABLE_FIELDS. A done item gets `done_at` (today or
    `done_on`). `comments` and `insights` (of the same service) become its evidence.
    The history starts with one "created" row.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"create_item() got unknown fields: {sorted(unknown)}")
    _lock(service)
    last = BacklogItem.objects.filter(service=service).count()
    item = BacklogItem(service=service, title=title, created_by=user, rank=last + 1, **fields)
    item.done_at = _done_at_for(item, item.status, done_on)
    item.save()
    if tags:
        item.tags.set(tags_named(list(tags)))
    ItemChange.objects.create(item=item, changed_by=user, field="created", old="", new=title)
    for evidence in [*comments, *insights]:
        links.link(evidence, item, user, hooks=False)
    if position is not None:
        set_rank(item, user, position, record=False)
    notices.item_created(item, user)
    return item


@transaction.atomic
def update_item(
    item: BacklogItem, user, *, tags: list[str] | None = None, origin: str = "kuulo", **fields
) -> list[ItemChange]:
    """Changes the given fields (any of EDITABLE_FIELDS) and `tags` (names; None leaves them).

    Writes an ItemChange per changed field and returns them; unchanged values
    write nothing. A status change keeps `done_at` in step (see change_status);
    `origin` is where the change came from (see hooks.status_changed).
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"update_item() got unknown fields: {sorted(unknown)}")
    changes = []
    changed_fields = []
    for name, value in fields.items():
        old = getattr(item, name)
        if history_value(old) == history_value(value) and old == value:
            continue
        setattr(item, name, value)
        changed_fields.append(name)
        change = _record(item, user, name, old, value)
        if change:
            changes.append(change)
    if "status" in changed_fields:
        done_at = _done_at_for(item, item.status, None)
        if done_at != item.done_at:
            item.done_at = done_at
            changed_fields.append("done_at")
    if changed_fields:
        item.save(update_fields=[*changed_fields, "updated_at"])
    if tags is not None:
        before = _tag_list(item)
        item.tags.set(tags_named([name for name in tags if name]))
        change = _record(item, user, "tags", before, _tag_list(item))
        if change:
            changes.append(change)
            if not changed_fields:
                item.save(update_fields=["updated_at"])
    changed = {change.field for change in changes}
    if "assignee" in changed and item.assignee_id:
        notices.assignee_changed(item, user)
    if "status" in changed:
        hooks.status_changed(item, origin)
    return changes


@transaction.atomic
def change_status(
    item: BacklogItem, user, status: str, *, done_on: datetime.date | None = None, origin: str = "kuulo"
) -> ItemChange | None:
    """Moves the item to `status`. Done or verified sets `done_at` (today, or `done_on`,
    keeping an earlier date when going from done to verified); reopening or dismissing clears it.
    Returns the history row, or None when the status did not change. `origin` is where the
    change came from (see hooks.status_changed)."""
    status = BacklogItem.Status(status)
    old = item.status
    done_at = _done_at_for(item, status, done_on)
    if old == status and done_at == item.done_at:
        return None
    item.status, item.done_at = status, done_at
    item.save(update_fields=["status", "done_at", "updated_at"])
    change = _record(item, user, "status", old, status)
    if change:
        hooks.status_changed(item, origin)
    return change


@transaction.atomic
def delete_item(item: BacklogItem) -> None:
    service = item.service
    _lock(service)
    audit.record(None, "item.deleted", item)
    item.delete()
    _renumber(service)


# Ranking: ranks of a service stay 1..n.


def _lock(service: Service) -> None:
    """Serialises rank changes of one service (a no-op on SQLite, which locks the whole database)."""
    list(Service.objects.select_for_update().filter(pk=service.pk).values_list("pk", flat=True))


def _ordered_ids(service: Service) -> list[int]:
    return list(BacklogItem.objects.filter(service=service).order_by("rank", "id").values_list("id", flat=True))


def _write_order(service: Service, ids: list[int]) -> None:
    ranks = dict(BacklogItem.objects.filter(service=service).values_list("id", "rank"))
    stale = [BacklogItem(id=pk, rank=position) for position, pk in enumerate(ids, start=1) if ranks.get(pk) != position]
    if stale:
        BacklogItem.objects.bulk_update(stale, ["rank"])


def _renumber(service: Service) -> None:
    _write_order(service, _ordered_ids(service))


@transaction.atomic
def set_rank(item: BacklogItem, user, position: int, *, record: bool = True) -> int:
    """Moves the item to `position` (1 = top; clamped to 1..n), shifting the others. Returns the new rank."""
    _lock(item.service)
    ids = _ordered_ids(item.service)
    old = ids.index(item.pk) + 1
    position = max(1, min(int(position), len(ids)))
    ids.remove(item.pk)
    ids.insert(position - 1, item.pk)
    _write_order(item.service, ids)
    item.rank = position
    if record and old != position:
        _record(item, user, "rank", old, position)
    return position


@transaction.atomic
def move_item(item: BacklogItem, user, direction: str, *, among: list[int] | None = None) -> int:
    """Moves the item "up", "down", "top" or "bottom" and returns its new rank.

    `among` is the ordered ids of the items the user sees (a filtered list):
    the item then takes the place of its visible neighbour, so "up" never
    seems to do nothing because of a hidden item. Without it, the whole backlog counts.
    """
    ids = _ordered_ids(item.service)
    visible = [pk for pk in ids if among is None or pk in set(among) or pk == item.pk]
    here = visible.index(item.pk)
    targets = {"up": here - 1, "down": here + 1, "top": 0, "bottom": len(visible) - 1}
    if direction not in targets:
        raise ValueError(f"Unknown direction {direction!r}")
    target = max(0, min(targets[direction], len(visible) - 1))
    return set_rank(item, user, ids.index(visible[target]) + 1)


@transaction.atomic
def reorder(service: Service, user, ordered_ids: list[int]) -> dict[int, int]:
    """Puts the given items (a drag and drop of a possibly filtered list) in this order.

    The items keep the set of places they had in the whole backlog and are
    put into those places in the new order, so hidden items stay where they
    were. Raises ValueError when an id is not an item of the service or
    appears twice. Returns {id: new rank} of the items whose rank changed.
    """
    _lock(service)
    ids = _ordered_ids(service)
    if len(set(ordered_ids)) != len(ordered_ids) or not set(ordered_ids) <= set(ids):
        raise ValueError("Not a list of this service's items.")
    wanted = set(ordered_ids)
    slots = [index for index, pk in enumerate(ids) if pk in wanted]
    before = {pk: index + 1 for index, pk in enumerate(ids)}
    for slot, pk in zip(slots, ordered_ids, strict=True):
        ids[slot] = pk
    _write_order(service, ids)
    moved = {pk: index + 1 for index, pk in enumerate(ids) if before[pk] != index + 1}
    items = {item.pk: item for item in BacklogItem.objects.filter(pk__in=moved)}
    for pk, rank in moved.items():
        _record(items[pk], user, "rank", before[pk], rank)
    return moved


# Evidence: linked and unlinked through kuulo.traceability, which calls these (see kinds.py)


def evidence_added(evidence, item: BacklogItem, user) -> None:
    """The item's history says which comment or insight became its evidence (the field is the kind)."""
    _record(item, user, kind_of(evidence).name, "", evidence.pk)


def evidence_removed(evidence, item: BacklogItem, user) -> None:
    _record(item, user, kind_of(evidence).name, evidence.pk, "")


@transaction.atomic
def approve_quote(link: Link, user, approve: bool = True) -> PublicQuote | None:
    """Approves a comment linked to an item for quoting on the public page (or withdraws it)."""
    if not approve:
        PublicQuote.objects.filter(link=link).delete()
        return None
    quote, _created = PublicQuote.objects.get_or_create(link=link, defaults={"approved_by": user})
    return quote
