"""Experiments of a service: list, plan (team members), the result computed from
Kuulo's own data, and the product owner's decision and learning."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kuulo.effects import effect
from kuulo.effects.access import get_experiment_for_user
from kuulo.effects.forms import DecisionForm, ExperimentForm
from kuulo.effects.models import Experiment
from kuulo.effects.views import measurement_charts
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


@login_required
def experiment_list(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    experiments = Experiment.objects.filter(service=service).select_related("metric")
    context = {"service": service, "experiments": experiments, "today": timezone.localdate()}
    return render(request, "effects/experiment_list.html", context)


@login_required
def experiment_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    form = ExperimentForm(request.POST or None, service=service)
    if request.method == "POST" and form.is_valid():
        experiment = form.save(commit=False)
        experiment.service, experiment.created_by = service, request.user
        experiment.save()
        form.save_m2m()
        messages.success(request, _("The experiment is saved."))
        return redirect("effects:experiment_detail", service.pk, experiment.pk)
    return render_form_page(
        request,
        form,
        title=_("New experiment: %(service)s") % {"service": service},
        submit_label=_("Save"),
        cancel_url=reverse("effects:experiment_list", args=[service.pk]),
    )


@login_required
def experiment_edit(request: HttpRequest, pk: int, experiment_pk: int) -> HttpResponse:
    experiment = get_experiment_for_user(request, pk, experiment_pk, role=Role.TEAM_MEMBER)
    service = experiment.service
    form = ExperimentForm(request.POST or None, instance=experiment, service=service)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The experiment is saved."))
        return redirect("effects:experiment_detail", service.pk, experiment.pk)
    return render_form_page(
        request,
        form,
        title=_("Edit experiment: %(title)s") % {"title": experiment.title},
        submit_label=_("Save"),
        cancel_url=reverse("effects:experiment_detail", args=[service.pk, experiment.pk]),
    )


@login_required
def experiment_decision(request: HttpRequest, pk: int, experiment_pk: int) -> HttpResponse:
    """The product owner decides to continue, change or stop, and writes down what was learned."""
    experiment = get_experiment_for_user(request, pk, experiment_pk, role=Role.PRODUCT_OWNER)
    service = experiment.service
    form = DecisionForm(request.POST or None, instance=experiment)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The decision is saved."))
        return redirect("effects:experiment_detail", service.pk, experiment.pk)
    return render_form_page(
        request,
        form,
        title=_("Decision on %(title)s") % {"title": experiment.title},
        submit_label=_("Save the decision"),
        cancel_url=reverse("effects:experiment_detail", args=[service.pk, experiment.pk]),
    )


@login_required
def experiment_detail(request: HttpRequest, pk: int, experiment_pk: int) -> HttpResponse:
    experiment = get_experiment_for_user(request, pk, experiment_pk)
    service = experiment.service
    result = effect.experiment_result(experiment)
    marks = [
        (experiment.starts_on, _("Experiment starts (%(date)s)") % {"date": _date(experiment.starts_on)}),
        (experiment.ends_on, _("Experiment ends (%(date)s)") % {"date": _date(experiment.ends_on)}),
    ]
    context = {
        "service": service,
        "experiment": experiment,
        "result": result,
        "items": experiment.items.all(),
        **measurement_charts(service, result, marks),
    }
    return render(request, "effects/experiment_detail.html", context)


def _date(day) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")
