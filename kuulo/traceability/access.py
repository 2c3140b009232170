"""Who may link what: both ends of a link are checked through the organisation's access function.

The service in a link URL is the service of the source; its role is checked by
`get_service_for_user` before anything is read. The target must be of the same
service when the pair says so (else 404, even for an organisation admin); for a
pair across services, the target's own service is checked the same way, so an
outsider of either service gets 404 and a role too low on either gets 403.
"""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.organisation.access import get_service_for_user, role_on
from kuulo.organisation.models import Role, Service
from kuulo.traceability import registry


def pair_or_404(source: str, target: str) -> registry.Pair:
    """The registered pair; an unknown kind or a pair that may not be linked is a URL that does not exist."""
    try:
        return registry.pair(source, target)
    except registry.NotAllowed as error:
        raise Http404("No such kind of link.") from error


def may_link(service: Service, user, role: Role) -> bool:
    """Whether `user` has at least `role` on `service` (from get_service_for_user, with `my_role`, or any)."""
    if not user.is_authenticated:
        return False
    if user.is_org_admin:
        return True
    my_role = service.my_role if hasattr(service, "my_role") else role_on(user, service)
    return my_role is not None and my_role.rank >= role.rank


def thing_of_service(kind: registry.Kind, service: Service, pk) -> object:
    """A thing of `kind` that belongs to `service`; any other (or a malformed id) answers 404."""
    if not str(pk).isdigit():
        raise Http404("No such thing.")
    return get_object_or_404(kind.of_service(service.pk), pk=pk)


def target_for_user(request: HttpRequest, service: Service, pair: registry.Pair, pk) -> object:
    """The target `pk` of a link from a source of `service`, checked as the module says."""
    kind = registry.kind(pair.target)
    if pair.same_service:
        return thing_of_service(kind, service, pk)
    if not str(pk).isdigit():
        raise Http404("No such thing.")
    thing = get_object_or_404(kind.model, pk=pk)
    get_service_for_user(request, kind.service_id(thing), role=pair.role)
    return thing
