"""What one comment or insight is evidence for, as `includes/_evidence_links.html` shows it:
the linked things, each with a "Remove" button, and a menu to link one more or start a new one.

Each app builds an `EvidenceLinks` in a template tag and includes the partial:
the backlog for a comment's and an insight's items (`backlog/_comment_items.html`,
`backlog/_insight_items.html`), the insight repository for a comment's insights
(`insights/_comment_insights.html`). What is the same for every comment (or insight)
of one such panel is a `LinkPanel`; the rest is read per comment.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LinkPanel:
    """The fixed part of one kind of panel; its texts are lazy translations."""

    box: str  # id prefix of the element ("<box>-<pk>") and of its list's label ("<box>-label-<pk>")
    menu: str  # id prefix of the menu ("<menu>-<pk>") and of its error ("<menu>-error-<pk>")
    source: str  # the hidden field that names the comment or insight: "comment" or "insight"
    target: str  # the menu's field: "item" or "insight"
    heading: str  # over the list of linked things
    label: str  # the menu's label
    new_label: str  # the menu's first entry (value "new"): start a new one from the evidence
    label_note: str = ""  # after the label, smaller; "%(number)s" is the evidence's id
    css_class: str = ""  # added to "comment-insights"
    panel_field: bool = False  # the add form posts panel=1 (the backlog views answer the fragment only then)


@dataclass(frozen=True)
class Linked:
    """One thing the evidence is linked to."""

    url: str
    text: str  # its title or statement, whole (the partial shortens it)
    status: str  # the status code, for the CSS class
    status_display: str
    remove_url: str  # POST here to unlink it


@dataclass(frozen=True)
class Choice:
    """One entry of the menu: `prefix` + `text` (shortened) + " (`note`)" when there is a note."""

    pk: int
    text: str
    prefix: str = ""
    note: str = ""


@dataclass(frozen=True)
class EvidenceLinks:
    panel: LinkPanel
    pk: int  # the comment's or insight's id
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
        return self.panel.label_note % {"number": self.pk} if self.panel.label_note else ""


def evidence_links(
    panel: LinkPanel,
    source,
    linked: list,
    choices: list,
    *,
    link: Callable[[Any], Linked],
    choice: Callable[[Any], Choice],
    can_link: bool,
    add_url: str,
    form=None,
) -> EvidenceLinks:
    """The panel of `source` (a comment or an insight): `link(thing)` for each of `linked`,
    `choice(thing)` for each of `choices` not linked yet, and the error on the menu's field
    of `form` (a bound link form, or None).
    """
    errors = form.errors.get(panel.target) if form is not None else None
    linked_pks = {thing.pk for thing in linked}
    return EvidenceLinks(
        panel=panel,
        pk=source.pk,
        linked=[link(thing) for thing in linked],
        choices=[choice(thing) for thing in choices if thing.pk not in linked_pks],
        can_link=can_link,
        add_url=add_url,
        error=errors[0] if errors else "",
    )
