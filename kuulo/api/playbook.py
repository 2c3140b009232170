"""Read access to the playbook: method cards and glossary terms, every language at once (the
texts as stored, so a missing translation is visible as a missing key, never filled in)."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from kuulo.api import reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.playbook.models import GlossaryTerm, Method

router = Router(tags=["playbook"])


class MethodRecord(Schema):
    slug: str = Field(description="The card's stable identifier.")
    version: int = Field(description="The card's current version; every save adds one.")
    phases: list[str] = Field(description="Phases of the loop: listen, understand, decide, act, follow_up, culture.")
    roles: list[str] = Field(description="Roles: product_owner, team_member, management, staff, panel_manager.")
    produces: str = Field(description="What the card starts in Kuulo (e.g. insight, journey_map, retro), or empty.")
    content: dict = Field(
        description="The texts per language (fi, sv, en): title, summary, purpose, when, time, people, and the "
        "lists steps, tips and pitfalls. A text not yet translated is absent from that language."
    )
    updated_at: str


class TermRecord(Schema):
    slug: str
    content: dict = Field(description="Per language: term, definition, synonyms and forms (how it is found in text).")
    see_also: list[str] = Field(description="Slugs of related terms.")


def _method(method: Method) -> dict:
    return {
        "slug": method.slug,
        "version": method.version,
        "phases": method.phases,
        "roles": method.roles,
        "produces": method.produces,
        "content": method.content,
        "updated_at": method.updated_at.isoformat(),
    }


@router.get(
    "/playbook/methods",
    auth=READ,
    response={200: list[MethodRecord], **reading.READ_ERRORS},
    summary="Method cards",
    description="Every method card of the playbook, in the playbook's order.",
)
def playbook_methods(request: HttpRequest):
    return [_method(method) for method in Method.objects.all()]


@router.get(
    "/playbook/methods/{slug}",
    auth=READ,
    response={200: MethodRecord, **reading.READ_ERRORS},
    summary="One method card",
)
def playbook_method(request: HttpRequest, slug: str):
    found = Method.objects.filter(slug=slug).first()
    if found is None:
        raise Refusal(404, {"slug": _("No method card has this identifier.")})
    return _method(found)


@router.get(
    "/playbook/glossary",
    auth=READ,
    response={200: list[TermRecord], **reading.READ_ERRORS},
    summary="Glossary terms",
    description="Every glossary term with its texts per language and its related terms.",
)
def playbook_glossary(request: HttpRequest):
    terms = GlossaryTerm.objects.prefetch_related("see_also")
    return [
        {"slug": term.slug, "content": term.content, "see_also": sorted(other.slug for other in term.see_also.all())}
        for term in terms
    ]
