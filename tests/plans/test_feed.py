"""The plan's checkpoints as an iCalendar feed (RFC 5545) at a secret address."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from kuulo.plans.models import Plan
from tests.plans.data import plan_for

pytestmark = pytest.mark.django_db


def feed(client, plan: Plan):
    return client.get(reverse("plans:feed", args=[plan.feed_token]))


def test_the_feed_opens_in_an_icalendar_parser_with_every_checkpoint(client, service, personas):
    plan = plan_for(service)
    response = feed(client, plan)  # calendar programs do not log in
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Kuulo//Development plans//EN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == plan.title
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=1)
    assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in response.content
    events = sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("DTSTART"))
    checkpoints = list(plan.checkpoints.order_by("starts_at"))
    assert len(events) == len(checkpoints) == 2
    for event, checkpoint in zip(events, checkpoints, strict=True):
        assert str(event["UID"]) == f"checkpoint-{checkpoint.pk}@testserver"
        assert event.decoded("DTSTART") == checkpoint.starts_at.replace(microsecond=0)
        assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
        length = event.decoded("DTEND") - event.decoded("DTSTART")
        assert length == datetime.timedelta(minutes=checkpoint.duration_minutes)
        assert str(event["SUMMARY"]) == f"{checkpoint.title} – {plan.title}"
        assert str(event["LOCATION"]) == checkpoint.location
        assert int(event["SEQUENCE"]) == 0
        assert "DTSTAMP" in event
        report = reverse("plans:checkpoint_report", args=[plan.pk, checkpoint.pk])
        assert plan.title in str(event["DESCRIPTION"]) and f"http://testserver{report}" in str(event["DESCRIPTION"])
        attendees = event["ATTENDEE"] if isinstance(event["ATTENDEE"], list) else [event["ATTENDEE"]]
        assert sorted(str(address) for address in attendees) == sorted(
            f"mailto:{person.email}" for person in checkpoint.attendees.all()
        )


def test_the_feed_follows_rfc_5545_line_rules(client, service):
    title = "Asumistuen verkkohakemuksen kehityssuunnitelma vuosille 2026–2027, ääkkösin ja pitkästi"
    plan = plan_for(service, title=title)
    body = feed(client, plan).content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines)  # every line ends in CRLF, none in a bare LF
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets
    assert any(line.startswith(b" ") for line in lines)  # the long summary was folded
    assert body.count(b"BEGIN:VEVENT") == body.count(b"\r\nUID:") == body.count(b"\r\nDTSTAMP:") == 2


def test_a_changed_checkpoint_keeps_its_uid_and_raises_its_sequence(client, client_as, service):
    plan = plan_for(service)
    checkpoint = plan.checkpoints.order_by("starts_at").last()
    data = {"title": "Siirretty", "starts_at": "2027-03-04T13:30", "duration_minutes": "60"}
    client_as("product_owner").post(reverse("plans:checkpoint_edit", args=[plan.pk, checkpoint.pk]), data)
    client.logout()
    events = Calendar.from_ical(feed(client, plan).content).walk("VEVENT")
    (event,) = [event for event in events if str(event["UID"]) == f"checkpoint-{checkpoint.pk}@testserver"]
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == datetime.datetime(2027, 3, 4, 11, 30, tzinfo=datetime.UTC)


def test_a_new_address_replaces_the_old_one(client_as, service):
    plan = plan_for(service)
    old = plan.feed_token
    client = client_as("product_owner")
    response = client.post(reverse("plans:feed_rotate", args=[plan.pk]))
    plan.refresh_from_db()
    assert response.status_code == 302
    assert plan.feed_token != old
    assert client.get(reverse("plans:feed", args=[old])).status_code == 404
    assert feed(client, plan).status_code == 200
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert plan.feed_token in page and old not in page


def test_an_unknown_address_is_404(client, db):
    assert client.get(reverse("plans:feed", args=["not-a-token"])).status_code == 404


def test_attendees_without_an_e_mail_address_are_left_out(client, service, viewer):
    plan = plan_for(service)
    type(viewer).objects.exclude(pk=viewer.pk).update(email="")
    events = Calendar.from_ical(feed(client, plan).content).walk("VEVENT")
    for event in events:
        assert str(event["ATTENDEE"]) == f"mailto:{viewer.email}"


def test_a_removed_checkpoint_leaves_the_feed(client, client_as, service):
    plan = plan_for(service)
    checkpoint = plan.checkpoints.order_by("starts_at").first()
    url = reverse("plans:checkpoint_delete", args=[plan.pk, checkpoint.pk])
    assert client_as("team_member").post(url).status_code == 403
    assert client_as("product_owner").post(url).status_code == 302
    client.logout()
    uids = [str(event["UID"]) for event in Calendar.from_ical(feed(client, plan).content).walk("VEVENT")]
    assert uids == [f"checkpoint-{plan.checkpoints.get().pk}@testserver"]
