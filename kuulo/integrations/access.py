"""Access to a service's Jira connection, on top of kuulo.organisation.access: 404 for
outsiders and for a service without a saved connection, 403 below product owner. Sending an
item goes through kuulo.backlog.access."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.integrations.models import JiraConfig
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def get_jira_config_for_user(request: HttpRequest, service_pk: int, role: Role = Role.PRODUCT_OWNER) -> JiraConfig:
    """The saved Jira connection of the service `service_pk`; `config.service` is the service from
    get_service_for_user."""
    service = get_service_for_user(request, service_pk, role=role)
    config = get_object_or_404(JiraConfig, service=service)
    config.service = service
    return config
