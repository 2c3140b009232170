"""Who sees and who changes a development plan, built on kuulo.organisation.access.

- A service's plan: every member of the service reads it (viewers too: the
  management team); the product owner and organisation admins change it.
- A unit's plan: organisation admins, and anyone who is a member of a service
  in that unit or in a unit below it, read it; only organisation admins change it.

No visibility answers 404, too low a role 403, as for services; a goal or a
checkpoint of another plan than the URL's answers 404. An archived plan is
read-only: those who may change it may only unarchive or delete it.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.organisation.access import get_service_for_user, visible_services
from kuulo.organisation.models import Role, Unit
from kuulo.plans.models import Checkpoint, Goal, Plan


def visible_unit_ids(user) -> set[int]:
    """Units the user may see plans of: the units of their services and every unit above them."""
    if user.is_org_admin:
        return set(Unit.objects.values_list("pk", flat=True))
    parents = dict(Unit.objects.values_list("pk", "parent_id"))
    found: set[int] = set()
    for unit_id in visible_services(user).values_list("unit_id", flat=True).distinct():
        while unit_id is not None and unit_id not in found:
            found.add(unit_id)
            unit_id = parents.get(unit_id)
    return found


def visible_plans(user) -> QuerySet[Plan]:
    plans = Plan.objects.select_related("unit", "service", "owner")
    if user.is_org_admin:
        return plans
    return plans.filter(Q(service__in=visible_services(user)) | Q(unit_id__in=visible_unit_ids(user)))


def get_unit_for_user(request: HttpRequest, pk: int, *, manage: bool = False) -> Unit:
    unit = get_object_or_404(Unit, pk=pk)
    user = request.user
    if not user.is_authenticated or pk not in visible_unit_ids(user):
        raise Http404("No such unit.")
    if manage and not user.is_org_admin:
        raise PermissionDenied
    return unit


def get_plan_for_user(request: HttpRequest, pk: int, *, manage: bool = False) -> Plan:
    """The plan `pk` if the user may read it (or change it, with `manage`).

    The plan carries `can_manage` (may change, archive or delete it) and `can_change`
    (may change it now: `can_manage` and not archived) for templates."""
    plan = get_object_or_404(Plan.objects.select_related("unit", "service", "owner"), pk=pk)
    if plan.service_id:
        service = get_service_for_user(request, plan.service_id, role=Role.PRODUCT_OWNER if manage else Role.VIEWER)
        plan.can_manage = service.can_manage
    else:
        get_unit_for_user(request, plan.unit_id, manage=manage)
        plan.can_manage = request.user.is_org_admin
    plan.can_change = plan.can_manage and plan.archived_at is None
    return plan


def get_goal_for_user(request: HttpRequest, plan_pk: int, pk: int, *, manage: bool = False) -> Goal:
    """The goal `pk` of the plan `plan_pk`, as `get_plan_for_user`; `goal.plan` carries its flags."""
    plan = get_plan_for_user(request, plan_pk, manage=manage)
    goal = get_object_or_404(Goal, plan=plan, pk=pk)
    goal.plan = plan
    return goal


def get_checkpoint_for_user(request: HttpRequest, plan_pk: int, pk: int, *, manage: bool = False) -> Checkpoint:
    """The checkpoint `pk` of the plan `plan_pk`, as `get_plan_for_user`; `checkpoint.plan` carries its flags."""
    plan = get_plan_for_user(request, plan_pk, manage=manage)
    checkpoint = get_object_or_404(Checkpoint, plan=plan, pk=pk)
    checkpoint.plan = plan
    return checkpoint
