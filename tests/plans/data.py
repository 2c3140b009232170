"""A development plan with goals, actions and checkpoints, for the plans tests and tests/pages.py."""

import datetime

from django.utils import timezone

from kuulo.backlog import actions as backlog_actions
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Membership
from kuulo.plans.models import Checkpoint, Goal, Plan
from tests.backlog.effect_data import answer, csat_survey


def csat() -> Metric:
    return Metric.objects.get(code="csat", version=1)


def plan_for(service, *, answers: list[int] | None = None, **fields) -> Plan:
    """A service's plan: a met CSAT goal (when the answers carry it), a written goal, two actions
    (one done, one late) and a past and an upcoming checkpoint with the service's people attending."""
    survey = csat_survey(service)
    today = timezone.localdate()
    if answers is None:
        answers = [5, 5, 4, 4, 5, 3, 4, 5, 5, 4, 2, 5]  # 10 of 12 satisfied: 83 %, above the 70 % target
    answer(survey, today - datetime.timedelta(days=3), answers)
    plan = Plan.objects.create(
        service=service,
        title=fields.pop("title", "Asumistuen kehityssuunnitelma"),
        responsible_team="Asumistuen tiimi",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=300),
        **fields,
    )
    Goal.objects.create(
        plan=plan,
        term=Goal.Term.SHORT,
        text="Asiakastyytyväisyys vähintään 70 %",
        metric=csat(),
        target_level=70,
        target_date=today + datetime.timedelta(days=90),
    )
    Goal.objects.create(plan=plan, term=Goal.Term.LONG, text="Hakemus onnistuu ensimmäisellä yrityksellä.")
    done = backlog_actions.create_item(
        service, None, title="Liitteiden lähetys mobiilissa", status="done", expected_metric=csat()
    )
    late = backlog_actions.create_item(
        service, None, title="Selkokielinen ohje", status="in_progress", due_date=today - datetime.timedelta(days=5)
    )
    plan.actions.set([done, late])
    people = [membership.user for membership in Membership.objects.filter(service=service)]
    past = Checkpoint.objects.create(
        plan=plan, title="Aloituspalaveri", starts_at=timezone.now() - datetime.timedelta(days=30), location="Sali 1"
    )
    upcoming = Checkpoint.objects.create(
        plan=plan,
        title="Johtoryhmän katselmointi",
        starts_at=timezone.now() + datetime.timedelta(days=7),
        duration_minutes=90,
        location="Neuvotteluhuone Kuulo",
        notes="Käydään läpi tavoitteet ja myöhässä olevat toimenpiteet.",
    )
    for checkpoint in (past, upcoming):
        checkpoint.attendees.set(people)
    return plan


def plan_args(service) -> list:
    return [plan_for(service).pk]


def goal_args(service) -> list:
    plan = plan_for(service)
    return [plan.pk, plan.goals.first().pk]


def checkpoint_args(service) -> list:
    plan = plan_for(service)
    return [plan.pk, plan.checkpoints.order_by("starts_at").last().pk]


def service_with_plan(service) -> list:
    plan_for(service)
    return [service.pk]


def everyone_with_plan(service) -> list:
    plan_for(service)
    return []


def unit_with_plan(service) -> list:
    Plan.objects.create(
        unit=service.unit,
        title="Yksikön kehityssuunnitelma",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=365),
    )
    return [service.unit_id]
