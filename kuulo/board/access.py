"""Access to retrospectives, on top of kuulo.organisation.access: 404 for outsiders and for a
retro of another service than the URL's, 403 for a role too low for the action. The board and
the roadmap act on backlog items through kuulo.backlog.access."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.board.models import Retro
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def get_retro_for_user(request: HttpRequest, service_pk: int, pk: int, role: Role = Role.VIEWER) -> Retro:
    """The retro `pk` of the service `service_pk`; `retro.service` is the service from get_service_for_user."""
    service = get_service_for_user(request, service_pk, role=role)
    retro = get_object_or_404(Retro.objects.select_related("created_by"), service=service, pk=pk)
    retro.service = service
    return retro
