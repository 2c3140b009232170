"""The roadmap: items as now / next / later and on a timeline by month or quarter, per service and for all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.backlog import actions
from kuulo.backlog.access import get_item_for_user
from kuulo.backlog.models import BacklogItem
from kuulo.board import queries as board_queries
from kuulo.board.forms import RoadmapFilters, ScheduleForm
from kuulo.organisation.access import get_service_for_user, services_with_role, visible_services
from kuulo.organisation.models import Role, Unit


def _schedule_form(item: BacklogItem) -> ScheduleForm:
    initial = {"horizon": item.horizon, "planned_month": item.planned_month}
    return ScheduleForm(initial=initial, prefix=f"item-{item.pk}")


def _roadmap_context(service, by: str, **extra) -> dict:
    """The service's roadmap; for a product owner every item outside the timeline carries its schedule form."""
    roadmap = board_queries.roadmap([service], by=by)
    if service.can_manage:
        for item in roadmap.editable_items():
            item.schedule_form = _schedule_form(item)
    return {"service": service, "roadmap": roadmap, "organisation": False, "by": by, **extra}


@login_required
@vary_on_headers("HX-Request")
def roadmap(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    filters = RoadmapFilters(request.GET)
    if not filters.is_valid():
        return HttpResponseBadRequest(_("Choose month or quarter."))
    by = filters.cleaned_data["by"] or "month"
    context = _roadmap_context(service, by, filters=filters)
    template = "board/_roadmap_body.html" if request.htmx else "board/roadmap.html"
    return render(request, template, context)


@login_required
def roadmap_organisation(request: HttpRequest) -> HttpResponse:
    """The roadmap of every service the user may see, optionally of one unit."""
    filters = RoadmapFilters(request.GET, units=Unit.objects.all())
    if not filters.is_valid():
        return HttpResponseBadRequest(_("Choose month or quarter, and one of the units."))
    services = board_queries.services_in_unit(visible_services(request.user), filters.cleaned_data.get("unit"))
    by = filters.cleaned_data["by"] or "month"
    roadmap = board_queries.roadmap(services, by=by)
    managed = set(services_with_role(request.user, Role.PRODUCT_OWNER).values_list("pk", flat=True))
    for _code, _label, items in roadmap.horizons:
        for item in items:
            if item.service_id in managed:
                item.schedule_form = _schedule_form(item)
    context = {
        "service": None,
        "roadmap": roadmap,
        "organisation": True,
        "filters": filters,
        "by": by,
    }
    return render(request, "board/roadmap.html", context)


def _next_url(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@login_required
@require_POST
def roadmap_schedule(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """The product owner moves an item to another horizon or month (htmx: the roadmap's body)."""
    item = get_item_for_user(request, pk, item_pk, role=Role.PRODUCT_OWNER)
    service = item.service
    form = ScheduleForm(request.POST, prefix=f"item-{item.pk}")
    by = "quarter" if request.POST.get("by") == "quarter" else "month"
    if not form.is_valid():
        if request.htmx:
            context = _roadmap_context(service, by, filters=None)
            for shown in context["roadmap"].editable_items():
                if shown.pk == item.pk:
                    shown.schedule_form = form
            return render(request, "board/_roadmap_body.html", {**context, "edited": item.pk}, status=422)
        messages.error(request, _("Write the month as year and month, for example 2026-11."))
        return redirect(_next_url(request, reverse("board:roadmap", args=[service.pk]) + f"?by={by}"))
    actions.update_item(
        item, request.user, horizon=form.cleaned_data["horizon"], planned_month=form.cleaned_data["planned_month"]
    )
    if request.htmx:
        return render(request, "board/_roadmap_body.html", _roadmap_context(service, by, moved=item, filters=None))
    messages.success(request, _("The schedule of “%(title)s” was saved.") % {"title": item.title})
    fallback = reverse("board:roadmap", args=[service.pk]) + f"?by={by}"
    return redirect(_next_url(request, fallback) + f"#item-{item.pk}")
