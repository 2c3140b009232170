"""Ranking by the move buttons (keyboard, no JS) and by drag and drop: dense ranks, roles, bad input."""

import pytest
from django.urls import reverse

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem, ItemChange
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(service):
    return [actions.create_item(service, None, title=title) for title in ("a", "b", "c", "d")]


def order(service) -> list[tuple[str, int]]:
    return list(BacklogItem.objects.filter(service=service).order_by("rank").values_list("title", "rank"))


def move(client, service, item, **data):
    return client.post(reverse("backlog:item_move", args=[service.pk, item.pk]), data)


def test_move_up_without_js_redirects_back_with_the_new_place(client_as, service, items):
    client = client_as("product_owner")
    response = move(client, service, items[2], direction="up")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{items[2].pk}")
    assert order(service) == [("a", 1), ("c", 2), ("b", 3), ("d", 4)]
    page = client.get(response["Location"]).content.decode()
    assert "“c” is now number 2 of 4." in page


@pytest.mark.parametrize(
    ("direction", "expected"),
    [("top", ["c", "a", "b", "d"]), ("down", ["a", "b", "d", "c"]), ("bottom", ["a", "b", "d", "c"])],
)
def test_move_directions_keep_ranks_dense(client_as, service, items, direction, expected):
    move(client_as("product_owner"), service, items[2], direction=direction)
    assert order(service) == [(title, n) for n, title in enumerate(expected, start=1)]


def test_move_to_a_position(client_as, service, items):
    move(client_as("admin"), service, items[3], position="2")
    assert order(service) == [("a", 1), ("d", 2), ("b", 3), ("c", 4)]


def test_htmx_move_answers_with_the_list_and_the_announcement(client_as, service, items):
    response = client_as("product_owner").post(
        reverse("backlog:item_move", args=[service.pk, items[1].pk]), {"direction": "top"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'hx-swap-oob="innerHTML:#rank-announcement"' in body
    assert "“b” is now number 1 of 4." in body
    assert f'data-focus="item-{items[1].pk}:top"' in body


def test_a_move_within_filters_jumps_over_hidden_items(client_as, service, items):
    actions.change_status(items[1], None, "done")
    move(client_as("product_owner"), service, items[2], direction="up", filters="status=open")
    assert order(service) == [("c", 1), ("a", 2), ("b", 3), ("d", 4)]


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_the_product_owner_ranks(client_as, service, items, role, status):
    client = client_as(role)
    assert move(client, service, items[2], direction="up").status_code == status
    url = reverse("backlog:item_reorder", args=[service.pk])
    assert client.post(url, {"order": f"{items[3].pk},{items[0].pk}"}).status_code == status
    assert order(service) == [("a", 1), ("b", 2), ("c", 3), ("d", 4)]


@pytest.mark.parametrize("data", [{}, {"direction": "sideways"}, {"position": "0"}, {"position": "x"}])
def test_bad_moves_answer_400(client_as, service, items, data):
    assert move(client_as("product_owner"), service, items[2], **data).status_code == 400
    assert order(service) == [("a", 1), ("b", 2), ("c", 3), ("d", 4)]


def test_drag_and_drop_saves_the_new_order(client_as, service, items):
    a, b, c, d = items
    response = client_as("product_owner").post(
        reverse("backlog:item_reorder", args=[service.pk]),
        {"order": f"{d.pk},{a.pk},{b.pk},{c.pk}", "moved": d.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "“d” is now number 1 of 4." in response.content.decode()
    assert order(service) == [("d", 1), ("a", 2), ("b", 3), ("c", 4)]
    assert ItemChange.objects.filter(item=d, field="rank", old="4", new="1").exists()


def test_drag_and_drop_of_a_filtered_list_keeps_hidden_items_in_place(client_as, service, items):
    a, b, c, d = items
    actions.change_status(b, None, "done")
    client_as("product_owner").post(
        reverse("backlog:item_reorder", args=[service.pk]), {"order": f"{d.pk},{a.pk},{c.pk}", "filters": "status=open"}
    )
    assert order(service) == [("d", 1), ("b", 2), ("a", 3), ("c", 4)]


@pytest.mark.parametrize("value", ["", "1,x", "1,1"])
def test_malformed_orders_answer_400(client_as, service, items, value):
    response = client_as("product_owner").post(reverse("backlog:item_reorder", args=[service.pk]), {"order": value})
    assert response.status_code == 400


def test_an_order_with_another_services_item_is_refused(client_as, service, items):
    foreign = actions.create_item(ServiceFactory(), None, title="x")
    response = client_as("product_owner").post(
        reverse("backlog:item_reorder", args=[service.pk]), {"order": f"{foreign.pk},{items[0].pk}"}
    )
    assert response.status_code == 400
    assert order(service) == [("a", 1), ("b", 2), ("c", 3), ("d", 4)]


def test_moving_another_services_item_is_404(client_as, service, items):
    foreign = actions.create_item(ServiceFactory(), None, title="x")
    response = move(client_as("product_owner"), service, foreign, direction="up")
    assert response.status_code == 404


def test_the_item_page_moves_to_a_place_and_comes_back(client_as, service, items):
    detail = reverse("backlog:item_detail", args=[service.pk, items[3].pk])
    client = client_as("product_owner")
    assert b'name="position"' in client.get(detail).content
    assert b'name="position"' not in client_as("team_member").get(detail).content
    client = client_as("product_owner")
    response = move(client, service, items[3], position="1", next=detail)
    assert response["Location"] == detail
    assert order(service) == [("d", 1), ("a", 2), ("b", 3), ("c", 4)]
