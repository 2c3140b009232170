"""The one access mechanism: every view that touches a service goes through
`get_service_for_user`; every organisation-wide admin view through
`org_admin_required`.

No visibility answers 404, so an outsider cannot even learn that a service
exists. A member whose role is too low for the action gets 403.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.organisation.models import Membership, Role, Service


def visible_services(user) -> QuerySet[Service]:
    if user.is_org_admin:
        return Service.objects.all()
    return Service.objects.filter(memberships__user=user)


def services_with_role(user, role: Role) -> QuerySet[Service]:
    """The services on which the user may act with at least `role` (every service for an organisation admin)."""
    if user.is_org_admin:
        return Service.objects.all()
    allowed = [member_role.value for member_role in Role if member_role.rank >= role.rank]
    return Service.objects.filter(memberships__user=user, memberships__role__in=allowed)


def role_on(user, service: Service) -> Role | None:
    membership = Membership.objects.filter(user=user, service=service).only("role").first()
    return Role(membership.role) if membership else None


def get_service_for_user(request: HttpRequest, pk: int, role: Role = Role.VIEWER) -> Service:
    """The service `pk` if the user may act on it with at least `role`.

    The returned service carries `my_role` (None for an organisation admin
    without a membership) and `can_manage` for templates.
    """
    service = get_object_or_404(Service.objects.select_related("unit"), pk=pk)
    user = request.user
    my_role = role_on(user, service) if user.is_authenticated else None
    if not user.is_authenticated or (my_role is None and not user.is_org_admin):
        raise Http404("No such service.")
    if not user.is_org_admin and my_role.rank < role.rank:
        raise PermissionDenied
    service.my_role = my_role
    service.can_manage = user.is_org_admin or my_role == Role.PRODUCT_OWNER
    return service


def org_admin_required(view: Callable) -> Callable:
    """For pages that only organisation admins have; to others they do not exist."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_org_admin:
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return wrapper
