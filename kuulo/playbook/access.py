"""Access to the playbook: every member of staff reads it (an outsider who has not logged in
sees nothing); only organisation admins change cards, templates and the glossary."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.playbook.models import HelpRequest, Method


def get_method(slug: str) -> Method:
    return get_object_or_404(Method.objects.select_related("updated_by"), slug=slug)


def get_help_request_for_partner(request: HttpRequest, pk: int) -> HelpRequest:
    """A request for help addressed to the user; 404 for anyone else."""
    help_request = get_object_or_404(HelpRequest.objects.select_related("method", "requester"), pk=pk)
    if help_request.partner_id != request.user.pk:
        raise Http404("No such request.")
    return help_request
