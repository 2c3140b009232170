"""Access to experiments, on top of kuulo.organisation.access: 404 for outsiders and for an
experiment of another service than the URL's, 403 for a role too low for the action. The effect
pages act on backlog items through kuulo.backlog.access."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.effects.models import Experiment
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def get_experiment_for_user(request: HttpRequest, service_pk: int, pk: int, role: Role = Role.VIEWER) -> Experiment:
    """The experiment `pk` of the service `service_pk`; `experiment.service` is the service from
    get_service_for_user."""
    service = get_service_for_user(request, service_pk, role=role)
    experiment = get_object_or_404(Experiment.objects.select_related("metric"), service=service, pk=pk)
    experiment.service = service
    return experiment
