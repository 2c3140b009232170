"""Playbook packs: the JSON file that carries cards, glossary terms and role guides between
organisations, and the pack Kuulo ships (the files in kuulo/playbook/pack/).

    {"format": "kuulo-playbook", "version": 1,
     "methods": [{"slug", "phases", "roles", "produces", "content": {"fi": {...}, ...},
                  "templates": [{"name", "filename", "content_type", "data" (base64)}]}],
     "glossary": [{"slug", "content": {"fi": {"term", "definition", "synonyms", "forms"}}, "see_also"}],
     "role_guides": [{"role", "methods", "content": {"fi": {"title", "summary", "loop", "rhythm"}}}]}

A pack is checked whole before anything is stored; a bad pack stores nothing."""

import base64
import binascii
import json
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kuulo.lib.translated import LANGUAGE_CODES
from kuulo.playbook.actions import save_method
from kuulo.playbook.artefacts import ARTEFACTS
from kuulo.playbook.forms import RESERVED_SLUGS
from kuulo.playbook.models import (
    METHOD_LISTS,
    METHOD_TEXTS,
    GlossaryTerm,
    Method,
    MethodTemplate,
    RoleGuide,
)
from kuulo.playbook.tags import PHASES, ROLES

FORMAT = "kuulo-playbook"
PACK_DIR = Path(__file__).resolve().parent / "pack"
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
TERM_TEXTS = ["term", "definition", "synonyms", "forms"]
TERM_LISTS = {"synonyms", "forms"}
GUIDE_TEXTS = ["title", "summary", "loop", "rhythm"]
GUIDE_LISTS = {"rhythm"}

# Kept in English in the version and translated when the history is read.
IMPORTED_NOTE = gettext_noop("Imported from a playbook pack")


class PackError(ValueError):
    """A pack that cannot be imported; the message says why, for the person importing it."""


def shipped_pack() -> dict:
    """The cards, terms and role guides that come with Kuulo."""
    methods = []
    for path in sorted(PACK_DIR.glob("methods_*.json")):
        methods += json.loads(path.read_text(encoding="utf-8"))
    glossary = json.loads((PACK_DIR / "glossary.json").read_text(encoding="utf-8"))
    guides = json.loads((PACK_DIR / "role_guides.json").read_text(encoding="utf-8"))
    return {"format": FORMAT, "version": 1, "methods": methods, "glossary": glossary, "role_guides": guides}


def parse_pack(raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackError(_("The file is not a playbook pack: it is not valid JSON.")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackError(_("The file is not a playbook pack: its format is not “kuulo-playbook”."))
    return data


def _check_content(content, texts: list[str], lists: set[str], where: str) -> None:
    if not isinstance(content, dict) or not content:
        raise PackError(_("%(where)s: the texts are missing.") % {"where": where})
    for language, values in content.items():
        if language not in LANGUAGE_CODES or not isinstance(values, dict):
            raise PackError(
                _("%(where)s: “%(language)s” is not a language of Kuulo.") % {"where": where, "language": language}
            )
        for field, value in values.items():
            if field not in texts:
                raise PackError(_("%(where)s: unknown text “%(field)s”.") % {"where": where, "field": field})
            is_list = isinstance(value, list) and all(isinstance(line, str) for line in value)
            if (field in lists and not is_list) or (field not in lists and not isinstance(value, str)):
                raise PackError(
                    _("%(where)s: the text “%(field)s” has the wrong shape.") % {"where": where, "field": field}
                )


def _check_codes(values, allowed, where: str, what: str) -> None:
    if not isinstance(values, list) or any(value not in allowed for value in values):
        raise PackError(
            _("%(where)s: unknown %(what)s in %(values)s.") % {"where": where, "what": what, "values": values}
        )


def _check_slug(slug, seen: set, what: str) -> str:
    if not isinstance(slug, str) or not slug or slugify(slug) != slug or len(slug) > 80:
        raise PackError(_("A %(what)s has a missing or malformed identifier: %(slug)s.") % {"what": what, "slug": slug})
    if what == _("method card") and slug in RESERVED_SLUGS:
        raise PackError(_("The identifier “%(slug)s” is reserved for a page of the playbook.") % {"slug": slug})
    if slug in seen:
        raise PackError(_("The identifier “%(slug)s” appears twice.") % {"slug": slug})
    seen.add(slug)
    return slug


def _template_bytes(template, where: str) -> bytes:
    fields = ("name", "filename", "content_type", "data")
    if not isinstance(template, dict) or not all(isinstance(template.get(key), str) for key in fields):
        raise PackError(_("%(where)s: a template is missing its name, file name, type or data.") % {"where": where})
    try:
        data = base64.b64decode(template["data"], validate=True)
    except (binascii.Error, ValueError):
        raise PackError(_("%(where)s: a template's data is not base64.") % {"where": where}) from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise PackError(_("%(where)s: a template is larger than 5 MB.") % {"where": where})
    return data


def validate_pack(data: dict) -> None:
    """Raises PackError for the first problem found; returns when the whole pack is good."""
    for key in ("methods", "glossary", "role_guides"):
        if not isinstance(data.get(key, []), list):
            raise PackError(_("The pack's “%(key)s” must be a list.") % {"key": key})
    seen: set = set()
    for method in data.get("methods", []):
        if not isinstance(method, dict):
            raise PackError(_("A method card in the pack is not an object."))
        where = _check_slug(method.get("slug"), seen, _("method card"))
        _check_content(method.get("content"), METHOD_TEXTS, METHOD_LISTS, where)
        _check_codes(method.get("phases", []), PHASES, where, _("phase"))
        _check_codes(method.get("roles", []), ROLES, where, _("role"))
        if method.get("produces", "") not in ["", *ARTEFACTS]:
            raise PackError(
                _("%(where)s: unknown artefact “%(key)s”.") % {"where": where, "key": method.get("produces")}
            )
        for template in method.get("templates", []):
            _template_bytes(template, where)
    terms: set = set()
    for term in data.get("glossary", []):
        if not isinstance(term, dict):
            raise PackError(_("A glossary term in the pack is not an object."))
        where = _check_slug(term.get("slug"), terms, _("glossary term"))
        _check_content(term.get("content"), TERM_TEXTS, TERM_LISTS, where)
    for term in data.get("glossary", []):
        _check_codes(
            term.get("see_also", []),
            terms | set(GlossaryTerm.objects.values_list("slug", flat=True)),
            term["slug"],
            _("term"),
        )
    guides: set = set()
    for guide in data.get("role_guides", []):
        if not isinstance(guide, dict) or guide.get("role") not in ROLES or guide["role"] in guides:
            raise PackError(_("A role guide names an unknown role, or a role twice."))
        guides.add(guide["role"])
        _check_content(guide.get("content"), GUIDE_TEXTS, GUIDE_LISTS, guide["role"])
        _check_codes(
            guide.get("methods", []),
            seen | set(Method.objects.values_list("slug", flat=True)),
            guide["role"],
            _("card"),
        )


@transaction.atomic
def import_pack(data: dict, *, user=None, replace: bool = False) -> dict[str, int]:
    """Stores the pack's cards, terms and role guides; those that exist already are kept
    unless `replace` (a card then gets a new version). Returns how many were added and updated."""
    validate_pack(data)
    counts = {"added": 0, "updated": 0, "skipped": 0}
    for position, entry in enumerate(data.get("methods", [])):
        _import_method(entry, position, user, replace, counts)
    for entry in data.get("glossary", []):
        _import_term(entry, replace, counts)
    for entry in data.get("glossary", []):
        if entry.get("see_also"):
            term = GlossaryTerm.objects.get(slug=entry["slug"])
            term.see_also.add(*GlossaryTerm.objects.filter(slug__in=entry["see_also"]))
    for position, entry in enumerate(data.get("role_guides", [])):
        _import_guide(entry, position, replace, counts)
    return counts


def _import_method(entry: dict, position: int, user, replace: bool, counts: dict) -> None:
    method = Method.objects.filter(slug=entry["slug"]).first()
    if method and not replace:
        counts["skipped"] += 1
        return
    counts["updated" if method else "added"] += 1
    method = method or Method(slug=entry["slug"], position=position)
    method.content = entry["content"]
    method.phases = entry.get("phases", [])
    method.roles = entry.get("roles", [])
    method.produces = entry.get("produces", "")
    save_method(method, user=user, note=IMPORTED_NOTE)
    names = [template["filename"] for template in entry.get("templates", [])]
    MethodTemplate.objects.filter(method=method, filename__in=names).delete()
    for template in entry.get("templates", []):
        data = _template_bytes(template, entry["slug"])
        MethodTemplate.objects.create(
            method=method,
            name=template["name"][:200],
            filename=template["filename"][:200],
            content_type=template["content_type"][:100],
            data=data,
            size=len(data),
        )


def _import_term(entry: dict, replace: bool, counts: dict) -> None:
    term, created = GlossaryTerm.objects.get_or_create(slug=entry["slug"], defaults={"content": entry["content"]})
    if created:
        counts["added"] += 1
    elif replace:
        term.content = entry["content"]
        term.save(update_fields=["content"])
        counts["updated"] += 1
    else:
        counts["skipped"] += 1


def _import_guide(entry: dict, position: int, replace: bool, counts: dict) -> None:
    values = {"content": entry["content"], "methods": entry.get("methods", []), "position": position}
    guide = RoleGuide.objects.filter(role=entry["role"]).first()
    if guide is None:
        RoleGuide.objects.create(role=entry["role"], **values)
        counts["added"] += 1
    elif replace:
        RoleGuide.objects.filter(pk=guide.pk).update(**values)
        counts["updated"] += 1
    else:
        counts["skipped"] += 1


def export_pack() -> dict:
    """Every card (with its templates), term and role guide of this organisation, as a pack."""
    methods = []
    for method in Method.objects.prefetch_related("templates"):
        methods.append(
            {
                "slug": method.slug,
                "phases": method.phases,
                "roles": method.roles,
                "produces": method.produces,
                "content": method.content,
                "templates": [
                    {
                        "name": template.name,
                        "filename": template.filename,
                        "content_type": template.content_type,
                        "data": base64.b64encode(bytes(template.data)).decode("ascii"),
                    }
                    for template in method.templates.all()
                ],
            }
        )
    glossary = [
        {"slug": term.slug, "content": term.content, "see_also": [other.slug for other in term.see_also.all()]}
        for term in GlossaryTerm.objects.prefetch_related("see_also")
    ]
    guides = [
        {"role": guide.role, "methods": guide.methods, "content": guide.content} for guide in RoleGuide.objects.all()
    ]
    return {"format": FORMAT, "version": 1, "methods": methods, "glossary": glossary, "role_guides": guides}
