"""The demo's development plan: the Housing Support unit's goals on the demo feedback."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.demo.backlog import load_demo_backlog
from kuulo.demo.feedback import load_feedback
from kuulo.demo.organisation import load_organisation
from kuulo.plans.demo import TITLE, load_demo_plan
from kuulo.plans.models import Plan
from kuulo.plans.queries import CANNOT_TELL, MET, NOT_YET, goal_figures

pytestmark = pytest.mark.django_db


def test_the_demo_plan_has_a_met_and_an_unmet_goal_actions_and_checkpoints_and_loads_once(client):
    load_organisation()
    load_feedback(days=75, scale=0.05)
    load_demo_backlog()
    plan = load_demo_plan()
    load_demo_plan()
    assert Plan.objects.filter(title=TITLE).count() == 1
    statuses = [figure.status for figure in goal_figures(plan)]
    assert MET in statuses and NOT_YET in statuses and CANNOT_TELL not in statuses
    assert "" in statuses  # and a written goal
    assert {goal.term for goal in plan.goals.all()} == {"short", "long"}
    assert plan.actions.count() >= 4
    now = timezone.now()
    assert plan.checkpoints.filter(starts_at__lt=now).count() == 1
    assert plan.checkpoints.filter(starts_at__gt=now).count() == 2
    assert all(checkpoint.attendees.count() == 4 for checkpoint in plan.checkpoints.all())

    client.force_login(type(plan.owner).objects.get(username="viewer"))
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 200
