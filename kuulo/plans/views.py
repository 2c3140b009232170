"""Development plans: lists, the plan page, and the forms for the plan, its goals,
its actions and its checkpoints; archiving and deleting a plan. Access goes through
kuulo.plans.access; an archived plan is read-only (`changeable_plan`)."""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role, Unit
from kuulo.plans import actions
from kuulo.plans.access import (
    get_checkpoint_for_user,
    get_goal_for_user,
    get_plan_for_user,
    get_unit_for_user,
    visible_plans,
    visible_unit_ids,
)
from kuulo.plans.forms import ActionsForm, CheckpointForm, GoalForm, PlanForm
from kuulo.plans.models import Checkpoint, Goal, Plan
from kuulo.plans.queries import CURRENT_DAYS, goal_figures, plan_actions


def changeable_plan(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Calls `view(request, plan, ...)` with the plan `pk` for those who may change it (404 and
    403 as `get_plan_for_user`). An archived plan is read-only: back to its page with a note."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, **kwargs) -> HttpResponse:
        plan = get_plan_for_user(request, pk, manage=True)
        if plan.archived_at is not None:
            messages.error(request, _("The plan is archived. Unarchive it to change it."))
            return redirect("plans:plan_detail", pk=plan.pk)
        return view(request, plan, **kwargs)

    return wrapper


def _list(
    request: HttpRequest, plans, *, title: str, unit=None, service=None, create_url: str = "", filterable=False
) -> HttpResponse:
    """Plans in use, or with ?archived=1 the archived ones, which stay readable."""
    today = timezone.localdate()
    archived = request.GET.get("archived") == "1"
    archived_count = plans.filter(archived_at__isnull=False).count()
    plans = plans.filter(archived_at__isnull=not archived)
    plans = list(plans.order_by("-starts_on", "title"))
    for plan in plans:
        plan.is_current = plan.archived_at is None and plan.starts_on <= today <= plan.ends_on
    others = {key: value for key, value in request.GET.items() if key != "archived"}
    context = {
        "plans": plans,
        "title": title,
        "unit": unit,
        "service": service,
        "create_url": create_url,
        "units": Unit.objects.filter(pk__in=visible_unit_ids(request.user)).order_by("name_fi") if filterable else [],
        "archived": archived,
        "archived_count": archived_count,
        "in_use_url": f"{request.path}?{urlencode(others)}" if others else request.path,
        "archived_url": f"{request.path}?{urlencode({**others, 'archived': '1'})}",
    }
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """Every plan the user may read; ?unit= narrows to that unit's own plans."""
    plans = visible_plans(request.user)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = get_unit_for_user(request, int(request.GET["unit"]))
        plans = plans.filter(unit=unit)
    return _list(request, plans, title=_("Development plans"), unit=unit, filterable=True)


@login_required
def unit_plans(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request, pk)
    create_url = reverse("plans:unit_plan_create", args=[unit.pk]) if request.user.is_org_admin else ""
    title = _("Development plans of %(unit)s") % {"unit": unit}
    return _list(request, visible_plans(request.user).filter(unit=unit), title=title, unit=unit, create_url=create_url)


@login_required
def service_plans(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    create_url = reverse("plans:service_plan_create", args=[service.pk]) if service.can_manage else ""
    title = _("Development plans of %(service)s") % {"service": service}
    plans = Plan.objects.filter(service=service).select_related("service", "owner")
    return _list(request, plans, title=title, service=service, create_url=create_url)


def _plan_form(request: HttpRequest, plan: Plan, *, title: str, cancel_url: str) -> HttpResponse:
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        plan = form.save()
        messages.success(request, _("The plan was saved."))
        return redirect("plans:plan_detail", pk=plan.pk)
    return render_form_page(request, form, title=title, submit_label=_("Save"), cancel_url=cancel_url)


def _new_plan(request: HttpRequest, **owner) -> Plan:
    today = timezone.localdate()
    return Plan(owner=request.user, starts_on=today, ends_on=today.replace(year=today.year + 1), **owner)


@login_required
def service_plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    title = _("New development plan for %(service)s") % {"service": service}
    cancel = reverse("plans:service_plans", args=[service.pk])
    return _plan_form(request, _new_plan(request, service=service), title=title, cancel_url=cancel)


@login_required
def unit_plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request, pk, manage=True)
    title = _("New development plan for %(unit)s") % {"unit": unit}
    cancel = reverse("plans:unit_plans", args=[unit.pk])
    return _plan_form(request, _new_plan(request, unit=unit), title=title, cancel_url=cancel)


@login_required
@changeable_plan
def plan_edit(request: HttpRequest, plan: Plan) -> HttpResponse:
    title = _("Edit the plan %(plan)s") % {"plan": plan}
    return _plan_form(request, plan, title=title, cancel_url=reverse("plans:plan_detail", args=[plan.pk]))


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk)
    now = timezone.now()
    checkpoints = list(plan.checkpoints.prefetch_related("attendees").order_by("starts_at", "pk"))
    context = {
        "plan": plan,
        "goals": goal_figures(plan),
        "current_days": CURRENT_DAYS,
        "today": timezone.localdate(),
        "items": plan_actions(plan),
        "upcoming": [checkpoint for checkpoint in checkpoints if checkpoint.starts_at >= now],
        "past": [checkpoint for checkpoint in checkpoints if checkpoint.starts_at < now][::-1],
        "feed_url": request.build_absolute_uri(reverse("plans:feed", args=[plan.feed_token])),
    }
    return render(request, "plans/plan_detail.html", context)


# Goals


@login_required
@changeable_plan
def goal_create(request: HttpRequest, plan: Plan) -> HttpResponse:
    return _goal_form(request, plan, Goal(plan=plan), title=_("New goal"))


@login_required
@changeable_plan
def goal_edit(request: HttpRequest, plan: Plan, goal_pk: int) -> HttpResponse:
    goal = get_goal_for_user(request, plan.pk, goal_pk, manage=True)
    return _goal_form(request, plan, goal, title=_("Edit the goal"))


def _goal_form(request: HttpRequest, plan: Plan, goal: Goal, *, title: str) -> HttpResponse:
    form = GoalForm(request.POST or None, instance=goal, plan=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The goal was saved."))
        return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#goals")
    cancel = reverse("plans:plan_detail", args=[plan.pk])
    return render_form_page(request, form, title=title, submit_label=_("Save"), cancel_url=cancel)


@require_POST
@login_required
@changeable_plan
def goal_delete(request: HttpRequest, plan: Plan, goal_pk: int) -> HttpResponse:
    get_goal_for_user(request, plan.pk, goal_pk, manage=True).delete()
    messages.success(request, _("The goal was removed."))
    return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#goals")


# Actions


@login_required
@changeable_plan
def plan_actions_edit(request: HttpRequest, plan: Plan) -> HttpResponse:
    form = ActionsForm(request.POST or None, plan=plan, initial={"actions": plan.actions.all()})
    if request.method == "POST" and form.is_valid():
        actions.set_actions(plan, form.cleaned_data["actions"])
        messages.success(request, _("The plan's actions were saved."))
        return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#actions")
    title = _("Actions of the plan %(plan)s") % {"plan": plan}
    cancel = reverse("plans:plan_detail", args=[plan.pk])
    return render_form_page(request, form, title=title, submit_label=_("Save"), cancel_url=cancel)


# Checkpoints


@login_required
@changeable_plan
def checkpoint_create(request: HttpRequest, plan: Plan) -> HttpResponse:
    return _checkpoint_form(request, plan, Checkpoint(plan=plan), title=_("New checkpoint"))


@login_required
@changeable_plan
def checkpoint_edit(request: HttpRequest, plan: Plan, checkpoint_pk: int) -> HttpResponse:
    checkpoint = get_checkpoint_for_user(request, plan.pk, checkpoint_pk, manage=True)
    return _checkpoint_form(request, plan, checkpoint, title=_("Edit the checkpoint"))


def _checkpoint_form(request: HttpRequest, plan: Plan, checkpoint: Checkpoint, *, title: str) -> HttpResponse:
    form = CheckpointForm(request.POST or None, instance=checkpoint)
    if request.method == "POST" and form.is_valid():
        actions.save_checkpoint(form, plan)
        messages.success(request, _("The checkpoint was saved; subscribed calendars update on their next refresh."))
        return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#checkpoints")
    cancel = reverse("plans:plan_detail", args=[plan.pk])
    return render_form_page(request, form, title=title, submit_label=_("Save"), cancel_url=cancel)


@require_POST
@login_required
@changeable_plan
def checkpoint_delete(request: HttpRequest, plan: Plan, checkpoint_pk: int) -> HttpResponse:
    """Removes a checkpoint; subscribed calendars drop the event on their next refresh."""
    get_checkpoint_for_user(request, plan.pk, checkpoint_pk, manage=True).delete()
    messages.success(request, _("The checkpoint was removed; subscribed calendars drop it on their next refresh."))
    return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#checkpoints")


# Archiving and deleting


@require_POST
@login_required
def plan_archive(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk, manage=True)
    actions.archive_plan(plan)
    messages.success(
        request, _("The plan was archived. Its upcoming checkpoints leave the calendars on their next refresh.")
    )
    return redirect("plans:plan_detail", pk=plan.pk)


@require_POST
@login_required
def plan_unarchive(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk, manage=True)
    actions.unarchive_plan(plan)
    messages.success(request, _("The plan is in use again."))
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
def plan_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first (GET), deletes on POST and goes back to the list the plan was on."""
    plan = get_plan_for_user(request, pk, manage=True)
    if plan.service_id:
        back = reverse("plans:service_plans", args=[plan.service_id])
    else:
        back = reverse("plans:unit_plans", args=[plan.unit_id])
    if request.method == "POST":
        actions.delete_plan(plan)
        messages.success(request, _("The plan %(plan)s was deleted.") % {"plan": plan.title})
        return redirect(back)
    context = {
        "plan": plan,
        "goal_count": plan.goals.count(),
        "checkpoint_count": plan.checkpoints.count(),
        "items": plan.actions.select_related("service").order_by("service__name_fi", "rank", "id"),
    }
    return render(request, "plans/plan_delete.html", context)
