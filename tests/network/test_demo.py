"""The demo's network: ideas with votes, one promoted to the backlog, a swarm across two units with a
meeting in its feed and a guest, a community; loading again adds nothing."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from kuulo.network.demo import load_demo_network
from kuulo.network.models import Guest, Idea, Swarm
from kuulo.organisation.models import Role
from kuulo.traceability.queries import targets
from tests.factories import MembershipFactory, ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_the_demo_network_loads_once(client):
    service = ServiceFactory(slug="housing-allowance-online", unit=UnitFactory(name_en="Housing Support"))
    UnitFactory(name_en="Customer Service")
    MembershipFactory(service=service, role=Role.PRODUCT_OWNER, user__username="owner")
    MembershipFactory(service=service, role=Role.TEAM_MEMBER, user__username="team")
    MembershipFactory(service=service, role=Role.VIEWER, user__username="viewer")
    promoted = load_demo_network()
    assert load_demo_network() is None
    assert Idea.objects.count() == 4
    assert [item.service for item in targets("idea", [promoted.pk], "item")[promoted.pk]] == [service]
    swarm = Swarm.objects.get()
    assert swarm.units.count() == 2
    feed = client.get(reverse("network:swarm_feed", args=[swarm.feed_token]))
    assert len(Calendar.from_ical(feed.content).walk("VEVENT")) == 1
    guest = Guest.objects.get().user
    client.force_login(guest)
    assert client.get(swarm.get_absolute_url()).status_code == 200
    assert client.get(reverse("network:idea_list")).status_code == 404
