"""GET /api/v1/links: what one thing is linked to, in both directions, for every kind of link.

The kinds are those of the traceability registry (comment, insight, item, …). A token with the
read scope reads the services it is limited to (all when it is not); a logged-in person's session
only the services they may see: a thing of another service answers 404, and links to things of
services out of reach are left out.
"""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from kuulo.api import reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.traceability import queries, registry
from kuulo.traceability.models import Link

router = Router()


class LinkQuery(Schema):
    kind: str = Field(
        description="The kind of the thing: `comment`, `insight`, `item` …",
        # The kinds registered when the schema is built (every app has registered its own by then).
        json_schema_extra=lambda schema: schema.update(enum=sorted(kind.name for kind in registry.kinds())),
    )
    id: int = Field(description="Its id.")


class Thing(Schema):
    kind: str
    id: int
    label: str = Field(description="Its title, statement or words.")
    url: str = Field(description="Where staff read it in Kuulo.")
    status: str = Field(description="Its status code, for kinds that have one; otherwise empty.")


class LinkedThing(Thing):
    note: str
    added_at: datetime


class Links(Thing):
    outgoing: list[LinkedThing] = Field(description="What it is evidence for: the links of which it is the source.")
    incoming: list[LinkedThing] = Field(description="Its evidence: the links of which it is the target.")


def _thing(request: HttpRequest, kind: registry.Kind, thing) -> dict:
    return {
        "kind": kind.name,
        "id": thing.pk,
        "label": kind.label(thing),
        "url": request.build_absolute_uri(kind.url(thing)),
        "status": kind.status(thing)[0],
    }


def _linked(request: HttpRequest, links: list[Link], side: str) -> list[dict]:
    things = queries.ends(links, side)
    found = []
    for link in links:
        name, pk = getattr(link, f"{side}_kind"), getattr(link, f"{side}_id")
        if (name, pk) in things:
            thing = _thing(request, registry.kind(name), things[name, pk])
            found.append({**thing, "note": link.note, "added_at": link.added_at})
    return found


@router.get(
    "/links",
    auth=READ,
    response={200: Links, **reading.READ_ERRORS},
    tags=["links"],
    summary="What one thing is linked to, both ways",
    description="The links of one comment, insight, backlog item or other registered kind: `outgoing` are "
    "the things it is evidence for, `incoming` its evidence, each with its kind, id, label, staff URL and "
    "status. 400 for an unknown kind; 404 when there is no such thing in the services you may read.",
)
def links(request: HttpRequest, query: Query[LinkQuery]):
    try:
        kind = registry.kind(query.kind)
    except registry.UnknownKind as error:
        names = ", ".join(sorted(found.name for found in registry.kinds()))
        raise Refusal(400, {"kind": _("Unknown kind. Choose one of: %(kinds)s.") % {"kinds": names}}) from error
    scope = reading.service_scope(request, None)
    thing = kind.model.objects.filter(pk=query.id).first()
    if thing is None or (scope is not None and kind.service_id(thing) not in scope):
        raise Refusal(404, {"id": _("Nothing of this kind has this id.")})
    outgoing = Link.objects.filter(source_kind=kind.name, source_id=thing.pk).order_by("target_kind", "target_id")
    incoming = Link.objects.filter(target_kind=kind.name, target_id=thing.pk).order_by("source_kind", "source_id")
    if scope is not None:
        outgoing = outgoing.filter(target_service_id__in=scope)
        incoming = incoming.filter(source_service_id__in=scope)
    return {
        **_thing(request, kind, thing),
        "outgoing": _linked(request, list(outgoing), "target"),
        "incoming": _linked(request, list(incoming), "source"),
    }
