"""Archiving, unarchiving and deleting a development plan: who may, what the lists, the plan
page and the calendar feed show afterwards, and what deleting takes with it."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kuulo.backlog.models import BacklogItem
from kuulo.plans.models import Checkpoint, Goal, Plan
from kuulo.plans.queries import upcoming_checkpoints
from tests.plans.data import plan_for

pytestmark = pytest.mark.django_db


def archive(client, plan: Plan):
    return client.post(reverse("plans:plan_archive", args=[plan.pk]))


def feed_uids(client, plan: Plan) -> list[str]:
    response = client.get(reverse("plans:feed", args=[plan.feed_token]))
    assert response.status_code == 200
    return [str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def uid(checkpoint: Checkpoint) -> str:
    return f"checkpoint-{checkpoint.pk}@testserver"


def test_an_archived_plan_leaves_the_list_and_stays_readable_under_archived(client_as, service):
    plan = plan_for(service, title="Vanha suunnitelma")
    client = client_as("product_owner")
    response = archive(client, plan)
    assert response.status_code == 302 and response.url == reverse("plans:plan_detail", args=[plan.pk])
    plan.refresh_from_db()
    assert plan.archived_at is not None
    client = client_as("viewer")
    for url in (reverse("plans:plan_list"), reverse("plans:service_plans", args=[service.pk])):
        assert "Vanha suunnitelma" not in client.get(url).content.decode(), url
        archived = client.get(url, {"archived": "1"}).content.decode()
        assert "Vanha suunnitelma" in archived and "status--archived" in archived, url
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "This plan was archived on" in page
    assert "Asiakastyytyväisyys vähintään 70 %" in page and "Johtoryhmän katselmointi" in page
    report = plan.checkpoints.order_by("starts_at").first()
    assert client.get(reverse("plans:checkpoint_report", args=[plan.pk, report.pk])).status_code == 200


def test_an_archived_unit_plan_leaves_the_unit_s_list(client_as, service):
    plan = Plan.objects.create(unit=service.unit, title="Yksikön vanha", starts_on="2025-01-01", ends_on="2025-12-31")
    assert archive(client_as("admin"), plan).status_code == 302
    url = reverse("plans:unit_plans", args=[service.unit_id])
    client = client_as("viewer")
    assert "Yksikön vanha" not in client.get(url).content.decode()
    assert "Yksikön vanha" in client.get(url, {"archived": "1"}).content.decode()
    filtered = client.get(reverse("plans:plan_list"), {"unit": service.unit_id, "archived": "1"}).content.decode()
    assert "Yksikön vanha" in filtered


def test_the_list_keeps_the_unit_filter_when_switching_to_archived(client_as, service):
    page = client_as("viewer").get(reverse("plans:plan_list"), {"unit": service.unit_id}).content.decode()
    assert f'href="/plans/?unit={service.unit_id}&amp;archived=1"' in page


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_those_who_change_the_plan_may_archive_unarchive_or_delete_it(client_as, service, role, status):
    plan = plan_for(service)
    client = client_as(role)
    assert archive(client, plan).status_code == status
    assert client.get(reverse("plans:plan_delete", args=[plan.pk])).status_code == status
    assert client.post(reverse("plans:plan_delete", args=[plan.pk])).status_code == status
    Plan.objects.filter(pk=plan.pk).update(archived_at=timezone.now())
    assert client.post(reverse("plans:plan_unarchive", args=[plan.pk])).status_code == status
    plan.refresh_from_db()
    assert plan.archived_at is not None


def test_only_org_admins_archive_or_delete_a_unit_s_plan(client_as, service):
    plan = Plan.objects.create(unit=service.unit, title="Yksikön", starts_on="2027-01-01", ends_on="2027-12-31")
    assert archive(client_as("product_owner"), plan).status_code == 403
    assert client_as("product_owner").post(reverse("plans:plan_delete", args=[plan.pk])).status_code == 403
    assert archive(client_as("admin"), plan).status_code == 302
    assert client_as("admin").post(reverse("plans:plan_delete", args=[plan.pk])).status_code == 302
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_archiving_is_post_only(client_as, service):
    plan = plan_for(service)
    client = client_as("product_owner")
    assert client.get(reverse("plans:plan_archive", args=[plan.pk])).status_code == 405
    assert client.get(reverse("plans:plan_unarchive", args=[plan.pk])).status_code == 405
    plan.refresh_from_db()
    assert plan.archived_at is None


def test_an_archived_plan_cannot_be_changed_until_it_is_unarchived(client_as, service):
    plan = plan_for(service)
    client = client_as("product_owner")
    archive(client, plan)
    goal, checkpoint = plan.goals.first(), plan.checkpoints.first()
    detail = reverse("plans:plan_detail", args=[plan.pk])
    attempts = [
        ("get", reverse("plans:plan_edit", args=[plan.pk]), {}),
        ("post", reverse("plans:plan_edit", args=[plan.pk]), {"title": "Muutettu"}),
        ("post", reverse("plans:goal_create", args=[plan.pk]), {"term": "long", "text": "Uusi"}),
        ("post", reverse("plans:goal_delete", args=[plan.pk, goal.pk]), {}),
        ("post", reverse("plans:plan_actions", args=[plan.pk]), {"actions": []}),
        ("post", reverse("plans:checkpoint_delete", args=[plan.pk, checkpoint.pk]), {}),
        (
            "post",
            reverse("plans:checkpoint_create", args=[plan.pk]),
            {"title": "Uusi", "starts_at": "2027-08-01T09:00", "duration_minutes": "60"},
        ),
    ]
    for method, url, data in attempts:
        response = getattr(client, method)(url, data)
        assert (response.status_code, response.url) == (302, detail), url
    plan.refresh_from_db()
    assert plan.title == "Asumistuen kehityssuunnitelma"
    assert (plan.goals.count(), plan.checkpoints.count(), plan.actions.count()) == (2, 2, 2)
    page = client.get(detail).content.decode()
    assert "The plan is archived. Unarchive it to change it." in page
    assert reverse("plans:plan_edit", args=[plan.pk]) not in page
    assert reverse("plans:goal_create", args=[plan.pk]) not in page
    assert reverse("plans:checkpoint_edit", args=[plan.pk, checkpoint.pk]) not in page
    assert reverse("plans:plan_unarchive", args=[plan.pk]) in page


def test_an_outsider_still_gets_404_on_an_archived_plan_s_edit_pages(client_as, service):
    plan = plan_for(service)
    Plan.objects.filter(pk=plan.pk).update(archived_at=timezone.now())
    assert client_as("outsider").get(reverse("plans:plan_edit", args=[plan.pk])).status_code == 404
    assert client_as("viewer").get(reverse("plans:plan_edit", args=[plan.pk])).status_code == 403


def test_unarchiving_puts_the_plan_back_in_use(client_as, service):
    plan = plan_for(service, title="Palaava suunnitelma")
    client = client_as("product_owner")
    archive(client, plan)
    response = client.post(reverse("plans:plan_unarchive", args=[plan.pk]))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.archived_at is None
    assert "Palaava suunnitelma" in client.get(reverse("plans:plan_list")).content.decode()
    assert client.get(reverse("plans:plan_edit", args=[plan.pk])).status_code == 200


def test_an_archived_plan_s_feed_keeps_past_checkpoints_and_drops_upcoming_ones(client, client_as, service):
    plan = plan_for(service)
    past, upcoming = plan.checkpoints.order_by("starts_at")
    assert feed_uids(client, plan) == [uid(past), uid(upcoming)]
    archive(client_as("product_owner"), plan)
    assert feed_uids(client, plan) == [uid(past)]
    client_as("product_owner").post(reverse("plans:plan_unarchive", args=[plan.pk]))
    assert feed_uids(client, plan) == [uid(past), uid(upcoming)]  # back under the same UIDs


def test_nobody_is_reminded_of_an_archived_plan_s_checkpoints(client_as, service):
    plan = plan_for(service)
    assert upcoming_checkpoints(datetime.timedelta(days=14)).filter(plan=plan).exists()
    archive(client_as("product_owner"), plan)
    assert not upcoming_checkpoints(datetime.timedelta(days=14)).filter(plan=plan).exists()


def test_the_delete_page_says_what_goes_and_what_stays(client_as, service):
    plan = plan_for(service)
    page = client_as("product_owner").get(reverse("plans:plan_delete", args=[plan.pk])).content.decode()
    assert "2 goals" in page and "2 checkpoints with their notes and reports" in page
    assert "Liitteiden lähetys mobiilissa" in page and "Selkokielinen ohje" in page
    assert "only their link to this plan goes" in page
    assert reverse("plans:plan_archive", args=[plan.pk]) in page  # archiving is offered instead
    assert Plan.objects.filter(pk=plan.pk).exists()  # opening the page deletes nothing


def test_deleting_a_plan_takes_its_goals_and_checkpoints_but_never_its_backlog_items(client, client_as, service):
    plan = plan_for(service)
    item_ids = set(plan.actions.values_list("pk", flat=True))
    token = plan.feed_token
    response = client_as("product_owner").post(reverse("plans:plan_delete", args=[plan.pk]))
    assert response.status_code == 302
    assert response.url == reverse("plans:service_plans", args=[service.pk])
    assert not Plan.objects.filter(pk=plan.pk).exists()
    assert not Goal.objects.filter(plan_id=plan.pk).exists()
    assert not Checkpoint.objects.filter(plan_id=plan.pk).exists()
    assert set(BacklogItem.objects.filter(pk__in=item_ids).values_list("pk", flat=True)) == item_ids
    assert not BacklogItem.plans.through.objects.filter(plan_id=plan.pk).exists()
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("plans:feed", args=[token])).status_code == 404


def test_an_archived_plan_can_be_deleted_and_a_unit_s_plan_goes_back_to_the_unit(client_as, service):
    plan = Plan.objects.create(unit=service.unit, title="Yksikön", starts_on="2025-01-01", ends_on="2025-12-31")
    client = client_as("admin")
    archive(client, plan)
    response = client.post(reverse("plans:plan_delete", args=[plan.pk]))
    assert (response.status_code, response.url) == (302, reverse("plans:unit_plans", args=[service.unit_id]))
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_deleting_needs_the_csrf_token(service, product_owner):
    plan = plan_for(service)
    client = Client(enforce_csrf_checks=True)
    client.force_login(product_owner)
    assert client.post(reverse("plans:plan_delete", args=[plan.pk])).status_code == 403
    assert client.post(reverse("plans:plan_archive", args=[plan.pk])).status_code == 403
    assert Plan.objects.filter(pk=plan.pk, archived_at__isnull=True).exists()
