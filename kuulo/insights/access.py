"""Access to insights and their segment evidence, on top of kuulo.organisation.access: 404 for
outsiders, for a malformed id and for an object of another service (or insight) than the
URL's, 403 for a role too low for the action."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.insights.models import Insight, SegmentEvidence
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def get_insight_for_user(request: HttpRequest, service_pk: int, pk, role: Role = Role.VIEWER) -> Insight:
    """The insight `pk` of the service `service_pk`; `insight.service` is the service from
    get_service_for_user."""
    service = get_service_for_user(request, service_pk, role=role)
    if not str(pk).isdigit():
        raise Http404("No such insight.")
    insight = get_object_or_404(Insight.objects.select_related("created_by"), service=service, pk=pk)
    insight.service = service
    return insight


def get_segment_for_user(
    request: HttpRequest, service_pk: int, insight_pk: int, pk: int, role: Role = Role.VIEWER
) -> SegmentEvidence:
    """The segment evidence `pk` of the insight `insight_pk` of the service `service_pk`."""
    insight = get_insight_for_user(request, service_pk, insight_pk, role=role)
    segment = get_object_or_404(SegmentEvidence, insight=insight, pk=pk)
    segment.insight = insight
    return segment
