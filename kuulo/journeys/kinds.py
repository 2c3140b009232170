"""Pain points and opportunities as kinds for the traceability registry, and their pairs: a
comment or an insight as evidence for a pain point, an opportunity that became a backlog item.
See JourneysConfig.ready() and docs/architecture.md, "Adding a kind"."""

from dataclasses import replace

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.journeys.models import Opportunity, PainPoint
from kuulo.traceability.registry import Choice, Kind, Pair, PairTexts, register_kind, register_pair


def _pain_points(service) -> list[PainPoint]:
    return list(PainPoint.objects.filter(service=service).select_related("step__phase__journey").order_by("pk"))


def _opportunities(service) -> list[Opportunity]:
    return list(Opportunity.objects.filter(service=service).order_by("pk"))


PAIN_POINT = Kind(
    name="pain_point",
    model=PainPoint,
    verbose_name=_("pain point"),
    field_label=_("Pain point"),
    label=lambda pain: pain.text,
    url=lambda pain: pain.get_absolute_url(),
    choices=_pain_points,
    choice=lambda pain: Choice(pk=pain.pk, text=pain.text, note=str(pain.step.phase.journey)),
    choose_message=_("Choose a pain point."),
)

OPPORTUNITY = Kind(
    name="opportunity",
    model=Opportunity,
    verbose_name=_("opportunity"),
    field_label=_("Opportunity"),
    label=lambda opportunity: opportunity.title,
    url=lambda opportunity: opportunity.get_absolute_url(),
    status=lambda opportunity: (opportunity.status, opportunity.get_status_display()),
    choices=_opportunities,
    choose_message=_("Choose an opportunity."),
)

COMMENT_PAIN_POINT = Pair(
    source="comment",
    target="pain_point",
    texts=PairTexts(
        heading=_("Evidence for the pain points:"),
        label=_("Add as evidence to pain point"),
        new_label=_("A new pain point"),
        title=_("Add a comment as evidence"),
        added=_("The comment was added as evidence."),
        already=_("The comment was already evidence for this pain point."),
        removed=_("The comment is no longer evidence for this pain point."),
    ),
)

INSIGHT_PAIN_POINT = replace(
    COMMENT_PAIN_POINT,
    source="insight",
    texts=replace(
        COMMENT_PAIN_POINT.texts,
        title=_("Add an insight as evidence"),
        added=_("The insight was added as evidence."),
        already=_("The insight was already evidence for this pain point."),
        removed=_("The insight is no longer evidence for this pain point."),
    ),
)

OPPORTUNITY_ITEM = Pair(
    source="opportunity",
    target="item",
    texts=PairTexts(
        heading=_("In the backlog:"),
        label=_("Add to backlog item"),
        new_label=_("A new item from this opportunity"),
        title=_("Turn an opportunity into a backlog item"),
        added=_("The opportunity is now followed by the backlog item."),
        already=_("The opportunity was already linked to this item."),
        removed=_("The opportunity is no longer linked to this item."),
    ),
    create_url=lambda service: reverse("journeys:opportunity_item_create", args=[service.pk]),
)


def register() -> None:
    register_kind(PAIN_POINT)
    register_kind(OPPORTUNITY)
    register_pair(COMMENT_PAIN_POINT)
    register_pair(INSIGHT_PAIN_POINT)
    register_pair(OPPORTUNITY_ITEM)
