"""A goal's current value against its target, through the dashboards' rollups and scoring."""

import datetime

import pytest
from django.utils import timezone

from kuulo.plans.models import Goal, Plan
from kuulo.plans.queries import CANNOT_TELL, MET, NOT_YET, goal_figures
from tests.backlog.effect_data import answer, csat_survey
from tests.factories import ServiceFactory
from tests.plans.data import csat

pytestmark = pytest.mark.django_db


def measured_plan(service, values, *, days_ago=3, target=70, unit=None) -> Plan:
    """A plan of `service` (or of `unit`) with a CSAT goal, and `values` answered to `service`."""
    answer(csat_survey(service), timezone.localdate() - datetime.timedelta(days=days_ago), values)
    owner = {"unit": unit} if unit else {"service": service}
    plan = Plan.objects.create(title="P", starts_on="2026-01-01", ends_on="2027-12-31", **owner)
    Goal.objects.create(plan=plan, text="CSAT", metric=csat(), target_level=target, target_date="2027-06-30")
    return plan


def test_a_goal_above_its_target_is_met(service):
    (figure,) = goal_figures(measured_plan(service, [5] * 9 + [2] * 3))
    assert figure.status == MET
    assert round(figure.score.value) == 75 and figure.score.n == 12
    assert figure.score.ci_low < 75 < figure.score.ci_high


def test_a_goal_below_its_target_is_not_yet_met(service):
    (figure,) = goal_figures(measured_plan(service, [5] * 6 + [1] * 6))
    assert figure.status == NOT_YET
    assert "50%" in figure.sentence and "70%" in figure.sentence


def test_too_few_answers_cannot_tell(service):
    (figure,) = goal_figures(measured_plan(service, [5] * 9))
    assert figure.status == CANNOT_TELL
    assert figure.score.suppressed and figure.score.n == 9
    assert "9" in figure.sentence


def test_answers_older_than_the_window_do_not_count(service):
    (figure,) = goal_figures(measured_plan(service, [5] * 12, days_ago=100))
    assert figure.status == CANNOT_TELL and figure.score.n == 0
    shown = [row for row in figure.trend.rows if not row["hidden"]]
    assert len(shown) == 1  # the trend of the last twelve months still shows them


def test_a_unit_goal_sums_the_unit_s_services(service):
    sibling = ServiceFactory(unit=service.unit)
    answer(csat_survey(sibling), timezone.localdate() - datetime.timedelta(days=1), [5] * 6)
    plan = measured_plan(service, [5] * 6, unit=service.unit)
    (figure,) = goal_figures(plan)
    assert figure.score.n == 12 and figure.status == MET


def test_a_unit_goal_may_follow_one_service(service):
    sibling = ServiceFactory(unit=service.unit)
    answer(csat_survey(sibling), timezone.localdate() - datetime.timedelta(days=1), [1] * 20)
    plan = measured_plan(service, [5] * 12, unit=service.unit)
    plan.goals.update(service=service)
    (figure,) = goal_figures(plan)
    assert figure.score.n == 12 and figure.status == MET


def test_a_written_goal_has_no_status(service):
    plan = Plan.objects.create(service=service, title="P", starts_on="2026-01-01", ends_on="2027-12-31")
    Goal.objects.create(plan=plan, text="Selkeämpi kieli")
    (figure,) = goal_figures(plan)
    assert figure.status == "" and not figure.measurable and figure.trend is None
