"""Personas, and the pain points and opportunities found on the steps of a journey map."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.backlog.models import BacklogItem
from kuulo.feedback.histograms import segment_values
from kuulo.journeys import actions
from kuulo.journeys.access import (
    get_journey_for_user,
    get_opportunity_for_user,
    get_pain_point_for_user,
    get_persona_for_user,
    get_service_opportunity_for_user,
    get_step_for_user,
)
from kuulo.journeys.forms import ItemFromOpportunityForm, OpportunityForm, PainPointForm, PersonaForm
from kuulo.journeys.models import Opportunity, Persona
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role
from kuulo.traceability.queries import targets

FINISHED = (BacklogItem.Status.DONE, BacklogItem.Status.VERIFIED)
SORTS = {
    "priority": "-priority",
    "customer": "-customer_value",
    "organisation": "-organisation_value",
    "effort": "effort",
}

# Personas


@login_required
def persona_list(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    personas = Persona.objects.filter(service=service).prefetch_related("maps")
    return render(request, "journeys/persona_list.html", {"service": service, "personas": personas})


@login_required
def persona_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    form = PersonaForm(request.POST or None, groups=segment_values(service, "customer_group"))
    if request.method == "POST" and form.is_valid():
        persona = form.save(commit=False)
        persona.service = service
        persona.save()
        messages.success(request, _("The persona was saved."))
        return redirect("journeys:persona_list", pk=service.pk)
    cancel = reverse("journeys:persona_list", args=[service.pk])
    return render_form_page(request, form, title=_("New persona"), submit_label=_("Save persona"), cancel_url=cancel)


@login_required
def persona_edit(request: HttpRequest, pk: int, persona_pk: int) -> HttpResponse:
    persona = get_persona_for_user(request, pk, persona_pk, role=Role.TEAM_MEMBER)
    groups = segment_values(persona.service, "customer_group")
    form = PersonaForm(request.POST or None, instance=persona, groups=groups)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect("journeys:persona_list", pk=pk)
    cancel = reverse("journeys:persona_list", args=[pk])
    return render_form_page(request, form, title=_("Edit persona"), submit_label=_("Save"), cancel_url=cancel)


# Pain points


@login_required
def pain_point_create(request: HttpRequest, pk: int, journey_pk: int, step_pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk, journey_pk, step_pk, role=Role.TEAM_MEMBER)
    form = PainPointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pain = form.save(commit=False)
        pain.step, pain.service_id = step, step.service.pk
        pain.save()
        messages.success(request, _("The pain point was added."))
        return redirect(step.get_absolute_url())
    title = _("New pain point at the step “%(step)s”") % {"step": step.name}
    return render_form_page(
        request, form, title=title, submit_label=_("Add pain point"), cancel_url=step.get_absolute_url()
    )


@require_POST
@login_required
def pain_point_delete(request: HttpRequest, pk: int, journey_pk: int, pain_pk: int) -> HttpResponse:
    pain = get_pain_point_for_user(request, pk, journey_pk, pain_pk, role=Role.TEAM_MEMBER)
    url = pain.step.get_absolute_url()
    pain.delete()
    messages.success(request, _("The pain point was removed."))
    return redirect(url)


# Opportunities


@login_required
def opportunity_create(request: HttpRequest, pk: int, journey_pk: int, step_pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk, journey_pk, step_pk, role=Role.TEAM_MEMBER)
    form = OpportunityForm(request.POST or None, step=step)
    if request.method == "POST" and form.is_valid():
        opportunity = form.save(commit=False)
        opportunity.step, opportunity.service_id = step, step.service.pk
        opportunity.save()
        form.save_m2m()
        messages.success(request, _("The opportunity was saved."))
        return redirect(step.get_absolute_url())
    title = _("New opportunity at the step “%(step)s”") % {"step": step.name}
    return render_form_page(
        request, form, title=title, submit_label=_("Save opportunity"), cancel_url=step.get_absolute_url()
    )


@login_required
def opportunity_edit(request: HttpRequest, pk: int, journey_pk: int, opportunity_pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk, journey_pk, opportunity_pk, role=Role.TEAM_MEMBER)
    form = OpportunityForm(request.POST or None, instance=opportunity, step=opportunity.step)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(opportunity.step.get_absolute_url())
    return render_form_page(
        request,
        form,
        title=_("Edit opportunity"),
        submit_label=_("Save"),
        cancel_url=opportunity.step.get_absolute_url(),
    )


@login_required
def opportunity_matrix(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    """Every opportunity of the map with its values, effort and priority, sortable; each with the
    progress of the backlog items it became (done or verified of all)."""
    journey = get_journey_for_user(request, pk, journey_pk)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "priority"
    opportunities = list(
        Opportunity.objects.filter(step__phase__journey=journey).select_related("step").prefetch_related("pain_points")
    )
    items = targets("opportunity", [opportunity.pk for opportunity in opportunities], "item")
    for opportunity in opportunities:
        linked = items.get(opportunity.pk, [])
        opportunity.items = linked
        done = sum(1 for item in linked if item.status in FINISHED)
        opportunity.done, opportunity.progress = done, round(done * 100 / len(linked)) if linked else None
    field, sign = SORTS[sort].lstrip("-"), -1 if SORTS[sort].startswith("-") else 1
    opportunities.sort(key=lambda opportunity: (sign * getattr(opportunity, field), opportunity.pk))
    columns = [
        ("priority", _("Priority")),
        ("customer", _("Value to customers")),
        ("organisation", _("Value to the organisation")),
        ("effort", _("Effort")),
    ]
    context = {"journey": journey, "service": journey.service, "opportunities": opportunities, "sort": sort}
    context["sort_columns"] = columns
    return render(request, "journeys/opportunity_matrix.html", context)


@login_required
def opportunity_item_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A new backlog item from an opportunity of the service, linked to it; `?opportunity=<id>`
    (where the traceability panel's "a new item from this opportunity" leads) chooses it."""
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    chosen = request.GET.get("opportunity", "")
    opportunity = get_service_opportunity_for_user(request, pk, chosen, role=Role.TEAM_MEMBER) if chosen else None
    initial = {"opportunity": opportunity.pk, "title": opportunity.title[:200]} if opportunity else {}
    form = ItemFromOpportunityForm(request.POST or None, initial=initial, service=service)
    if request.method == "POST" and form.is_valid():
        opportunity = form.cleaned_data["opportunity"]
        opportunity.service = service
        item = actions.item_from_opportunity(opportunity, request.user, form.item_title())
        messages.success(request, _("The backlog item was created from the opportunity."))
        return redirect("backlog:item_detail", pk=pk, item_pk=item.pk)
    context = {"form": form, "opportunity": opportunity, "service": service}
    return render(request, "journeys/opportunity_item.html", context, status=422 if form.errors else 200)
