"""Export pages: a form to start one, its progress, the download, and the person's own exports."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

import kuulo.audit as audit
from kuulo.exports import actions
from kuulo.exports.access import get_export_for_user
from kuulo.exports.forms import ExportForm, initial_from
from kuulo.exports.models import ExportJob
from kuulo.feedback.models import Sentiment
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Channel, Service


@login_required
def export_list(request: HttpRequest) -> HttpResponse:
    jobs = list(ExportJob.objects.filter(user=request.user)[:100])
    names = service_names(jobs)
    rows = [(job, describe(job, names)) for job in jobs]
    return render(request, "exports/export_list.html", {"rows": rows})


@login_required
def export_new(request: HttpRequest) -> HttpResponse:
    """GET shows the form filled from the link's query (a dashboard's filters); POST starts the export."""
    if request.method == "POST":
        form = ExportForm(request.user, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            job = actions.start_export(request.user, data["kind"], data["format"], form.job_filters())
            return redirect("exports:export_detail", job.pk)
        return render(request, "exports/export_new.html", {"form": form}, status=422)
    if (service := request.GET.get("service", "")).isdigit():
        get_service_for_user(request, int(service))  # 404 for a service the person cannot see
    form = ExportForm(request.user, initial=initial_from(request.GET))
    return render(request, "exports/export_new.html", {"form": form})


@login_required
@vary_on_headers("HX-Request")
def export_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's progress; htmx polls the same URL every second for the progress fragment until it ends."""
    job = get_export_for_user(request, pk)
    context = {
        "job": job,
        "filters": describe(job, service_names([job])),
        "status_changed": request.GET.get("seen") != job.status,
    }
    template = "exports/_progress.html" if request.htmx else "exports/export_detail.html"
    return render(request, template, context)


@login_required
def export_download(request: HttpRequest, pk: int) -> FileResponse:
    job = get_export_for_user(request, pk)
    if not job.downloadable:
        raise Http404("The file is not available.")
    audit.record(request, "export.downloaded", job)
    return FileResponse(job.path.open("rb"), as_attachment=True, filename=job.download_name())


def service_names(jobs: list[ExportJob]) -> dict[int, str]:
    ids = {job.filters.get("service") for job in jobs} - {None}
    return {service.pk: str(service) for service in Service.objects.filter(pk__in=ids)}


def describe(job: ExportJob, names: dict[int, str]) -> list[tuple[str, str]]:
    """The job's filters in words, for people."""
    filters = job.filters
    start, end = parse_date(filters.get("start", "")), parse_date(filters.get("end", ""))
    words = [(_("Service"), names.get(filters.get("service"), _("Every service you can see")))]
    if start and end:
        period = f"{date_format(start, 'SHORT_DATE_FORMAT')}–{date_format(end, 'SHORT_DATE_FORMAT')}"
        words.append((_("Period"), period))
    if filters.get("channel"):
        words.append((_("Channel"), str(dict(Channel.choices).get(filters["channel"], filters["channel"]))))
    if filters.get("language"):
        words.append((_("Language"), filters["language"]))
    if filters.get("sentiment"):
        words.append((_("Sentiment"), str(dict(Sentiment.choices).get(filters["sentiment"], filters["sentiment"]))))
    return words
