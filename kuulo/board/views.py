"""The team board (columns by status with limits on work in progress) and the weekly follow-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.backlog import actions
from kuulo.backlog.access import get_item_for_user
from kuulo.backlog.models import BacklogItem
from kuulo.board import queries as board_queries
from kuulo.board.forms import MoveForm, UnitFilter, WipLimitsForm, parse_week
from kuulo.board.queries import Week
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user, visible_services
from kuulo.organisation.models import Role, Unit


def _board_context(service, moved: BacklogItem | None = None) -> dict:
    return {
        "service": service,
        "board": board_queries.board(service),
        "statuses": BacklogItem.Status.choices,
        "moved": moved,
    }


@login_required
@vary_on_headers("HX-Request")
def board(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    template = "board/_board.html" if request.htmx else "board/board.html"
    return render(request, template, _board_context(service))


@login_required
@require_POST
def board_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Moves a card to another status; answers the board fragment (htmx) or redirects to the board."""
    item = get_item_for_user(request, pk, item_pk, role=Role.TEAM_MEMBER)
    service = item.service
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose one of the statuses."))
    actions.change_status(item, request.user, form.cleaned_data["status"])
    if request.htmx:
        return render(request, "board/_board.html", _board_context(service, moved=item))
    messages.success(
        request,
        _("“%(title)s” is now in “%(status)s”.") % {"title": item.title, "status": item.get_status_display()},
    )
    return redirect(reverse("board:board", args=[service.pk]) + f"#item-{item.pk}")


@login_required
def board_limits(request: HttpRequest, pk: int) -> HttpResponse:
    """The product owner's limits on work in progress, one per column."""
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = WipLimitsForm(request.POST or None, service=service)
    if request.method == "POST" and form.is_valid():
        board_queries.save_wip_limits(service, form.limits())
        messages.success(request, _("The limits were saved."))
        return redirect("board:board", pk=service.pk)
    return render_form_page(
        request,
        form,
        title=_("Limits on work in progress: %(service)s") % {"service": service},
        submit_label=_("Save limits"),
        cancel_url=reverse("board:board", args=[service.pk]),
    )


# The weekly follow-up


def _week_from(request: HttpRequest) -> Week | None:
    value = request.GET.get("week")
    if not value:
        return Week.of(timezone.localdate())
    try:
        return Week(parse_week(value))
    except ValueError:
        return None


def _bad_week() -> HttpResponse:
    return HttpResponseBadRequest(_("Write the week as year and week number, for example 2026-W47."))


@login_required
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    week = _week_from(request)
    if week is None:
        return _bad_week()
    context = {
        "service": service,
        "week": week,
        "this_week": Week.of(timezone.localdate()),
        "entry": board_queries.follow_up([service], week)[0],
        "filters": None,
    }
    return render(request, "board/followup.html", context)


@login_required
def follow_up_organisation(request: HttpRequest) -> HttpResponse:
    """The weekly follow-up of every service the user may see, optionally of one unit."""
    week = _week_from(request)
    if week is None:
        return _bad_week()
    services = visible_services(request.user).select_related("unit")
    filters = UnitFilter(request.GET, units=Unit.objects.all())
    if not filters.is_valid():
        return HttpResponseBadRequest(_("Choose one of the units."))
    services = board_queries.services_in_unit(services, filters.cleaned_data.get("unit"))
    entries = board_queries.follow_up(list(services.order_by("name_fi")), week)
    context = {
        "service": None,
        "week": week,
        "this_week": Week.of(timezone.localdate()),
        "entries": [entry for entry in entries if not entry.is_empty],
        "quiet": [entry.service for entry in entries if entry.is_empty],
        "filters": filters,
        "unit_query": f"&unit={filters.cleaned_data['unit'].pk}" if filters.cleaned_data.get("unit") else "",
    }
    return render(request, "board/followup.html", context)
