"""The one access mechanism: every view that touches a service goes through
`get_service_for_user` (or an app's accessor for an object of a service, in
`<app>/access.py`, which calls it); every organisation-wide admin view through
`org_admin_required`.

No visibility answers 404, so an outsider cannot even learn that a service
exists. A member whose role is too low for the action gets 403. Roles are
compared by rank in one place, `has_role`; an organisation admin has every role.
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


def roles_from(role: Role) -> list[Role]:
    """`role` and every role ranked above it (viewer < team member < product owner)."""
    return [member_role for member_role in Role if member_role.rank >= role.rank]


def services_with_role(user, role: Role) -> QuerySet[Service]:
    """The services on which the user may act with at least `role` (every service for an organisation admin)."""
    if user.is_org_admin:
        return Service.objects.all()
    return Service.objects.filter(memberships__user=user, memberships__role__in=roles_from(role))


def role_on(user, service: Service) -> Role | None:
    membership = Membership.objects.filter(user=user, service=service).only("role").first()
    return Role(membership.role) if membership else None


def has_role(user, service: Service, role: Role) -> bool:
    """Whether `user` may act on `service` with at least `role`: an organisation admin always, a
    member whose role ranks at least as high. The one comparison of roles in Kuulo.

    A service from `get_service_for_user` answers for its request's user from `my_role`
    without a query; any other service costs one."""
    if not user.is_authenticated:
        return False
    if user.is_org_admin:
        return True
    known = getattr(service, "my_role_user_id", None) == user.pk
    my_role = service.my_role if known else role_on(user, service)
    return my_role in roles_from(role)


def get_service_for_user(request: HttpRequest, pk: int, role: Role = Role.VIEWER) -> Service:
    """The service `pk` if the user may act on it with at least `role`.

    The returned service carries, for templates, `my_role` (None for an organisation
    admin without a membership), `can_contribute` (team member or higher, or an
    organisation admin: creates items, insights, retros and experiments, adds evidence)
    and `can_manage` (product owner or organisation admin)."""
    service = get_object_or_404(Service.objects.select_related("unit"), pk=pk)
    user = request.user
    if not user.is_authenticated:
        raise Http404("No such service.")
    service.my_role = role_on(user, service)
    service.my_role_user_id = user.pk
    if service.my_role is None and not user.is_org_admin:
        raise Http404("No such service.")
    if not has_role(user, service, role):
        raise PermissionDenied
    service.can_contribute = has_role(user, service, Role.TEAM_MEMBER)
    service.can_manage = has_role(user, service, Role.PRODUCT_OWNER)
    return service


def get_membership_for_user(request: HttpRequest, service_pk: int, pk: int) -> Membership:
    """A membership of the service that the user may change: product owners manage their team,
    only organisation admins manage product owners (403 for others); 404 for outsiders and
    for a membership of another service."""
    service = get_service_for_user(request, service_pk, role=Role.PRODUCT_OWNER)
    membership = get_object_or_404(Membership.objects.select_related("user"), service=service, pk=pk)
    if membership.role == Role.PRODUCT_OWNER and not request.user.is_org_admin:
        raise PermissionDenied
    membership.service = service
    return membership


def org_admin_required(view: Callable) -> Callable:
    """For pages that only organisation admins have; to others they do not exist."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_org_admin:
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return wrapper
