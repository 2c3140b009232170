"""Development plans: who sees and changes them, the forms, and the plan page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog import actions as backlog_actions
from kuulo.organisation.models import Role
from kuulo.plans.models import Checkpoint, Goal, Plan
from tests.factories import MembershipFactory, ServiceFactory, UnitFactory
from tests.plans.data import csat, plan_for

pytestmark = pytest.mark.django_db


def test_product_owner_creates_a_plan_for_the_service(client_as, service, product_owner):
    data = {
        "title": "Kehityssuunnitelma 2027",
        "responsible_team": "Verkkotiimi",
        "owner": product_owner.pk,
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
    }
    response = client_as("product_owner").post(reverse("plans:service_plan_create", args=[service.pk]), data)
    plan = Plan.objects.get(service=service)
    assert response.status_code == 302
    assert response.url == reverse("plans:plan_detail", args=[plan.pk])
    assert (plan.title, plan.owner, plan.unit) == ("Kehityssuunnitelma 2027", product_owner, None)


def test_a_plan_cannot_end_before_it_starts(client_as, service):
    data = {"title": "Väärin päin", "starts_on": "2027-12-31", "ends_on": "2027-01-01"}
    response = client_as("product_owner").post(reverse("plans:service_plan_create", args=[service.pk]), data)
    assert response.status_code == 422
    assert not Plan.objects.exists()


@pytest.mark.parametrize("role", ["team_member", "viewer"])
def test_team_members_and_viewers_cannot_change_a_plan(client_as, service, role):
    plan = plan_for(service)
    response = client_as(role).post(reverse("plans:plan_edit", args=[plan.pk]), {"title": "Muutettu"})
    assert response.status_code == 403
    assert client_as(role).post(reverse("plans:feed_rotate", args=[plan.pk])).status_code == 403


def test_outsider_gets_404_for_every_plan_url(client_as, service):
    plan = plan_for(service)
    goal, checkpoint = plan.goals.first(), plan.checkpoints.first()
    client = client_as("outsider")
    for name, args in [
        ("plans:plan_detail", [plan.pk]),
        ("plans:goal_delete", [plan.pk, goal.pk]),
        ("plans:checkpoint_report_pdf", [plan.pk, checkpoint.pk]),
        ("plans:feed_rotate", [plan.pk]),
    ]:
        assert client.post(reverse(name, args=args)).status_code == 404, name


def test_only_org_admins_create_and_change_unit_plans(client_as, service):
    url = reverse("plans:unit_plan_create", args=[service.unit_id])
    data = {"title": "Yksikön suunnitelma", "starts_on": "2027-01-01", "ends_on": "2027-12-31"}
    assert client_as("product_owner").post(url, data).status_code == 403
    assert client_as("admin").post(url, data).status_code == 302
    plan = Plan.objects.get(unit=service.unit)
    assert client_as("product_owner").get(reverse("plans:plan_edit", args=[plan.pk])).status_code == 403
    assert client_as("admin").get(reverse("plans:plan_edit", args=[plan.pk])).status_code == 200


def test_members_of_a_service_below_the_unit_see_its_plans_and_others_do_not(client, service, personas):
    parent = UnitFactory()
    service.unit.parent = parent
    service.unit.save()
    plan = Plan.objects.create(unit=parent, title="Toimialan suunnitelma", starts_on="2027-01-01", ends_on="2027-12-31")
    client.force_login(personas["viewer"])
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 200
    assert "Toimialan suunnitelma" in client.get(reverse("plans:plan_list")).content.decode()
    client.force_login(personas["outsider"])
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 404
    assert client.get(reverse("plans:unit_plans", args=[parent.pk])).status_code == 404
    assert "Toimialan suunnitelma" not in client.get(reverse("plans:plan_list")).content.decode()


def test_the_list_shows_only_the_plans_of_visible_services(client_as, service):
    plan_for(service, title="Oma suunnitelma")
    other = ServiceFactory()
    Plan.objects.create(service=other, title="Vieras suunnitelma", starts_on="2027-01-01", ends_on="2027-12-31")
    page = client_as("viewer").get(reverse("plans:plan_list")).content.decode()
    assert "Oma suunnitelma" in page and "Vieras suunnitelma" not in page
    everything = client_as("admin").get(reverse("plans:plan_list")).content.decode()
    assert "Oma suunnitelma" in everything and "Vieras suunnitelma" in everything


def test_the_unit_filter_narrows_the_list_to_the_units_own_plans(client_as, service):
    plan_for(service, title="Palvelun suunnitelma")
    Plan.objects.create(unit=service.unit, title="Yksikön oma", starts_on="2027-01-01", ends_on="2027-12-31")
    page = client_as("viewer").get(reverse("plans:plan_list"), {"unit": service.unit_id}).content.decode()
    assert "Yksikön oma" in page and "Palvelun suunnitelma" not in page


def test_a_measurable_goal_needs_a_target_within_the_metric_s_range_and_a_date(client_as, service):
    plan = plan_for(service)
    url = reverse("plans:goal_create", args=[plan.pk])
    client = client_as("product_owner")
    response = client.post(url, {"term": "short", "text": "Parempi", "metric": csat().pk, "target_level": "120"})
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert set(errors) == {"target_level", "target_date"}
    data = {"term": "long", "text": "Parempi", "metric": csat().pk, "target_level": "85", "target_date": "2027-06-30"}
    assert client.post(url, data).status_code == 302
    assert plan.goals.filter(term="long", target_level=85).exists()


def test_a_written_goal_needs_only_its_text(client_as, service):
    plan = plan_for(service)
    response = client_as("product_owner").post(
        reverse("plans:goal_create", args=[plan.pk]), {"term": "long", "text": "Asiakkaat tuntevat palvelun."}
    )
    assert response.status_code == 302
    assert plan.goals.filter(text="Asiakkaat tuntevat palvelun.", metric__isnull=True).exists()


def test_a_unit_plan_s_goal_may_name_one_of_the_unit_s_services(client_as, service):
    plan = Plan.objects.create(unit=service.unit, title="Yksikkö", starts_on="2027-01-01", ends_on="2027-12-31")
    stranger = ServiceFactory()
    data = {"term": "short", "text": "CSAT", "metric": csat().pk, "target_level": "80", "target_date": "2027-06-30"}
    url = reverse("plans:goal_create", args=[plan.pk])
    assert client_as("admin").post(url, {**data, "service": stranger.pk}).status_code == 422
    assert client_as("admin").post(url, {**data, "service": service.pk}).status_code == 302


def test_removing_a_goal(client_as, service):
    plan = plan_for(service)
    goal = plan.goals.first()
    response = client_as("product_owner").post(reverse("plans:goal_delete", args=[plan.pk, goal.pk]))
    assert response.status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_actions_are_chosen_among_the_service_s_backlog_items(client_as, service):
    plan = plan_for(service)
    new = backlog_actions.create_item(service, None, title="Uusi toimenpide")
    foreign = backlog_actions.create_item(ServiceFactory(), None, title="Toisen palvelun")
    url = reverse("plans:plan_actions", args=[plan.pk])
    client = client_as("product_owner")
    assert client.post(url, {"actions": [new.pk, foreign.pk]}).status_code == 422
    assert client.post(url, {"actions": [new.pk]}).status_code == 302
    assert list(plan.actions.all()) == [new]


def test_editing_a_checkpoint_raises_its_sequence(client_as, service, viewer):
    plan = plan_for(service)
    checkpoint = plan.checkpoints.order_by("starts_at").last()
    data = {
        "title": "Siirretty katselmointi",
        "starts_at": "2027-03-04T13:30",
        "duration_minutes": "45",
        "location": "Teams",
        "attendees": [viewer.pk],
        "notes": "",
    }
    response = client_as("product_owner").post(reverse("plans:checkpoint_edit", args=[plan.pk, checkpoint.pk]), data)
    assert response.status_code == 302
    checkpoint.refresh_from_db()
    assert checkpoint.sequence == 1
    assert timezone.localtime(checkpoint.starts_at).strftime("%Y-%m-%d %H:%M %Z") == "2027-03-04 13:30 EET"
    assert list(checkpoint.attendees.all()) == [viewer]


def test_a_new_checkpoint_starts_at_sequence_zero(client_as, service):
    plan = plan_for(service)
    data = {"title": "Välikatsaus", "starts_at": "2027-08-01T09:00", "duration_minutes": "60"}
    assert client_as("product_owner").post(reverse("plans:checkpoint_create", args=[plan.pk]), data).status_code == 302
    assert Checkpoint.objects.get(title="Välikatsaus").sequence == 0


def test_the_plan_page_shows_goals_actions_checkpoints_and_the_feed(client_as, service):
    plan = plan_for(service)
    page = client_as("viewer").get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "Asiakastyytyväisyys vähintään 70 %" in page
    assert "goal-status--met" in page and "Met" in page
    assert 'class="chart chart--line"' in page and "chart__target" in page
    assert "Selkokielinen ohje" in page and "flag--late" in page
    assert "Johtoryhmän katselmointi" in page and "Aloituspalaveri" in page
    assert reverse("plans:feed", args=[plan.feed_token]) in page
    assert reverse("plans:feed_rotate", args=[plan.pk]) not in page  # viewers cannot rotate it


def test_the_plan_page_reads_a_fixed_number_of_queries(client_as, service, viewer):
    """More actions and checkpoints cost no query; each measurable goal costs two (its value and its trend)."""
    plan = plan_for(service)
    client = client_as("viewer")
    url = reverse("plans:plan_detail", args=[plan.pk])
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    plan.actions.add(backlog_actions.create_item(service, None, title="Lisää työtä", due_date="2020-01-01"))
    extra = Checkpoint.objects.create(plan=plan, title="Lisää", starts_at=timezone.now() + datetime.timedelta(days=3))
    extra.attendees.set([viewer])
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second) == len(first) <= 12
    Goal.objects.create(plan=plan, text="NPS", metric=csat(), target_level=50, target_date="2027-06-30")
    with CaptureQueriesContext(connection) as third:
        client.get(url)
    assert len(third) == len(first) + 2


def test_the_service_and_the_main_navigation_link_to_plans(client_as, service):
    page = client_as("viewer").get(reverse("organisation:service_detail", args=[service.pk])).content.decode()
    assert reverse("plans:service_plans", args=[service.pk]) in page
    assert reverse("plans:plan_list") in page


def test_a_member_of_another_service_in_the_same_unit_sees_the_unit_plan(client, service):
    neighbour = MembershipFactory(service=ServiceFactory(unit=service.unit), role=Role.VIEWER).user
    plan = Plan.objects.create(unit=service.unit, title="Yhteinen", starts_on="2027-01-01", ends_on="2027-12-31")
    client.force_login(neighbour)
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 200


def test_upcoming_checkpoints_lists_those_within_the_window_with_their_attendees(
    service, personas, django_assert_num_queries
):
    from kuulo.plans.queries import upcoming_checkpoints

    plan = plan_for(service)
    later = Checkpoint.objects.create(
        plan=plan, title="Myöhemmin", starts_at=timezone.now() + datetime.timedelta(days=30)
    )
    with django_assert_num_queries(2):
        found = list(upcoming_checkpoints(datetime.timedelta(days=14)))
        assert [checkpoint.title for checkpoint in found] == ["Johtoryhmän katselmointi"]
        assert {person.username for person in found[0].attendees.all()} >= {"owner", "team", "viewer"}
        assert found[0].plan.service == service
    assert later in upcoming_checkpoints(datetime.timedelta(days=31))
