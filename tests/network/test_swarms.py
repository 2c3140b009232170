"""Swarms across units with meetings in a calendar feed, communities with recurring meetups and a
thread per meetup, and guests of partner organisations who see only what they are invited to."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from kuulo.backlog.models import BacklogItem
from kuulo.network.models import Guest
from kuulo.network.swarm_models import MeetupPost, Swarm
from tests.factories import UserFactory
from tests.network.data import community_for, idea_for, swarm_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def guest(db):
    user = UserFactory(username="kumppani")
    Guest.objects.create(user=user, organisation="Kumppani Oy")
    return user


def test_a_staff_member_starts_a_swarm_across_two_units(client, service, team_member):
    from tests.factories import UnitFactory

    other = UnitFactory()
    client.force_login(team_member)
    data = {
        "title": "Yhteinen neuvonta",
        "challenge": "Asiakas kiertää luukulta toiselle.",
        "goal": "Yksi yhteydenotto riittää.",
        "units": [service.unit.pk, other.pk],
        "starts_on": "2026-12-01",
        "ends_on": "2027-02-28",
    }
    response = client.post(reverse("network:swarm_create"), data)
    swarm = Swarm.objects.get()
    assert response.status_code == 302
    assert swarm.facilitator == team_member and set(swarm.units.all()) == {service.unit, other}
    bad = client.post(reverse("network:swarm_create"), data | {"ends_on": "2026-11-01"})
    assert bad.status_code == 422 and Swarm.objects.count() == 1


def test_a_swarm_meeting_is_in_the_swarm_calendar_feed(client, service):
    swarm = swarm_for(service)
    client.force_login(swarm.facilitator)
    client.post(
        reverse("network:swarm_meeting", args=[swarm.pk]),
        {"starts_at": "2026-12-15T09:00", "duration_minutes": 90, "location": "Neuvotteluhuone 3"},
    )
    feed = client.get(reverse("network:swarm_feed", args=[swarm.feed_token]))
    assert feed["Content-Type"].startswith("text/calendar")
    events = list(Calendar.from_ical(feed.content).walk("VEVENT"))
    assert len(events) == 2
    assert {str(e["location"]) for e in events} == {"Teams", "Neuvotteluhuone 3"}
    assert all(str(e["summary"]) == swarm.title for e in events)
    assert client.get(reverse("network:swarm_feed", args=["wrong"])).status_code == 404


def test_the_facilitator_links_an_idea_and_an_item_and_closes_with_an_outcome(client, service, product_owner):
    swarm = swarm_for(service, facilitator=product_owner)
    idea = idea_for(service)
    item = BacklogItem.objects.create(service=service, title="Yhteinen lomake")
    client.force_login(product_owner)
    client.post(reverse("network:swarm_link", args=[swarm.pk]), {"kind": "idea", "number": idea.pk})
    client.post(reverse("network:swarm_link", args=[swarm.pk]), {"kind": "item", "number": item.pk})
    missing = client.post(reverse("network:swarm_link", args=[swarm.pk]), {"kind": "insight", "number": 999})
    assert missing.status_code == 422
    assert list(swarm.ideas.all()) == [idea] and list(swarm.items.all()) == [item]
    assert client.post(reverse("network:swarm_close", args=[swarm.pk]), {"outcome": ""}).status_code == 422
    client.post(reverse("network:swarm_close", args=[swarm.pk]), {"outcome": "Ohje julkaistiin."})
    swarm.refresh_from_db()
    assert swarm.status == Swarm.Status.CLOSED and swarm.outcome == "Ohje julkaistiin."


def test_a_staff_member_cannot_link_an_item_of_a_service_they_do_not_see(client, service, outsider):
    swarm = swarm_for(service, facilitator=outsider)
    item = BacklogItem.objects.create(service=service, title="Salainen")
    client.force_login(outsider)
    response = client.post(reverse("network:swarm_link", args=[swarm.pk]), {"kind": "item", "number": item.pk})
    assert response.status_code == 422
    assert not swarm.items.exists()


def test_a_community_calendar_has_a_recurring_meetup(client, team_member):
    community = community_for()
    feed = client.get(reverse("network:community_feed", args=[community.feed_token]))
    (event,) = Calendar.from_ical(feed.content).walk("VEVENT")
    assert event["rrule"]["FREQ"] == ["MONTHLY"]


def test_members_discuss_each_meetup_in_its_own_thread(client, team_member):
    community = community_for()
    client.force_login(team_member)
    url = reverse("network:meetup_post", args=[community.pk])
    assert client.post(url, {"meetup_on": "2026-12-01", "text": "Hei"}).status_code == 403
    client.post(reverse("network:community_join", args=[community.pk]))
    page = client.get(community.get_absolute_url())
    moment = page.context["threads"][0][0]
    from django.utils import timezone

    day = timezone.localtime(moment).date().isoformat()
    client.post(url, {"meetup_on": day, "text": "Kiitos hyvästä tapaamisesta!"})
    assert MeetupPost.objects.get().meetup_on.isoformat() == day
    assert "Kiitos hyvästä tapaamisesta!" in client.get(community.get_absolute_url()).content.decode()


def test_a_guest_sees_only_the_swarm_they_are_invited_to(client, service, guest):
    mine = swarm_for(service)
    mine.members.add(guest)
    other = swarm_for(service)
    community = community_for()
    idea = idea_for(service)
    client.force_login(guest)
    assert client.get(mine.get_absolute_url()).status_code == 200
    home = client.get(reverse("network:guest_home"))
    assert list(home.context["swarms"]) == [mine] and list(home.context["communities"]) == []
    assert client.post(reverse("network:swarm_note", args=[mine.pk]), {"text": "Terveisiä"}).status_code == 302
    assert client.get(reverse("organisation:home")).status_code == 302  # to their own page
    for url in (
        other.get_absolute_url(),
        community.get_absolute_url(),
        idea.get_absolute_url(),
        reverse("network:idea_list"),
        reverse("network:swarm_create"),
        reverse("organisation:service_detail", args=[service.pk]),
        reverse("organisation:service_list"),
        reverse("dashboards:overview"),
        reverse("insights:insight_list"),
        reverse("plans:plan_list"),
    ):
        assert client.get(url).status_code == 404, url
    for name in ("swarm_join", "swarm_meeting", "swarm_close"):
        assert client.post(reverse(f"network:{name}", args=[mine.pk])).status_code == 404, name


def test_a_guest_member_of_a_community_reads_and_writes_its_threads(client, guest):
    community = community_for()
    community.members.add(guest)
    client.force_login(guest)
    assert client.get(community.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("network:meetup_post", args=[community.pk]), {"meetup_on": "2026-12-01", "text": "Moi"}
    )
    assert response.status_code == 302


def test_a_person_made_a_guest_while_logged_in_is_logged_out(client, service, team_member):
    from kuulo.network.actions import make_guest

    client.force_login(team_member)
    assert client.get(reverse("organisation:service_detail", args=[service.pk])).status_code == 200
    make_guest(team_member, "Kumppani Oy")
    assert client.get(reverse("organisation:service_detail", args=[service.pk])).status_code == 302  # to log in
