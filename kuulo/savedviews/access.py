"""Saved views reached through the service's access rule: members see their own and the shared ones."""

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from kuulo.organisation.access import get_service_for_user
from kuulo.savedviews.models import SavedView


def visible_views(user, service) -> QuerySet[SavedView]:
    """The user's own views of the service and those its other members shared."""
    return SavedView.objects.filter(Q(owner=user) | Q(shared=True), service=service).select_related("owner")


def get_own_view_for_user(request: HttpRequest, service_pk: int, pk: int) -> SavedView:
    """A view only its owner may change or delete; 404 for everyone else, shared or not."""
    service = get_service_for_user(request, service_pk)
    view = SavedView.objects.filter(pk=pk, service=service, owner=request.user).first()
    if view is None:
        raise Http404
    return view
