"""Reading links in either direction, for panels, pages and the API.

`targets` and `sources` return the linked things themselves in one query: the
link table joined to the other end's table by its primary key. Kinds are names,
not foreign keys, so the ORM cannot join them; the statement is built here once
from the registry (table, key and ordering columns) and EXPLAINed in
docs/architecture.md ("Traceability").
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from kuulo.traceability import registry
from kuulo.traceability.models import Link


def _order_by(model, ordering: tuple[str, ...]) -> list[str]:
    quote = connection.ops.quote_name
    columns = []
    for name in ordering:
        descending = name.startswith("-")
        column = model._meta.get_field(name.lstrip("-")).column
        columns.append(f"o.{quote(column)}{' DESC' if descending else ''}")
    return columns


def joined(near: str, kind: str, ids: list[int], other: str, ordering: tuple[str, ...] | None = None):
    """(model, SQL, params) of the things of kind `other` linked to the `ids` of `kind`, which are at the
    `near` end ("source" or "target") of the links: the link table joined to `other`'s table."""
    far = "target" if near == "source" else "source"
    other_kind = registry.kind(other)
    model = other_kind.model
    quote = connection.ops.quote_name
    order = ", ".join([*_order_by(model, ordering or other_kind.ordering), "l.id"])
    # Table and column names come from the models and the registry; the values are bound.
    sql = (
        f"SELECT o.*, l.id AS link_id, l.note AS link_note, l.{near}_id AS link_end "  # noqa: S608
        f"FROM {quote(Link._meta.db_table)} l "
        f"INNER JOIN {quote(model._meta.db_table)} o ON o.{quote(model._meta.pk.column)} = l.{far}_id "
        f"WHERE l.{near}_kind = %s AND l.{near}_id IN ({', '.join(['%s'] * len(ids))}) AND l.{far}_kind = %s "
        f"ORDER BY {order}"
    )
    return model, sql, [kind, *ids, other]


def _linked(near: str, kind: str, ids: Iterable[int], other: str, ordering: tuple[str, ...] | None) -> dict:
    ids = sorted({int(pk) for pk in ids})
    if not ids:
        return {}
    model, sql, params = joined(near, kind, ids, other, ordering)
    found: dict[int, list] = defaultdict(list)
    for thing in model.objects.raw(sql, params):
        found[thing.link_end].append(thing)
    return dict(found)


def targets(source_kind: str, source_ids: Iterable[int], target_kind: str, ordering=None) -> dict[int, list]:
    """source id → the things of `target_kind` it is linked to (what it is evidence for), in one query.

    Each thing carries `link_id` and `link_note`. Ordered by the target kind's `ordering` (or `ordering`)."""
    return _linked("source", source_kind, source_ids, target_kind, ordering)


def sources(target_kind: str, target_ids: Iterable[int], source_kind: str, ordering=None) -> dict[int, list]:
    """target id → the things of `source_kind` linked to it (its evidence), in one query; as `targets`."""
    return _linked("target", target_kind, target_ids, source_kind, ordering)


def _ids(near: str, kind: str, ids: Iterable[int], other: str) -> dict[int, list[int]]:
    far = "target" if near == "source" else "source"
    rows = (
        Link.objects.filter(**{f"{near}_kind": kind, f"{near}_id__in": list(ids), f"{far}_kind": other})
        .order_by(f"{near}_id", f"{far}_id")
        .values_list(f"{near}_id", f"{far}_id")
    )
    found: dict[int, list[int]] = defaultdict(list)
    for pk, other_pk in rows:
        found[pk].append(other_pk)
    return dict(found)


def target_ids(source_kind: str, source_ids: Iterable[int], target_kind: str) -> dict[int, list[int]]:
    """source id → the ids of its linked targets of `target_kind`, ascending (read from the unique index)."""
    return _ids("source", source_kind, source_ids, target_kind)


def source_ids(target_kind: str, target_ids: Iterable[int], source_kind: str) -> dict[int, list[int]]:
    """target id → the ids of its linked sources of `source_kind`, ascending (read from the incoming index)."""
    return _ids("target", target_kind, target_ids, source_kind)


def source_count(target_kind: str, source_kind: str) -> Coalesce:
    """For `.annotate()` on a queryset of `target_kind`: how many `source_kind` things are linked to each."""
    counted = (
        Link.objects.filter(target_kind=target_kind, target_id=OuterRef("pk"), source_kind=source_kind)
        .order_by()
        .values("target_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def ends(links: Iterable[Link], side: str) -> dict[tuple[str, int], object]:
    """(kind, id) → the thing at the `side` ("source" or "target") of each link: one query per kind."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for found in links:
        wanted[getattr(found, f"{side}_kind")].add(getattr(found, f"{side}_id"))
    things = {}
    for name, ids in wanted.items():
        try:
            model = registry.kind(name).model
        except registry.UnknownKind:  # a kind no app registers any more: its links are left out
            continue
        things.update({(name, pk): thing for pk, thing in model.objects.in_bulk(ids).items()})
    return things
