"""Access to effect maps and their parts, on top of kuulo.organisation.access: 404 for outsiders,
for a malformed id and for a part of another map or service than the URL's; 403 for a role too low."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.effectmaps.models import Actor, Deliverable, EffectMap, Impact
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role

# The three levels under a map: model, and the lookup from the part to its map.
LEVELS = {
    "actor": (Actor, "effect_map"),
    "impact": (Impact, "actor__effect_map"),
    "deliverable": (Deliverable, "impact__actor__effect_map"),
}


def _pk(pk) -> int:
    if not str(pk).isdigit():
        raise Http404("No such object.")
    return int(pk)


def get_map_for_user(request: HttpRequest, service_pk: int, pk, role: Role = Role.VIEWER) -> EffectMap:
    """The map `pk` of the service `service_pk`; `effect_map.service` carries my_role, can_contribute, can_manage."""
    service = get_service_for_user(request, service_pk, role=role)
    effect_map = get_object_or_404(
        EffectMap.objects.select_related("metric", "plan_goal__metric", "owner"), service=service, pk=_pk(pk)
    )
    effect_map.service = service
    return effect_map


def get_part_for_user(request: HttpRequest, service_pk: int, map_pk, level: str, pk, role: Role = Role.VIEWER):
    """An actor, impact or deliverable (`level`) of the map; `.effect_map` is the checked map."""
    effect_map = get_map_for_user(request, service_pk, map_pk, role=role)
    model, path = LEVELS[level]
    part = get_object_or_404(model, **{path: effect_map, "pk": _pk(pk)})
    part.map = effect_map
    return part


def get_deliverable_of_service(request: HttpRequest, service_pk: int, pk, role: Role = Role.VIEWER) -> Deliverable:
    service = get_service_for_user(request, service_pk, role=role)
    deliverable = get_object_or_404(
        Deliverable.objects.select_related("impact__actor__effect_map"), service=service, pk=_pk(pk)
    )
    deliverable.service = service
    return deliverable
