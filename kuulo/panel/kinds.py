"""A panel session (one member's participation in a study) as a kind of evidence in the
traceability registry, with its pairs: a session as evidence for an insight or a backlog item.
See PanelConfig.ready() and docs/architecture.md, "Adding a kind"."""

from dataclasses import replace

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.panel.models import Participation
from kuulo.traceability.registry import Choice, Kind, Pair, PairTexts, register_kind, register_pair


def _sessions(service) -> list[Participation]:
    return list(
        Participation.objects.filter(service=service, status=Participation.Status.ATTENDED)
        .select_related("study", "slot")
        .order_by("-pk")
    )


PANEL_SESSION = Kind(
    name="panel_session",
    model=Participation,
    verbose_name=_("panel session"),
    field_label=_("Panel session"),
    label=lambda session: session.evidence_label,
    url=lambda session: reverse("panel:study_detail", args=[session.service_id, session.study_id]),
    status=lambda session: (session.status, session.get_status_display()),
    choices=_sessions,
    choice=lambda session: Choice(pk=session.pk, text=session.evidence_label),
    choose_message=_("Choose a panel session."),
)

SESSION_INSIGHT = Pair(
    source="panel_session",
    target="insight",
    texts=PairTexts(
        heading=_("Evidence for the insights:"),
        label=_("Add as evidence to insight"),
        new_label=_("A new insight"),
        title=_("Add a panel session as evidence"),
        added=_("The panel session was added as evidence."),
        already=_("The panel session was already evidence for this insight."),
        removed=_("The panel session is no longer evidence for this insight."),
    ),
)

SESSION_ITEM = replace(
    SESSION_INSIGHT,
    target="item",
    texts=replace(
        SESSION_INSIGHT.texts,
        heading=_("In the backlog:"),
        label=_("Add as evidence to backlog item"),
        new_label=_("A new backlog item"),
        already=_("The panel session was already evidence for this item."),
        removed=_("The panel session is no longer evidence for this item."),
    ),
)


def register() -> None:
    register_kind(PANEL_SESSION)
    register_pair(SESSION_INSIGHT)
    register_pair(SESSION_ITEM)
