"""Journey maps, their phases and steps: the outline (the accessible table that carries
everything and where keyboard and screen-reader users edit), the visual view and the forms."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from django.views.decorators.http import require_GET, require_POST

import kuulo.audit as audit
from kuulo.effects.public_views import LANGUAGES, page_language
from kuulo.journeys import actions, figures, pdf, queries
from kuulo.journeys.access import get_journey_for_user, get_phase_for_user, get_step_for_user
from kuulo.journeys.forms import JourneyForm, PhaseForm, StepForm
from kuulo.journeys.fragments import MapFragments
from kuulo.journeys.models import JourneyMap, Persona, Step
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user, roles_from
from kuulo.organisation.models import Role
from kuulo.organisation.public import render_public
from kuulo.traceability.queries import sources

# Maps


@login_required
def journey_list(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    journeys = JourneyMap.objects.filter(service=service).select_related("persona", "life_event", "owner")
    return render(request, "journeys/journey_list.html", {"service": service, "journeys": journeys})


def _owners(service):
    team = roles_from(Role.TEAM_MEMBER)
    return (
        get_user_model()
        .objects.filter(memberships__service=service, memberships__role__in=team)
        .order_by("last_name", "first_name", "username")
    )


@login_required
def journey_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = JourneyForm(
        request.POST or None, service=service, owners=_owners(service), initial={"owner": request.user.pk}
    )
    if request.method == "POST" and form.is_valid():
        journey = form.save(commit=False)
        journey.service = service
        journey.save()
        messages.success(request, _("The journey map was created. Add its first phase."))
        return redirect(journey)
    return render_form_page(
        request,
        form,
        title=_("New journey map"),
        submit_label=_("Create journey map"),
        cancel_url=reverse("journeys:journey_list", args=[service.pk]),
    )


@login_required
def journey_edit(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, journey_pk, role=Role.TEAM_MEMBER)
    service = journey.service
    form = JourneyForm(request.POST or None, instance=journey, service=service, owners=_owners(service))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(journey)
    return render_form_page(
        request, form, title=_("Edit journey map"), submit_label=_("Save"), cancel_url=journey.get_absolute_url()
    )


@login_required
def journey_delete(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, journey_pk, role=Role.PRODUCT_OWNER)
    if request.method == "POST":
        with transaction.atomic():
            audit.record(request, "journey.deleted", journey)
            journey.delete()
        messages.success(request, _("The journey map was deleted."))
        return redirect("journeys:journey_list", pk=pk)
    question = _(
        "Delete this journey map with its phases, steps, pain points and opportunities? This cannot be undone."
    )
    return _confirm(
        request, journey.service, _("Delete journey map"), journey.title, question, journey.get_absolute_url()
    )


def _confirm(request, service, title: str, name: str, question: str, cancel_url: str) -> HttpResponse:
    context = {"service": service, "title": title, "name": name, "question": question, "cancel_url": cancel_url}
    return render(request, "journeys/confirm_delete.html", context)


def _map_context(request: HttpRequest, journey: JourneyMap) -> dict:
    phases = queries.load(journey)
    steps = queries.steps_of(phases)
    personas = list(Persona.objects.filter(service=journey.service))
    columns = sum(phase.span for phase in phases)
    lanes = [
        ("does", _("The customer does")),
        ("thinks", _("The customer thinks")),
        ("feels", _("The customer feels")),
        ("channel", _("Channel")),
        ("touchpoint", _("Touchpoint")),
        ("backstage", _("Backstage")),
    ]
    fragments = MapFragments(request, journey, personas, lanes)
    curves = queries.curves(phases, personas, _curve_summary)
    for number, curve in enumerate(curves, start=1):
        curve.marks = fragments.curve_marks(curve, number)
    return {
        "fragments": fragments,
        "journey": journey,
        "service": journey.service,
        "phases": phases,
        "steps": steps,
        "personas": personas,
        "curves": curves,
        "live_days": figures.DAYS,
        "column": queries.COLUMN,
        "curve_height": queries.CURVE_HEIGHT,
        "curve_zero": queries.CURVE_HEIGHT // 2,
        "lanes": lanes,
        "columns": columns,
        "curve_width": max(columns, 1) * queries.COLUMN,
    }


def _curve_summary(persona: Persona, scored: list) -> str:
    parts = [f"{step.name}: {score:+d}" if score else f"{step.name}: 0" for _index, step, score in scored]
    return _("Emotion curve of %(persona)s: %(points)s") % {"persona": persona.name, "points": "; ".join(parts)}


@login_required
def journey_detail(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    """The outline: every phase and step with all their lanes, as headings and tables; the
    editing buttons for team members."""
    journey = get_journey_for_user(request, pk, journey_pk)
    context = _map_context(request, journey)
    fragments = context["fragments"]
    context["heat_items"] = fragments.heat_strip(context["steps"])
    for phase in context["phases"]:
        last = len(phase.step_list) - 1
        for index, step in enumerate(phase.step_list):
            step.outline_html = fragments.outline_step(step, index == 0, index == last)
    if journey.share_token and journey.service.can_manage:
        context["share_url"] = request.build_absolute_uri(
            reverse("journeys:shared_journey", args=[journey.share_token])
        )
    return render(request, "journeys/journey_detail.html", context)


@require_POST
@login_required
def journey_copy(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    """A future-state copy of the map, to redesign the journey with the current one beside it."""
    journey = get_journey_for_user(request, pk, journey_pk, role=Role.PRODUCT_OWNER)
    copy = actions.copy_as_future(journey, request.user)
    messages.success(
        request, _("A future-state copy was made. Each step shows the current values beside the new ones.")
    )
    return redirect(copy)


@require_POST
@login_required
def journey_share(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    """A new read-only share link for the map (replacing any older one), or none: `revoke`."""
    journey = get_journey_for_user(request, pk, journey_pk, role=Role.PRODUCT_OWNER)
    if request.POST.get("revoke"):
        actions.revoke_share(journey)
        messages.success(request, _("The share link no longer works."))
    else:
        actions.share(journey)
        messages.success(request, _("A new share link was made. An older link no longer works."))
    return redirect(f"{journey.get_absolute_url()}#share")


@require_GET
def shared_journey(request: HttpRequest, token: str) -> HttpResponse:
    """The visual view of a shared map, read-only and without logging in, for workshop participants."""
    if not token:
        raise Http404("No such map.")
    journey = get_object_or_404(
        JourneyMap.objects.select_related("service", "persona", "life_event"), share_token=token
    )
    language = page_language(request)
    with override(language):
        context = {**_map_context(request, journey), "shared": True}
        context["grid"] = context["fragments"].grid_rows(context["phases"], shared=True)
        response = render_public(request, "journeys/shared.html", context, language=language, languages=LANGUAGES)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def journey_visual(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    """The same map as a grid of lanes across the steps, with the emotion curve; prints on A3."""
    journey = get_journey_for_user(request, pk, journey_pk)
    context = _map_context(request, journey)
    context["grid"] = context["fragments"].grid_rows(context["phases"], shared=False)
    return render(request, "journeys/journey_visual.html", context)


@login_required
def journey_pdf(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    """The map as a PDF on A3 landscape (kuulo.journeys.pdf)."""
    journey = get_journey_for_user(request, pk, journey_pk)
    response = HttpResponse(pdf.journey_pdf(_map_context(request, journey)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(journey.title) or "journey"}.pdf"'
    return response


# Phases


@login_required
def phase_create(request: HttpRequest, pk: int, journey_pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, journey_pk, role=Role.TEAM_MEMBER)
    form = PhaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        phase = actions.add_phase(journey, form.save(commit=False))
        messages.success(request, _("The phase was added."))
        return redirect(f"{journey.get_absolute_url()}#phase-{phase.pk}")
    return render_form_page(
        request, form, title=_("New phase"), submit_label=_("Add phase"), cancel_url=journey.get_absolute_url()
    )


@login_required
def phase_edit(request: HttpRequest, pk: int, journey_pk: int, phase_pk: int) -> HttpResponse:
    phase = get_phase_for_user(request, pk, journey_pk, phase_pk, role=Role.TEAM_MEMBER)
    form = PhaseForm(request.POST or None, instance=phase)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(f"{phase.journey.get_absolute_url()}#phase-{phase.pk}")
    return render_form_page(
        request, form, title=_("Edit phase"), submit_label=_("Save"), cancel_url=phase.journey.get_absolute_url()
    )


@login_required
def phase_delete(request: HttpRequest, pk: int, journey_pk: int, phase_pk: int) -> HttpResponse:
    phase = get_phase_for_user(request, pk, journey_pk, phase_pk, role=Role.TEAM_MEMBER)
    journey = phase.journey
    if request.method == "POST":
        phase.delete()
        messages.success(request, _("The phase was deleted."))
        return redirect(journey)
    count = phase.steps.count()
    question = ngettext(
        "Delete this phase and its %(count)s step? This cannot be undone.",
        "Delete this phase and its %(count)s steps? This cannot be undone.",
        count,
    ) % {"count": count}
    return _confirm(request, journey.service, _("Delete phase"), phase.name, question, journey.get_absolute_url())


@require_POST
@login_required
def phase_move(request: HttpRequest, pk: int, journey_pk: int, phase_pk: int) -> HttpResponse:
    phase = get_phase_for_user(request, pk, journey_pk, phase_pk, role=Role.TEAM_MEMBER)
    actions.move(phase, "up" if request.POST.get("direction") == "up" else "down")
    return redirect(f"{phase.journey.get_absolute_url()}#phase-{phase.pk}")


# Steps


def _step_form(request: HttpRequest, journey: JourneyMap, step: Step, emotions=None) -> StepForm:
    return StepForm(
        request.POST or None,
        instance=step,
        service=journey.service,
        personas=Persona.objects.filter(service=journey.service),
        touchpoints=figures.touchpoint_choices(journey.service),
        emotions=emotions,
    )


@login_required
def step_create(request: HttpRequest, pk: int, journey_pk: int, phase_pk: int) -> HttpResponse:
    phase = get_phase_for_user(request, pk, journey_pk, phase_pk, role=Role.TEAM_MEMBER)
    journey = phase.journey
    form = _step_form(request, journey, Step(process=phase.process))
    if request.method == "POST" and form.is_valid():
        step = actions.add_step(phase, form.save(commit=False), request.user, form.emotions())
        messages.success(request, _("The step was added."))
        return redirect(f"{journey.get_absolute_url()}#step-{step.pk}")
    title = _("New step in the phase “%(phase)s”") % {"phase": phase.name}
    return _step_page(request, form, journey, title, _("Add step"), stale=None)


def _step_page(request, form, journey, title: str, submit_label: str, stale: Step | None) -> HttpResponse:
    context = {
        "form": form,
        "journey": journey,
        "service": journey.service,
        "title": title,
        "submit_label": submit_label,
    }
    context["stale"] = stale
    status = 409 if stale else 422 if form.errors else 200
    return render(request, "journeys/step_form.html", context, status=status)


@login_required
def step_detail(request: HttpRequest, pk: int, journey_pk: int, step_pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk, journey_pk, step_pk)
    journey = step.phase.journey
    step.cells = figures.step_cells(journey.service, [step]).get(step.pk, [])
    pain_points = list(step.pain_points.all())
    comments = sources("pain_point", [pain.pk for pain in pain_points], "comment")
    insights = sources("pain_point", [pain.pk for pain in pain_points], "insight")
    for pain in pain_points:
        pain.comments, pain.insights = comments.get(pain.pk, []), insights.get(pain.pk, [])
    names = dict(figures.touchpoint_choices(journey.service))
    context = {
        "step": step,
        "journey": journey,
        "service": journey.service,
        "emotions": step.emotions.select_related("persona"),
        "pain_points": pain_points,
        "opportunities": list(step.opportunities.all()),
        "live_days": figures.DAYS,
        "touchpoints": [names.get(code, code) for code in step.measured_touchpoints],
        "themes": figures.step_themes(journey.service, step),
    }
    return render(request, "journeys/step_detail.html", context)


@login_required
def step_edit(request: HttpRequest, pk: int, journey_pk: int, step_pk: int) -> HttpResponse:
    """Saves only when nobody saved the step since the form was opened; otherwise answers 409
    with who changed it, and keeps what this person wrote in the form."""
    step = get_step_for_user(request, pk, journey_pk, step_pk, role=Role.TEAM_MEMBER)
    journey = step.phase.journey
    emotions = dict(step.emotions.values_list("persona_id", "score"))
    form = _step_form(request, journey, step, emotions)
    title = _("Edit step")
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_step(
                form.instance, list(form.Meta.fields), request.user, form.cleaned_data.get("version"), form.emotions()
            )
        except actions.StaleStep as stale:
            return _step_page(request, form, journey, title, _("Save"), stale=stale.step)
        messages.success(request, _("Your changes were saved."))
        return redirect(f"{journey.get_absolute_url()}#step-{step.pk}")
    return _step_page(request, form, journey, title, _("Save"), stale=None)


@login_required
def step_delete(request: HttpRequest, pk: int, journey_pk: int, step_pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk, journey_pk, step_pk, role=Role.TEAM_MEMBER)
    journey = step.phase.journey
    if request.method == "POST":
        step.delete()
        messages.success(request, _("The step was deleted."))
        return redirect(journey)
    question = _("Delete this step with its pain points and opportunities? This cannot be undone.")
    return _confirm(request, journey.service, _("Delete step"), step.name, question, journey.get_absolute_url())


@require_POST
@login_required
def step_move(request: HttpRequest, pk: int, journey_pk: int, step_pk: int) -> HttpResponse:
    step = get_step_for_user(request, pk, journey_pk, step_pk, role=Role.TEAM_MEMBER)
    actions.move(step, "up" if request.POST.get("direction") == "up" else "down")
    return redirect(f"{step.phase.journey.get_absolute_url()}#step-{step.pk}")
