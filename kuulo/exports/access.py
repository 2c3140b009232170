"""Access to export jobs: a job is its person's own. Anyone else (but an organisation admin), or
its person after losing access to its service, gets 404, so nobody learns of another's export."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.exports.models import ExportJob
from kuulo.organisation.access import visible_services


def get_export_for_user(request: HttpRequest, pk: int) -> ExportJob:
    """The job `pk` if it is the person's own (or they are an organisation admin) and they still see its
    service; otherwise 404, so nobody learns of another's export."""
    job = get_object_or_404(ExportJob, pk=pk)
    user = request.user
    if user.is_org_admin:
        return job
    if job.user_id != user.pk:
        raise Http404("No such export.")
    service = job.filters.get("service")
    if service and not visible_services(user).filter(pk=service).exists():
        raise Http404("No such export.")
    return job
