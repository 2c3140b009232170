"""The insight as a kind for the traceability registry, and the pair comment → insight
(a comment as evidence for an insight); see InsightsConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.insights import actions, queries
from kuulo.insights.models import Insight
from kuulo.traceability.registry import Choice, Kind, Pair, PairTexts, register_kind, register_pair


def _choice(insight: Insight) -> Choice:
    archived = insight.get_status_display() if insight.status == Insight.Status.ARCHIVED else ""
    return Choice(pk=insight.pk, text=insight.statement, note=archived)


INSIGHT = Kind(
    name="insight",
    model=Insight,
    verbose_name=_("insight"),
    field_label=_("Insight"),
    label=lambda insight: insight.statement,
    url=lambda insight: insight.get_absolute_url(),
    status=lambda insight: (insight.status, insight.get_status_display()),
    choices=queries.insight_choices,
    choice=_choice,
    create_url=lambda service: reverse("insights:insight_create", args=[service.pk]),
    ordering=("updated_at",),
    choose_message=_("Choose an insight."),
)

COMMENT_INSIGHT = Pair(
    source="comment",
    target="insight",
    texts=PairTexts(
        heading=_("Evidence for:"),
        label=_("Add as evidence to insight"),
        new_label=_("A new insight from this comment"),
        title=_("Add a comment as evidence"),
        added=_("The comment was added as evidence."),
        already=_("The comment was already evidence for this insight."),
        removed=_("The comment is no longer evidence for this insight."),
    ),
    on_link=actions.evidence_changed,
    on_unlink=actions.evidence_changed,
)


def register() -> None:
    register_kind(INSIGHT)
    register_pair(COMMENT_INSIGHT)
