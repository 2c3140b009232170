"""What may be linked to what, and by whom: the kinds of things and the allowed pairs.

Each app registers its own kinds and the pairs it owns in its AppConfig.ready(),
so this app imports no app above it:

- comments: `comment` (feedback.Comment)
- insights: `insight`, and the pair comment → insight
- backlog: `item`, and the pairs comment → item and insight → item

A link goes from a source (the evidence) to a target (what it supports). A
kind says how one of its things reads (label, URL, status), which service it
belongs to, how a menu offers the service's things and where a new one is
started from a piece of evidence. A pair says who may link and unlink (the
least role on the services of both ends), whether both ends must be of the same
service, the texts of its panel and messages, and what the owning app does when
a link is made or removed (e.g. the item's history). See docs/architecture.md,
"Traceability", for adding a kind.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _

from kuulo.organisation.models import Role, Service


class UnknownKind(LookupError):
    pass


class NotAllowed(LookupError):
    """The two kinds may not be linked in this direction."""


@dataclass(frozen=True)
class Choice:
    """One entry of a menu: `prefix` + `text` (shortened) + " (`note`)" when there is a note."""

    pk: int
    text: str
    prefix: str = ""
    note: str = ""


def no_status(thing) -> tuple[str, str]:
    return "", ""


@dataclass(frozen=True)
class Kind:
    name: str  # in URLs, form fields, the API and the link table: lower case, e.g. "item"
    model: type[models.Model]
    verbose_name: str  # lazy: "backlog item"
    field_label: str  # lazy: the label of a form field that takes its number, e.g. "Comment number"
    label: Callable[[Any], str]  # the thing as a line of text: a title, a statement, a comment's words
    url: Callable[[Any], str]  # where staff read it
    status: Callable[[Any], tuple[str, str]] = no_status  # (code for the CSS class, text), or ("", "")
    choices: Callable[[Service], list] | None = None  # the service's things for a menu; None: offered by number
    choice: Callable[[Any], Choice] | None = None  # one menu entry; default: its label
    create_url: Callable[[Service], str] | None = None  # starts a new one; "?<source kind>=<id>" is added
    ordering: tuple[str, ...] = ("id",)  # how linked things of this kind are listed ("-field" for descending)
    service_field: str = "service"  # the model's foreign key to organisation.Service
    choose_message: str = _("Choose one from the list.")  # when a form names none of them

    def of_service(self, service_id: int) -> models.QuerySet:
        return self.model.objects.filter(**{f"{self.service_field}_id": service_id})

    def service_id(self, thing) -> int:
        return getattr(thing, f"{self.service_field}_id")

    def menu_entry(self, thing) -> Choice:
        return self.choice(thing) if self.choice else Choice(pk=thing.pk, text=self.label(thing))


@dataclass(frozen=True)
class PairTexts:
    """What people read about one pair; lazy translations, whole sentences for each language."""

    heading: str  # over the list of linked targets in the source's panel, e.g. "In the backlog:"
    label: str  # the panel's menu, e.g. "Add to backlog item"
    new_label: str  # the menu's first entry: start a new target from the source
    title: str  # the page that answers a form with errors when JavaScript is off
    added: str
    already: str
    removed: str
    label_note: str = ""  # after the menu's label, smaller; "%(number)s" is the source's id


@dataclass(frozen=True)
class Pair:
    source: str  # kind name of the evidence
    target: str  # kind name of what it supports
    texts: PairTexts
    role: Role = Role.TEAM_MEMBER  # the least role on the services of both ends to link and unlink
    same_service: bool = True  # both ends must belong to one service
    # Called by traceability.actions after a link is made or removed: (source, target, user).
    on_link: Callable[[Any, Any, Any], None] | None = None
    on_unlink: Callable[[Any, Any, Any], None] | None = None
    # Extra CSS class of the panel; the box's own name by default (see panel.LinkPanel).
    css_class: str | None = field(default=None)
    # Where a new target is started from a source of this pair, when the target kind's own
    # create_url cannot take this source (e.g. an opportunity made into a backlog item by the
    # journeys app, which the backlog may not import); "?<source kind>=<id>" is added.
    create_url: Callable[[Service], str] | None = None

    def new_target_url(self) -> Callable[[Service], str] | None:
        return self.create_url or _kinds[self.target].create_url

    @property
    def key(self) -> tuple[str, str]:
        return self.source, self.target


_kinds: dict[str, Kind] = {}
_by_model: dict[type[models.Model], Kind] = {}
_pairs: dict[tuple[str, str], Pair] = {}


def _forget(sender, instance, **kwargs) -> None:
    """A deleted thing takes its links with it, both directions (what a foreign key's CASCADE does)."""
    name = _by_model[sender].name
    link = apps.get_model("traceability", "Link")
    link.objects.filter(source_kind=name, source_id=instance.pk).delete()
    link.objects.filter(target_kind=name, target_id=instance.pk).delete()


def register_kind(kind: Kind) -> Kind:
    if kind.name in _kinds and _kinds[kind.name].model is not kind.model:
        raise ImproperlyConfigured(f"The kind {kind.name!r} is already registered for another model.")
    _kinds[kind.name] = kind
    _by_model[kind.model] = kind
    post_delete.connect(_forget, sender=kind.model, dispatch_uid=f"kuulo.traceability.forget.{kind.name}")
    return kind


def register_pair(pair: Pair) -> Pair:
    for name in pair.key:
        if name not in _kinds:
            raise ImproperlyConfigured(f"Register the kind {name!r} before a pair that uses it.")
    _pairs[pair.key] = pair
    return pair


def kind(name: str) -> Kind:
    try:
        return _kinds[name]
    except KeyError as error:
        raise UnknownKind(name) from error


def kind_of(thing) -> Kind:
    """The kind of a model instance (or model class)."""
    model = thing if isinstance(thing, type) else type(thing)
    try:
        return _by_model[model._meta.concrete_model]
    except KeyError as error:
        raise UnknownKind(model.__name__) from error


def kinds() -> list[Kind]:
    return list(_kinds.values())


def pair(source: str, target: str) -> Pair:
    try:
        return _pairs[source, target]
    except KeyError as error:
        raise NotAllowed(f"{source} → {target}") from error


def pairs_from(source: str) -> list[Pair]:
    """The pairs whose source is of this kind, in the order they were registered."""
    return [found for found in _pairs.values() if found.source == source]


def pairs_to(target: str) -> list[Pair]:
    return [found for found in _pairs.values() if found.target == target]


def pairs() -> list[Pair]:
    return list(_pairs.values())
