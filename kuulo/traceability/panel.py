"""The evidence panel: what one source (a comment, an insight) is linked to, as
`traceability/_panel.html` shows it — the linked targets, each with a "Remove"
button, and a menu to link one more or to start a new one from the source.

Pages include it through the `link_panel` and `link_panels` template tags
(templatetags/traceability.py). A page that shows many sources of one service
(the comments page) puts `link_prefetch` (see `prefetch`) in its context, so the
panels of a whole list take one query per target kind for the links and one
for each menu.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from kuulo.organisation.models import Service
from kuulo.traceability import queries, registry
from kuulo.traceability.access import may_link
from kuulo.traceability.registry import Choice, Pair

BASE_CLASS = "comment-insights"  # the panels' shared look in kuulo.css, named after the first panel


@dataclass(frozen=True)
class LinkPanel:
    """The fixed part of the panels of one pair."""

    pair: Pair

    @property
    def box(self) -> str:  # id prefix of the element ("<box>-<pk>") and of its list's label
        return f"{self.pair.source}-{self.pair.target}s"

    @property
    def menu(self) -> str:  # id prefix of the menu ("<menu>-<pk>") and of its error ("<menu>-error-<pk>")
        return f"{self.pair.source}-{self.pair.target}"

    @property
    def css_class(self) -> str:
        return " ".join(dict.fromkeys([BASE_CLASS, self.box]))

    @property
    def source(self) -> str:  # the hidden field that names the source
        return self.pair.source

    @property
    def target(self) -> str:  # the menu's field
        return self.pair.target

    @property
    def heading(self) -> str:
        return self.pair.texts.heading

    @property
    def label(self) -> str:
        return self.pair.texts.label

    @property
    def new_label(self) -> str:
        return self.pair.texts.new_label

    @property
    def offers_new(self) -> bool:
        return self.pair.new_target_url() is not None


@dataclass(frozen=True)
class Linked:
    """One thing the source is linked to."""

    url: str
    text: str  # its label, whole (the partial shortens it)
    status: str  # the status code, for the CSS class
    status_display: str
    remove_url: str  # POST here to unlink it


@dataclass(frozen=True)
class EvidenceLinks:
    panel: LinkPanel
    pk: int  # the source's id
    linked: list[Linked]
    choices: list[Choice]  # without the linked ones
    can_link: bool  # shows the remove buttons and the menu
    add_url: str  # where the menu posts
    error: str = ""  # the menu's error, from a bound form

    @property
    def box_id(self) -> str:
        return f"{self.panel.box}-{self.pk}"

    @property
    def label_id(self) -> str:
        return f"{self.panel.box}-label-{self.pk}"

    @property
    def menu_id(self) -> str:
        return f"{self.panel.menu}-{self.pk}"

    @property
    def error_id(self) -> str:
        return f"{self.panel.menu}-error-{self.pk}"

    @property
    def label_note(self) -> str:
        note = self.panel.pair.texts.label_note
        return note % {"number": self.pk} if note else ""


@dataclass
class Prefetch:
    """What the panels of many sources of one kind and service share, read once."""

    linked: dict[str, dict[int, list]] = field(default_factory=dict)  # target kind → source id → targets
    choices: dict[str, list] = field(default_factory=dict)  # target kind → the service's menu
    can_link: dict[str, bool] = field(default_factory=dict)  # target kind → may the user link


def prefetch(service: Service, source_kind: str, sources, user) -> Prefetch:
    """For a list of sources of `service`: their panels of every pair from `source_kind`."""
    ids = [source.pk for source in sources]
    found = Prefetch()
    for pair in registry.pairs_from(source_kind):
        target = registry.kind(pair.target)
        found.linked[pair.target] = queries.targets(source_kind, ids, pair.target)
        found.can_link[pair.target] = may_link(service, user, pair.role)
        offered = found.can_link[pair.target] and target.choices is not None
        found.choices[pair.target] = target.choices(service) if offered else []  # only those who may link see it
    return found


def evidence_links(
    pair: Pair, source, service: Service, linked: list, choices: list, *, can_link: bool, form=None
) -> EvidenceLinks:
    """The panel of `source` (of `service`) for `pair`: `linked` are its targets, `choices` the
    service's things of the target kind (the linked ones are left out), and `form` a bound
    LinkForm whose error on the menu's field is shown when it was posted for this source."""
    target = registry.kind(pair.target)
    error = ""
    if form is not None and form.pair == pair and form.posted_source == str(source.pk):
        errors = form.errors.get(pair.target)
        error = errors[0] if errors else ""

    def link(thing) -> Linked:
        status, status_display = target.status(thing)
        return Linked(
            url=target.url(thing),
            text=target.label(thing),
            status=status,
            status_display=status_display,
            remove_url=reverse("traceability:unlink", args=[service.pk, pair.source, source.pk, pair.target, thing.pk]),
        )

    linked_pks = {thing.pk for thing in linked}
    return EvidenceLinks(
        panel=LinkPanel(pair),
        pk=source.pk,
        linked=[link(thing) for thing in linked],
        choices=[target.menu_entry(thing) for thing in choices if thing.pk not in linked_pks],
        can_link=can_link,
        add_url=reverse("traceability:link", args=[service.pk, pair.source, pair.target]),
        error=error,
    )
