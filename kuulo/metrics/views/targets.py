"""Target levels: organisation defaults and each service's own, each in force from a date."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kuulo.metrics import actions
from kuulo.metrics.forms import TargetForm
from kuulo.metrics.models import Metric, Target
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role, Service


def metrics_with_targets(targets: list[Target]) -> list[Metric]:
    """The newest active version of every code, and any other version that has targets."""
    with_targets = {target.metric_id for target in targets}
    rows, seen = [], set()
    for metric in Metric.objects.order_by("-is_builtin", "code", "-version"):
        newest = metric.code not in seen and metric.is_active
        if newest or metric.pk in with_targets:
            rows.append(metric)
        seen.add(metric.code)
    return rows


def in_force(history: list[Target], today: date) -> Target | None:
    """The newest row of `history` (newest first) that has started by `today`."""
    return next((target for target in history if target.valid_from <= today), None)


@login_required
def target_list(request: HttpRequest) -> HttpResponse:
    """Organisation defaults per metric, with their history; admins add new ones."""
    today = date.today()
    targets = list(Target.objects.filter(service=None).select_related("created_by").order_by("-valid_from", "-pk"))
    form = TargetForm(request.POST or None, initial={"valid_from": today})
    if request.method == "POST":
        if not request.user.is_org_admin:
            raise Http404("No such page.")
        if form.is_valid():
            data = form.cleaned_data
            actions.add_target(data["metric"], data["level"], data["valid_from"], by=request.user)
            messages.success(request, _("The target was added."))
            return redirect("metrics:target_list")
    rows = []
    for metric in metrics_with_targets(targets):
        history = [target for target in targets if target.metric_id == metric.pk]
        rows.append({"metric": metric, "current": in_force(history, today), "history": history})
    context = {"rows": rows, "form": form, "today": today}
    return render(request, "metrics/target_list.html", context, status=422 if form.errors else 200)


@login_required
def service_targets(request: HttpRequest, pk: int) -> HttpResponse:
    """The targets in force for one service: its own, or the organisation default it inherits."""
    role = Role.PRODUCT_OWNER if request.method == "POST" else Role.VIEWER
    service = get_service_for_user(request, pk, role=role)
    form = TargetForm(request.POST or None, service=service, initial={"valid_from": date.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.add_target(data["metric"], data["level"], data["valid_from"], service=service, by=request.user)
        messages.success(request, _("The target was added."))
        return redirect("metrics:service_targets", pk=service.pk)
    context = {"service": service, "rows": service_rows(service), "form": form, "today": date.today()}
    return render(request, "metrics/service_targets.html", context, status=422 if form.errors else 200)


def service_rows(service: Service) -> list[dict]:
    today = date.today()
    targets = list(
        Target.objects.filter(Q(service=None) | Q(service=service))
        .select_related("created_by")
        .order_by("-valid_from", "-pk")
    )
    rows = []
    for metric in metrics_with_targets([target for target in targets if target.service_id]):
        own = [target for target in targets if target.metric_id == metric.pk and target.service_id]
        defaults = [target for target in targets if target.metric_id == metric.pk and not target.service_id]
        current_own = in_force(own, today)
        rows.append(
            {
                "metric": metric,
                "current": current_own or in_force(defaults, today),
                "inherited": current_own is None,
                "history": own,
            }
        )
    return rows
