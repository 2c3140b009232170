"""The metric library: every staff member reads it, organisation admins add to it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.lib.views import render_form_page
from kuulo.metrics import actions
from kuulo.metrics.forms import LANGUAGES, MetricForm
from kuulo.metrics.models import Metric
from kuulo.organisation.access import org_admin_required


def newest_versions(metrics: list[Metric]) -> list[Metric]:
    """The newest version of each code, keeping the library order."""
    seen: set[str] = set()
    newest = []
    for metric in metrics:
        if metric.code not in seen:
            seen.add(metric.code)
            newest.append(metric)
    return newest


def by_language(metric: Metric) -> list[dict]:
    """The question, items and scale labels of `metric` in each language."""
    rows = []
    for code, language in LANGUAGES.items():
        labels = {int(value): text for value, text in metric.labels.get(code, {}).items()}
        rows.append(
            {
                "code": code,
                "language": language,
                "question": getattr(metric, f"question_{code}"),
                "items": [item.get(code, "") for item in metric.items],
                "scale": [(value, labels.get(value, "")) for value in metric.scale()],
                "low_label": labels.get(metric.scale_min, ""),
                "high_label": labels.get(metric.scale_max, ""),
            }
        )
    return rows


@login_required
def metric_list(request: HttpRequest) -> HttpResponse:
    """Built-ins first, then custom metrics; the newest version of each unless ?all=1."""
    show_all = request.GET.get("all") == "1"
    metrics = list(Metric.objects.order_by("-is_builtin", "code", "-version"))
    versions_of: dict[str, int] = {}
    for metric in metrics:
        versions_of[metric.code] = versions_of.get(metric.code, 0) + 1
    shown = metrics if show_all else newest_versions(metrics)
    for metric in shown:
        metric.version_count = versions_of[metric.code]
        metric.translations = by_language(metric)
    return render(request, "metrics/metric_list.html", {"metrics": shown, "show_all": show_all})


@login_required
def metric_detail(request: HttpRequest, pk: int) -> HttpResponse:
    metric = get_object_or_404(Metric, pk=pk)
    return render(request, "metrics/metric_detail.html", detail_context(metric))


def detail_context(metric: Metric) -> dict:
    versions = list(Metric.objects.filter(code=metric.code).order_by("-version"))
    return {
        "metric": metric,
        "translations": by_language(metric),
        "versions": versions,
        "is_newest": versions[0].pk == metric.pk,
    }


@org_admin_required
def metric_create(request: HttpRequest) -> HttpResponse:
    form = MetricForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        metric = actions.create_metric(form.cleaned_data)
        messages.success(request, _("The metric “%(name)s” was added to the library.") % {"name": metric.name})
        return redirect("metrics:metric_detail", pk=metric.pk)
    return render_form_page(
        request,
        form,
        title=_("New custom metric"),
        submit_label=_("Add the metric"),
        cancel_url=reverse("metrics:metric_list"),
    )


@org_admin_required
def metric_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    """A new version, pre-filled from the newest version of the metric's code."""
    metric = get_object_or_404(Metric, pk=pk)
    latest = Metric.objects.filter(code=metric.code).order_by("-version").first()
    form = MetricForm(request.POST or None, base=latest)
    if request.method == "POST" and form.is_valid():
        created = actions.create_metric_version(latest, form.cleaned_data)
        messages.success(request, _("Version %(version)s was created.") % {"version": created.version})
        return redirect("metrics:metric_detail", pk=created.pk)
    return render_form_page(
        request,
        form,
        title=_("New version of %(name)s") % {"name": latest.label},
        submit_label=_("Create the version"),
        cancel_url=reverse("metrics:metric_detail", args=[latest.pk]),
    )


@require_POST
@org_admin_required
def metric_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """Custom metrics can be taken out of use; built-ins stay."""
    metric = get_object_or_404(Metric, pk=pk)
    if metric.is_builtin:
        messages.error(request, _("Built-in metrics cannot be taken out of use."))
        return render(request, "metrics/metric_detail.html", detail_context(metric), status=409)
    actions.deactivate_metric(metric)
    messages.success(request, _("The metric “%(name)s” is no longer offered for new surveys.") % {"name": metric.name})
    return redirect("metrics:metric_detail", pk=metric.pk)
