"""Retrospectives: each action becomes an improvement idea in the backlog, linked back to its retro."""

import pytest
from django.urls import reverse

from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.board.models import Retro
from tests.backlog.board_pages import retro_args

pytestmark = pytest.mark.django_db


def create_url(service) -> str:
    return reverse("board:retro_create", args=[service.pk])


def test_a_retro_s_actions_become_backlog_items(client_as, service, team_member):
    data = {
        "held_on": "2026-11-20",
        "went_well": "Uusi lomake valmistui.",
        "to_improve": "Jonot venyvät.",
        "actions": "Takaisinsoitto kokeiluun\n\n- Jonotusaika verkkosivuille\n  Chatin aukioloajat  ",
    }
    response = client_as("team_member").post(create_url(service), data)
    retro = Retro.objects.get(service=service)
    assert response.status_code == 302
    assert response.url == reverse("board:retro_detail", args=[service.pk, retro.pk])
    items = list(retro.actions.order_by("rank"))
    assert [item.title for item in items] == [
        "Takaisinsoitto kokeiluun",
        "Jonotusaika verkkosivuille",
        "Chatin aukioloajat",
    ]
    assert {(item.kind, item.status, item.created_by) for item in items} == {
        (BacklogItem.Kind.IMPROVEMENT, BacklogItem.Status.IDEA, team_member)
    }
    assert ItemChange.objects.filter(item__in=items, field="created").count() == 3


def test_the_detail_shows_the_actions_with_their_current_status(client_as, service):
    pk, retro_pk = retro_args(service)
    item = Retro.objects.get(pk=retro_pk).actions.first()
    BacklogItem.objects.filter(pk=item.pk).update(status=BacklogItem.Status.IN_PROGRESS)
    page = client_as("viewer").get(reverse("board:retro_detail", args=[pk, retro_pk])).content.decode()
    assert "Takaisinsoitto kokeiluun" in page and "In progress" in page
    assert reverse("backlog:item_detail", args=[pk, item.pk]) in page
    assert "Jonot venyvät." in page


def test_the_list_counts_actions_and_done_ones(client_as, service):
    pk, retro_pk = retro_args(service)
    item = Retro.objects.get(pk=retro_pk).actions.first()
    BacklogItem.objects.filter(pk=item.pk).update(status=BacklogItem.Status.DONE)
    page = client_as("viewer").get(reverse("board:retro_list", args=[pk])).content.decode()
    assert "2 actions, 1 done" in page
    assert "New retrospective" not in page


def test_a_retro_without_actions_is_fine(client_as, service):
    response = client_as("team_member").post(create_url(service), {"held_on": "2026-11-20", "went_well": "Kaikki."})
    assert response.status_code == 302 and not BacklogItem.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"held_on": "", "actions": "a"},
        {"held_on": "20.11.2026x", "actions": "a"},
        {"held_on": "2026-11-20", "actions": "x" * 201},
        {"held_on": "2026-11-20", "actions": "\n".join(f"teko {n}" for n in range(21))},
    ],
)
def test_bad_input_creates_nothing(client_as, service, data):
    assert client_as("team_member").post(create_url(service), data).status_code == 422
    assert not Retro.objects.exists() and not BacklogItem.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_hold_retros(client_as, service, role, status):
    assert client_as(role).post(create_url(service), {"held_on": "2026-11-20", "actions": "a"}).status_code == status
    assert not Retro.objects.exists()


def test_another_service_s_retro_is_not_found(client_as, service):
    from tests.factories import ServiceFactory

    other = ServiceFactory()
    _pk, retro_pk = retro_args(other)
    assert client_as("viewer").get(reverse("board:retro_detail", args=[service.pk, retro_pk])).status_code == 404


def test_the_item_page_links_back_to_its_retro(client_as, service):
    pk, retro_pk = retro_args(service)
    item = Retro.objects.get(pk=retro_pk).actions.first()
    page = client_as("viewer").get(reverse("backlog:item_detail", args=[pk, item.pk])).content.decode()
    assert reverse("board:retro_detail", args=[pk, retro_pk]) in page
