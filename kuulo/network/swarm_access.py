"""Who sees a swarm or a community: every member of staff, and the guests who are its members
(to any other guest it does not exist: 404). Its facilitator and organisation admins manage it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.network.access import is_guest
from kuulo.network.swarm_models import Community, Swarm


def _pk(pk) -> int:
    if not str(pk).isdigit():
        raise Http404("No such object.")
    return int(pk)


def _visible(request: HttpRequest, thing) -> None:
    user = request.user
    if not user.is_authenticated:
        raise Http404("Not found.")
    thing.is_member = thing.members.filter(pk=user.pk).exists()
    if is_guest(user) and not thing.is_member:
        raise Http404("Not found.")
    thing.can_manage = user.is_org_admin or thing.facilitator_id == user.pk
    thing.viewer_is_guest = is_guest(user)


def get_swarm_for_user(request: HttpRequest, pk, *, manage: bool = False) -> Swarm:
    swarm = get_object_or_404(Swarm.objects.select_related("facilitator"), pk=_pk(pk))
    _visible(request, swarm)
    if manage and not swarm.can_manage:
        raise PermissionDenied
    return swarm


def get_community_for_user(request: HttpRequest, pk, *, manage: bool = False) -> Community:
    community = get_object_or_404(Community.objects.select_related("facilitator"), pk=_pk(pk))
    _visible(request, community)
    if manage and not community.can_manage:
        raise PermissionDenied
    return community


def swarms_for(user):
    if is_guest(user):
        return Swarm.objects.filter(members=user)
    return Swarm.objects.all()


def communities_for(user):
    if is_guest(user):
        return Community.objects.filter(members=user)
    return Community.objects.all()
