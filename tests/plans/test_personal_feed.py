"""A person's own calendar feed: every checkpoint they attend, across the plans they may read,
at a secret address they can replace."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kuulo.organisation.models import Role
from kuulo.plans.models import Checkpoint, PersonalFeed, Plan
from tests.factories import MembershipFactory, ServiceFactory
from tests.plans.data import plan_for

pytestmark = pytest.mark.django_db


def address(client_as, role: str) -> str:
    """The persona's feed address, as their calendar page shows it."""
    page = client_as(role).get(reverse("plans:my_calendar"))
    assert page.status_code == 200
    token = PersonalFeed.objects.get(user=page.wsgi_request.user).token
    url = reverse("plans:personal_feed", args=[token])
    assert f"http://testserver{url}" in page.content.decode()
    return url


def events(client, url: str) -> list:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return sorted(Calendar.from_ical(response.content).walk("VEVENT"), key=lambda event: event.decoded("DTSTART"))


def uid(checkpoint: Checkpoint) -> str:
    return f"checkpoint-{checkpoint.pk}@testserver"


def test_the_plans_list_and_a_plan_link_to_the_person_s_calendar_page(client_as, service):
    plan = plan_for(service)
    client = client_as("viewer")
    assert reverse("plans:my_calendar") in client.get(reverse("plans:plan_list")).content.decode()
    assert reverse("plans:my_calendar") in client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()


def test_the_feed_holds_only_the_checkpoints_the_person_attends_across_plans(client, client_as, service, viewer):
    own = plan_for(service, title="Oma palvelu")
    not_attending = Checkpoint.objects.create(
        plan=own, title="Ilman katsojaa", starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    unit_plan = Plan.objects.create(unit=service.unit, title="Yksikön", starts_on="2027-01-01", ends_on="2027-12-31")
    unit_checkpoint = Checkpoint.objects.create(
        plan=unit_plan, title="Yksikön katsaus", starts_at=timezone.now() + datetime.timedelta(days=10)
    )
    unit_checkpoint.attendees.add(viewer)
    # Attending does not open a plan: another service's plan stays out of the viewer's feed.
    foreign = Plan.objects.create(
        service=ServiceFactory(), title="Vieras", starts_on="2027-01-01", ends_on="2027-12-31"
    )
    hidden = Checkpoint.objects.create(plan=foreign, title="Vieras", starts_at=timezone.now())
    hidden.attendees.add(viewer)
    url = address(client_as, "viewer")
    client.logout()  # calendar programs do not log in
    found = events(client, url)
    expected = [*own.checkpoints.exclude(pk=not_attending.pk).order_by("starts_at"), unit_checkpoint]
    assert [str(event["UID"]) for event in found] == [uid(checkpoint) for checkpoint in expected]
    assert not_attending.pk not in {checkpoint.pk for checkpoint in expected}
    summaries = [str(event["SUMMARY"]) for event in found]
    assert "Yksikön katsaus – Yksikön" in summaries and "Vieras – Vieras" not in summaries
    report = reverse("plans:checkpoint_report", args=[unit_plan.pk, unit_checkpoint.pk])
    assert str(found[-1]["URL"]) == f"http://testserver{report}"


def test_a_checkpoint_keeps_its_uid_across_requests_and_feeds(client, client_as, service):
    plan = plan_for(service)
    url = address(client_as, "team_member")
    client.logout()
    first = [(str(event["UID"]), int(event["SEQUENCE"])) for event in events(client, url)]
    second = [(str(event["UID"]), int(event["SEQUENCE"])) for event in events(client, url)]
    assert first == second
    plan_feed = events(client, reverse("plans:feed", args=[plan.feed_token]))
    assert [uid for uid, _sequence in first] == [str(event["UID"]) for event in plan_feed]


def test_the_calendar_is_named_for_its_owner_and_follows_rfc_5545(client, client_as, service, viewer):
    plan_for(service)
    url = address(client_as, "viewer")
    client.logout()
    response = client.get(url)
    calendar = Calendar.from_ical(response.content)
    assert str(viewer) in str(calendar["X-WR-CALNAME"])
    assert str(calendar["PRODID"]) == "-//Kuulo//Development plans//EN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert max(len(line) for line in response.content.split(b"\r\n")) <= 75
    assert response["Cache-Control"] == "private, max-age=300"


def test_a_person_with_no_checkpoints_gets_an_empty_calendar(client, client_as, service):
    plan_for(service)
    url = address(client_as, "outsider")
    client.logout()
    assert events(client, url) == []


def test_the_address_stays_the_same_until_the_person_makes_a_new_one(client, client_as, service):
    plan_for(service)
    old = address(client_as, "viewer")
    assert address(client_as, "viewer") == old
    response = client.post(reverse("plans:my_calendar_rotate"))
    assert (response.status_code, response.url) == (302, reverse("plans:my_calendar"))
    new = address(client_as, "viewer")
    assert new != old
    assert old not in client.get(reverse("plans:my_calendar")).content.decode()
    client.logout()
    assert client.get(old).status_code == 404
    assert len(events(client, new)) == 2


def test_making_a_new_address_is_post_only_and_needs_a_login(client, client_as, service):
    assert client.post(reverse("plans:my_calendar_rotate")).status_code == 302  # to the login page
    assert not PersonalFeed.objects.exists()
    assert client.get(reverse("plans:my_calendar")).status_code == 302
    assert client_as("viewer").get(reverse("plans:my_calendar_rotate")).status_code == 405


def test_each_person_s_new_address_changes_only_their_own(client_as, service, personas):
    viewer_url = address(client_as, "viewer")
    client_as("team_member").post(reverse("plans:my_calendar_rotate"))
    assert address(client_as, "viewer") == viewer_url


def test_an_unknown_address_or_a_deactivated_person_s_is_404(client, client_as, service, viewer):
    plan_for(service)
    url = address(client_as, "viewer")
    client.logout()
    assert client.get(reverse("plans:personal_feed", args=["not-a-token"])).status_code == 404
    viewer.is_active = False
    viewer.save(update_fields=["is_active"])
    assert client.get(url).status_code == 404


def test_archived_plans_keep_held_checkpoints_and_drop_upcoming_ones(client, client_as, service):
    plan = plan_for(service)
    past, upcoming = plan.checkpoints.order_by("starts_at")
    url = address(client_as, "viewer")
    client_as("product_owner").post(reverse("plans:plan_archive", args=[plan.pk]))
    client.logout()
    assert [str(event["UID"]) for event in events(client, url)] == [uid(past)]
    page = client_as("viewer").get(reverse("plans:my_calendar")).content.decode()
    assert upcoming.title not in page and "You attend no upcoming checkpoints." in page


def test_losing_access_to_a_plan_takes_its_checkpoints_out(client, client_as, service, viewer):
    plan_for(service)
    url = address(client_as, "viewer")
    viewer.memberships.all().delete()
    client.logout()
    assert events(client, url) == []


def test_the_page_lists_the_next_checkpoints_the_person_attends(client_as, service):
    plan = plan_for(service)
    page = client_as("viewer").get(reverse("plans:my_calendar")).content.decode()
    assert "Johtoryhmän katselmointi" in page and "Aloituspalaveri" not in page  # only upcoming ones
    assert reverse("plans:plan_detail", args=[plan.pk]) in page


def test_the_feed_reads_a_fixed_number_of_queries(client, client_as, service, viewer):
    plan_for(service)
    url = address(client_as, "viewer")
    client.logout()
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    other = plan_for(MembershipFactory(user=viewer, role=Role.VIEWER).service, title="Toinen")
    extra = Checkpoint.objects.create(plan=other, title="Lisää", starts_at=timezone.now())
    extra.attendees.add(viewer)
    with CaptureQueriesContext(connection) as second:
        assert len(events(client, url)) == 5
    assert len(second) == len(first)
