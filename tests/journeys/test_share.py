"""The read-only share link of a journey map: made and revoked by the product owner, readable
without an account, unguessable, and dead once revoked or replaced."""

import pytest
from django.urls import reverse

from kuulo.journeys.models import JourneyMap
from tests.journeys.pages import journey_map


@pytest.fixture
def journey(service):
    return journey_map(service)


def _share(client, service, journey, **data):
    return client.post(reverse("journeys:journey_share", args=[service.pk, journey.pk]), data)


def test_product_owner_shares_a_map_that_anyone_reads_without_changing(client_as, client, service, journey):
    assert _share(client_as("product_owner"), service, journey).status_code == 302
    journey.refresh_from_db()
    assert len(journey.share_token) >= 40
    page = client_as("product_owner").get(journey.get_absolute_url()).content.decode()
    assert reverse("journeys:shared_journey", args=[journey.share_token]) in page
    client.logout()
    shared = client.get(reverse("journeys:shared_journey", args=[journey.share_token]) + "?lang=fi")
    content = shared.content.decode()
    assert shared.status_code == 200
    assert shared["X-Robots-Tag"] == "noindex"
    assert "Muutto uuteen kuntaan" in content and "Digi- ja väestötietovirasto" in content
    assert "<form" not in content.split("<main", 1)[1]  # nothing to change
    assert journey.get_absolute_url() not in content  # no links into the staff pages


def test_a_revoked_or_replaced_link_no_longer_works(client_as, client, service, journey):
    owner = client_as("product_owner")
    _share(owner, service, journey)
    first = JourneyMap.objects.get().share_token
    _share(owner, service, journey)
    second = JourneyMap.objects.get().share_token
    assert first != second
    assert client.get(reverse("journeys:shared_journey", args=[first])).status_code == 404
    assert client.get(reverse("journeys:shared_journey", args=[second])).status_code == 200
    _share(owner, service, journey, revoke="1")
    assert JourneyMap.objects.get().share_token == ""
    assert client.get(reverse("journeys:shared_journey", args=[second])).status_code == 404


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_the_product_owner_shares(client_as, service, journey, role, status):
    assert _share(client_as(role), service, journey).status_code == status
    assert JourneyMap.objects.get().share_token == ""


def test_a_guessed_token_finds_nothing(client, service, journey):
    assert client.get(reverse("journeys:shared_journey", args=["x" * 43])).status_code == 404
