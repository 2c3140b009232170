"""Access to journey maps and what is on them, on top of kuulo.organisation.access: 404 for
outsiders, for a malformed id and for an object of another service (or map) than the URL's,
403 for a role too low for the action."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.journeys.models import JourneyMap, Opportunity, PainPoint, Persona, Phase, Step
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def _pk(pk) -> int:
    if not str(pk).isdigit():
        raise Http404("No such object.")
    return int(pk)


def get_journey_for_user(request: HttpRequest, service_pk: int, pk, role: Role = Role.VIEWER) -> JourneyMap:
    """The map `pk` of the service `service_pk`; `journey.service` is the service from
    get_service_for_user (with my_role, can_contribute, can_manage)."""
    service = get_service_for_user(request, service_pk, role=role)
    journey = get_object_or_404(
        JourneyMap.objects.select_related("persona", "life_event", "owner", "based_on"), service=service, pk=_pk(pk)
    )
    journey.service = service
    return journey


def get_phase_for_user(request: HttpRequest, service_pk: int, journey_pk, pk, role: Role = Role.VIEWER) -> Phase:
    journey = get_journey_for_user(request, service_pk, journey_pk, role=role)
    phase = get_object_or_404(Phase, journey=journey, pk=_pk(pk))
    phase.journey = journey
    return phase


def get_step_for_user(request: HttpRequest, service_pk: int, journey_pk, pk, role: Role = Role.VIEWER) -> Step:
    journey = get_journey_for_user(request, service_pk, journey_pk, role=role)
    step = get_object_or_404(
        Step.objects.select_related("phase", "updated_by", "other_unit"), phase__journey=journey, pk=_pk(pk)
    )
    step.phase.journey = journey
    step.service = journey.service
    return step


def get_persona_for_user(request: HttpRequest, service_pk: int, pk, role: Role = Role.VIEWER) -> Persona:
    service = get_service_for_user(request, service_pk, role=role)
    persona = get_object_or_404(Persona, service=service, pk=_pk(pk))
    persona.service = service
    return persona


def get_pain_point_for_user(request, service_pk: int, journey_pk, pk, role: Role = Role.VIEWER) -> PainPoint:
    journey = get_journey_for_user(request, service_pk, journey_pk, role=role)
    pain = get_object_or_404(PainPoint.objects.select_related("step__phase"), step__phase__journey=journey, pk=_pk(pk))
    pain.service = journey.service
    return pain


def get_opportunity_for_user(request, service_pk: int, journey_pk, pk, role: Role = Role.VIEWER) -> Opportunity:
    journey = get_journey_for_user(request, service_pk, journey_pk, role=role)
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("step__phase"), step__phase__journey=journey, pk=_pk(pk)
    )
    opportunity.service = journey.service
    opportunity.step.phase.journey = journey
    return opportunity


def get_service_opportunity_for_user(request, service_pk: int, pk, role: Role = Role.VIEWER) -> Opportunity:
    """An opportunity of any map of the service `service_pk` (for URLs that name no map)."""
    service = get_service_for_user(request, service_pk, role=role)
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("step__phase__journey"), service=service, pk=_pk(pk)
    )
    opportunity.service = service
    return opportunity
