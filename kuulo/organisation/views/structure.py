"""Units, life events and the organisation's own names: set up by organisation admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kuulo.lib.views import render_form_page
from kuulo.organisation.access import org_admin_required, visible_services
from kuulo.organisation.forms import LifeEventForm, OrganisationForm, UnitForm
from kuulo.organisation.models import LifeEvent, Organisation, Unit


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    """The unit tree with the services the user can see in each unit."""
    units = list(Unit.objects.all())
    services_by_unit: dict[int, list] = {}
    for service in visible_services(request.user).order_by("name_fi"):
        services_by_unit.setdefault(service.unit_id, []).append(service)
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        unit.visible_services = services_by_unit.get(unit.pk, [])
        children.setdefault(unit.parent_id, []).append(unit)
    for unit in units:
        unit.sub_units = children.get(unit.pk, [])
    return render(request, "organisation/unit_list.html", {"roots": children.get(None, [])})


@org_admin_required
def unit_create(request: HttpRequest) -> HttpResponse:
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = form.save()
        messages.success(request, _("Unit “%(name)s” was created.") % {"name": unit.name})
        return redirect("organisation:unit_list")
    return render_form_page(
        request, form, title=_("New unit"), submit_label=_("Create unit"), cancel_url=reverse("organisation:unit_list")
    )


@org_admin_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit, pk=pk)
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect("organisation:unit_list")
    title = _("Edit unit: %(name)s") % {"name": unit.name}
    return render_form_page(
        request, form, title=title, submit_label=_("Save changes"), cancel_url=reverse("organisation:unit_list")
    )


@login_required
def life_event_list(request: HttpRequest) -> HttpResponse:
    services = Prefetch("services", queryset=visible_services(request.user).order_by("name_fi"))
    life_events = LifeEvent.objects.prefetch_related(services)
    return render(request, "organisation/life_event_list.html", {"life_events": life_events})


@org_admin_required
def life_event_create(request: HttpRequest) -> HttpResponse:
    form = LifeEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        life_event = form.save()
        messages.success(request, _("Life event “%(name)s” was created.") % {"name": life_event.name})
        return redirect("organisation:life_event_list")
    return render_form_page(
        request,
        form,
        title=_("New life event"),
        submit_label=_("Create life event"),
        cancel_url=reverse("organisation:life_event_list"),
    )


@org_admin_required
def life_event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    life_event = get_object_or_404(LifeEvent, pk=pk)
    form = LifeEventForm(request.POST or None, instance=life_event)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect("organisation:life_event_list")
    title = _("Edit life event: %(name)s") % {"name": life_event.name}
    return render_form_page(
        request, form, title=title, submit_label=_("Save changes"), cancel_url=reverse("organisation:life_event_list")
    )


@org_admin_required
def organisation_edit(request: HttpRequest) -> HttpResponse:
    organisation = Organisation.objects.first() or Organisation()
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect("organisation:home")
    return render_form_page(
        request,
        form,
        title=_("Organisation name"),
        submit_label=_("Save changes"),
        cancel_url=reverse("organisation:home"),
    )
