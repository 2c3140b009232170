"""Who sees the network: every member of staff sees the idea board; a guest (a user with a Guest
profile, of a partner organisation) sees only the swarms and communities they are invited to, and
everything else answers 404 to them. Moderating an idea (its status and official response) is for
the product owners of the services it touches or was promoted to, and organisation admins;
promoting it is for a product owner of the service whose backlog it joins."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.network.models import Guest, Idea
from kuulo.organisation.access import roles_from, services_with_role
from kuulo.organisation.models import Membership, Role


def is_guest(user) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_kuulo_is_guest", None)
    if cached is None:
        cached = Guest.objects.filter(user=user).exists()
        user._kuulo_is_guest = cached
    return cached


def staff_required(view: Callable) -> Callable:
    """For pages of the staff: to a guest they do not exist."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if is_guest(request.user):
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return wrapper


def _pk(pk) -> int:
    if not str(pk).isdigit():
        raise Http404("No such idea.")
    return int(pk)


def get_idea_for_user(request: HttpRequest, pk) -> Idea:
    """The idea `pk` for a member of staff (404 for a guest); it carries `can_moderate`."""
    if not request.user.is_authenticated or is_guest(request.user):
        raise Http404("No such idea.")
    idea = get_object_or_404(Idea.objects.select_related("author", "service", "duplicate_of"), pk=_pk(pk))
    idea.can_moderate = may_moderate(request.user, idea)
    idea.promote_services = list(services_with_role(request.user, Role.PRODUCT_OWNER).order_by("name_fi"))
    return idea


def may_moderate(user, idea: Idea) -> bool:
    if user.is_org_admin:
        return True
    owners = Membership.objects.filter(user=user, role__in=roles_from(Role.PRODUCT_OWNER))
    touched = Q(service__in=idea.services.all())
    if idea.service_id:
        touched |= Q(service_id=idea.service_id)
    return owners.filter(touched).exists()
