"""Effect maps: the list, the outline (the accessible view that carries everything and where
keyboard and screen-reader users edit), the visual tree, and the forms of the map and its parts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kuulo.effectmaps import actions, pdf, queries
from kuulo.effectmaps.access import get_deliverable_of_service, get_map_for_user, get_part_for_user
from kuulo.effectmaps.forms import ActorForm, DeliverableForm, EffectMapForm, ImpactForm, ItemFromDeliverableForm
from kuulo.effectmaps.models import Actor, Deliverable, EffectMap, Impact
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role

# level: (form, parent level, texts)
LEVELS = {
    "actor": {
        "form": ActorForm,
        "parent": None,
        "new": gettext_lazy("New actor"),
        "add": gettext_lazy("Add actor"),
        "edit": gettext_lazy("Edit actor"),
        "delete": gettext_lazy("Delete actor"),
        "added": gettext_lazy("The actor was added."),
        "deleted": gettext_lazy("The actor was deleted."),
        "question": gettext_lazy("Delete this actor with its impacts and deliverables? This cannot be undone."),
    },
    "impact": {
        "form": ImpactForm,
        "parent": "actor",
        "new": gettext_lazy("New impact"),
        "add": gettext_lazy("Add impact"),
        "edit": gettext_lazy("Edit impact"),
        "delete": gettext_lazy("Delete impact"),
        "added": gettext_lazy("The impact was added."),
        "deleted": gettext_lazy("The impact was deleted."),
        "question": gettext_lazy("Delete this impact with its deliverables? This cannot be undone."),
    },
    "deliverable": {
        "form": DeliverableForm,
        "parent": "impact",
        "new": gettext_lazy("New deliverable"),
        "add": gettext_lazy("Add deliverable"),
        "edit": gettext_lazy("Edit deliverable"),
        "delete": gettext_lazy("Delete deliverable"),
        "added": gettext_lazy("The deliverable was added."),
        "deleted": gettext_lazy("The deliverable was deleted."),
        "question": gettext_lazy("Delete this deliverable? Its backlog items stay in the backlog."),
    },
}

# Maps


@login_required
def map_list(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    maps = EffectMap.objects.filter(service=service).select_related("metric", "plan_goal__metric", "owner")
    return render(request, "effectmaps/map_list.html", {"service": service, "maps": maps})


@login_required
def map_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = EffectMapForm(request.POST or None, service=service)
    if request.method == "POST" and form.is_valid():
        effect_map = form.save(commit=False)
        effect_map.service, effect_map.owner = service, request.user
        effect_map.save()
        messages.success(request, _("The effect map was created. Add the actors who can help or hinder the goal."))
        return redirect(effect_map)
    cancel = reverse("effectmaps:map_list", args=[service.pk])
    return render_form_page(
        request, form, title=_("New effect map"), submit_label=_("Create effect map"), cancel_url=cancel
    )


@login_required
def map_edit(request: HttpRequest, pk: int, map_pk: int) -> HttpResponse:
    effect_map = get_map_for_user(request, pk, map_pk, role=Role.TEAM_MEMBER)
    form = EffectMapForm(request.POST or None, instance=effect_map, service=effect_map.service)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(effect_map)
    return render_form_page(
        request, form, title=_("Edit effect map"), submit_label=_("Save"), cancel_url=effect_map.get_absolute_url()
    )


@login_required
def map_delete(request: HttpRequest, pk: int, map_pk: int) -> HttpResponse:
    effect_map = get_map_for_user(request, pk, map_pk, role=Role.PRODUCT_OWNER)
    if request.method == "POST":
        effect_map.delete()
        messages.success(request, _("The effect map was deleted."))
        return redirect("effectmaps:map_list", pk=pk)
    question = _("Delete this effect map with its actors, impacts and deliverables? Backlog items stay in the backlog.")
    return _confirm(request, _("Delete effect map"), effect_map.title, question, effect_map.get_absolute_url())


def _confirm(request, title: str, name: str, question: str, cancel_url: str) -> HttpResponse:
    context = {"title": title, "name": name, "question": question, "cancel_url": cancel_url}
    return render(request, "journeys/confirm_delete.html", context)


def _context(effect_map: EffectMap) -> dict:
    actors = queries.load(effect_map)
    target, by = effect_map.goal_target
    return {
        "effect_map": effect_map,
        "service": effect_map.service,
        "actors": actors,
        "goal_metric": effect_map.goal_metric,
        "goal_target": target,
        "goal_by": by,
        "measurement": effect_map.measurement,
    }


@login_required
def map_detail(request: HttpRequest, pk: int, map_pk: int) -> HttpResponse:
    """The outline: goal → actors → impacts → deliverables → backlog items, as nested headings and
    lists with the editing buttons; the goal's measured change."""
    effect_map = get_map_for_user(request, pk, map_pk)
    return render(request, "effectmaps/map_detail.html", _context(effect_map))


@login_required
def map_visual(request: HttpRequest, pk: int, map_pk: int) -> HttpResponse:
    """The same map as a tree from the goal on the left to the deliverables on the right; prints landscape."""
    effect_map = get_map_for_user(request, pk, map_pk)
    return render(request, "effectmaps/map_visual.html", _context(effect_map))


@login_required
def map_pdf(request: HttpRequest, pk: int, map_pk: int) -> HttpResponse:
    """The map as a PDF on A3 landscape (kuulo.effectmaps.pdf)."""
    effect_map = get_map_for_user(request, pk, map_pk)
    response = HttpResponse(pdf.map_pdf(_context(effect_map)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(effect_map.title) or "effect-map"}.pdf"'
    return response


# Actors, impacts and deliverables


def _anchor(effect_map: EffectMap, level: str, part) -> str:
    return f"{effect_map.get_absolute_url()}#{level}-{part.pk}"


def _form(level: str, request, effect_map: EffectMap, instance):
    form_class = LEVELS[level]["form"]
    if form_class is ImpactForm:
        return form_class(request.POST or None, instance=instance, service=effect_map.service)
    return form_class(request.POST or None, instance=instance)


@login_required
def part_create(request: HttpRequest, pk: int, map_pk: int, level: str, parent_pk: int | None = None) -> HttpResponse:
    texts = LEVELS[level]
    if texts["parent"]:
        parent = get_part_for_user(request, pk, map_pk, texts["parent"], parent_pk, role=Role.TEAM_MEMBER)
        effect_map = parent.map
    else:
        parent, effect_map = None, get_map_for_user(request, pk, map_pk, role=Role.TEAM_MEMBER)
    if level == "actor":
        instance = Actor(effect_map=effect_map)
    elif level == "impact":
        instance = Impact(actor=parent)
    else:
        instance = Deliverable(impact=parent, service_id=effect_map.service.pk)
    form = _form(level, request, effect_map, instance)
    if request.method == "POST" and form.is_valid():
        part = actions.add_last(form.save(commit=False))
        messages.success(request, texts["added"])
        return redirect(_anchor(effect_map, level, part))
    title = f"{texts['new']}: {parent}" if parent else str(texts["new"])
    return render_form_page(
        request, form, title=title, submit_label=texts["add"], cancel_url=effect_map.get_absolute_url()
    )


@login_required
def part_edit(request: HttpRequest, pk: int, map_pk: int, level: str, part_pk: int) -> HttpResponse:
    part = get_part_for_user(request, pk, map_pk, level, part_pk, role=Role.TEAM_MEMBER)
    form = _form(level, request, part.map, part)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(_anchor(part.map, level, part))
    return render_form_page(
        request, form, title=LEVELS[level]["edit"], submit_label=_("Save"), cancel_url=_anchor(part.map, level, part)
    )


@login_required
def part_delete(request: HttpRequest, pk: int, map_pk: int, level: str, part_pk: int) -> HttpResponse:
    part = get_part_for_user(request, pk, map_pk, level, part_pk, role=Role.TEAM_MEMBER)
    texts = LEVELS[level]
    if request.method == "POST":
        part.delete()
        messages.success(request, texts["deleted"])
        return redirect(part.map)
    return _confirm(request, texts["delete"], str(part), texts["question"], _anchor(part.map, level, part))


@require_POST
@login_required
def part_move(request: HttpRequest, pk: int, map_pk: int, level: str, part_pk: int) -> HttpResponse:
    part = get_part_for_user(request, pk, map_pk, level, part_pk, role=Role.TEAM_MEMBER)
    actions.move(part, "up" if request.POST.get("direction") == "up" else "down")
    return redirect(_anchor(part.map, level, part))


@login_required
def deliverable_item_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A new backlog item from a deliverable of the service, linked to it; `?deliverable=<id>`
    (where the traceability panel's "a new item from this deliverable" leads) chooses it."""
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    chosen = request.GET.get("deliverable", "")
    deliverable = get_deliverable_of_service(request, pk, chosen, role=Role.TEAM_MEMBER) if chosen else None
    initial = {"deliverable": deliverable.pk, "title": deliverable.title[:200]} if deliverable else {}
    form = ItemFromDeliverableForm(request.POST or None, initial=initial, service=service)
    if request.method == "POST" and form.is_valid():
        deliverable = form.cleaned_data["deliverable"]
        deliverable.service = service
        item = actions.item_from_deliverable(deliverable, request.user, form.item_title())
        messages.success(request, _("The backlog item was created from the deliverable."))
        return redirect("backlog:item_detail", pk=pk, item_pk=item.pk)
    context = {"form": form, "deliverable": deliverable, "service": service}
    return render(request, "effectmaps/deliverable_item.html", context, status=422 if form.errors else 200)
