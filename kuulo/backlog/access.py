"""Access to backlog items, on top of kuulo.organisation.access: 404 for outsiders and for an
item of another service than the URL's, 403 for a role too low for the action."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.backlog.models import BacklogItem
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def get_item_for_user(request: HttpRequest, service_pk: int, pk: int, role: Role = Role.VIEWER) -> BacklogItem:
    """The item `pk` of the service `service_pk` if the user may act on the service with `role`;
    `item.service` is that service, with `my_role`, `can_contribute` and `can_manage`."""
    service = get_service_for_user(request, service_pk, role=role)
    item = get_object_or_404(
        BacklogItem.objects.select_related("assignee", "expected_metric", "created_by", "retro"),
        service=service,
        pk=pk,
    )
    item.service = service
    return item
