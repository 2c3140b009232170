"""Ideas with vote counts and swarms through the API and as CSV files."""

import pytest
from django.urls import reverse

from kuulo.api.models import ApiToken
from kuulo.network import actions
from kuulo.network.models import Guest
from tests.factories import UserFactory
from tests.network.data import idea_for, swarm_for

pytestmark = pytest.mark.django_db


def _get(client, path, params=None):
    token = ApiToken.issue("bi")[1]
    return client.get(path, params or {}, headers={"Authorization": f"Bearer {token}"})


def test_the_api_lists_ideas_with_vote_counts_and_pages(client, service):
    first = idea_for(service)
    actions.vote(first, UserFactory())
    second = idea_for(service, title="Toinen")
    page = _get(client, "/api/v1/ideas", {"limit": 1}).json()
    assert page["items"][0]["id"] == first.pk and page["items"][0]["votes"] == 2
    assert page["items"][0]["services"] == [service.slug]
    rest = _get(client, "/api/v1/ideas", {"cursor": page["next_cursor"]}).json()
    assert [idea["id"] for idea in rest["items"]] == [second.pk] and rest["next_cursor"] is None
    assert client.get("/api/v1/ideas").status_code == 401
    assert _get(client, "/api/v1/ideas", {"limit": 0}).status_code == 400


def test_the_api_lists_swarms(client, service, team_member):
    swarm = swarm_for(service)
    client.force_login(team_member)
    items = client.get("/api/v1/swarms").json()["items"]
    assert items[0]["id"] == swarm.pk and items[0]["meetings"] == 1 and len(items[0]["units"]) == 2


def test_a_guest_reads_neither_the_api_nor_the_csv(client, service):
    guest = UserFactory()
    Guest.objects.create(user=guest, organisation="Kumppani Oy")
    client.force_login(guest)
    assert client.get("/api/v1/ideas").status_code == 404
    assert client.get(reverse("network:ideas_csv")).status_code == 404


def test_the_csv_files_have_the_vote_counts_and_the_swarms(client, service, viewer):
    idea = idea_for(service, title="=HYPERLINK(1)")
    actions.vote(idea, viewer)
    swarm_for(service)
    client.force_login(viewer)
    ideas = b"".join(client.get(reverse("network:ideas_csv")).streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in ideas and ",2," in ideas
    swarms = b"".join(client.get(reverse("network:swarms_csv")).streaming_content).decode("utf-8-sig")
    assert "Muuttajan polku" in swarms
