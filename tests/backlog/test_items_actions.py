"""The verbs every backlog change goes through: dense ranks, history, done dates."""

import datetime

import pytest

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem, ItemChange
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def ranks(service) -> list[tuple[str, int]]:
    return list(BacklogItem.objects.filter(service=service).order_by("rank").values_list("title", "rank"))


def make(service, user, *titles):
    return [actions.create_item(service, user, title=title) for title in titles]


def test_new_items_go_last_and_ranks_stay_dense(service, product_owner):
    make(service, product_owner, "a", "b", "c")
    actions.create_item(service, product_owner, title="top", position=1)
    assert ranks(service) == [("top", 1), ("a", 2), ("b", 3), ("c", 4)]


def test_moving_up_down_top_bottom_keeps_ranks_dense(service, product_owner):
    a, b, c = make(service, product_owner, "a", "b", "c")
    assert actions.move_item(c, product_owner, "up") == 2
    assert ranks(service) == [("a", 1), ("c", 2), ("b", 3)]
    actions.move_item(b, product_owner, "top")
    assert ranks(service) == [("b", 1), ("a", 2), ("c", 3)]
    actions.move_item(b, product_owner, "bottom")
    assert ranks(service) == [("a", 1), ("c", 2), ("b", 3)]
    assert actions.move_item(a, product_owner, "up") == 1  # already on top: stays


def test_moving_among_a_filtered_list_jumps_over_hidden_items(service, product_owner):
    a, _b, c = make(service, product_owner, "a", "b", "c")
    actions.move_item(c, product_owner, "up", among=[a.pk, c.pk])
    assert ranks(service) == [("c", 1), ("a", 2), ("b", 3)]


def test_reorder_fills_the_places_of_the_dragged_items(service, product_owner):
    _a, b, _c, d = make(service, product_owner, "a", "b", "c", "d")
    moved = actions.reorder(service, product_owner, [d.pk, b.pk])
    assert ranks(service) == [("a", 1), ("d", 2), ("c", 3), ("b", 4)]
    assert moved == {d.pk: 2, b.pk: 4}
    assert ItemChange.objects.filter(item=d, field="rank", old="4", new="2").exists()


def test_reorder_refuses_other_services_items(service, product_owner):
    (a,) = make(service, product_owner, "a")
    (other,) = make(ServiceFactory(), product_owner, "x")
    with pytest.raises(ValueError):
        actions.reorder(service, product_owner, [a.pk, other.pk])


def test_deleting_renumbers(service, product_owner):
    _a, b, _c = make(service, product_owner, "a", "b", "c")
    actions.delete_item(b)
    assert ranks(service) == [("a", 1), ("c", 2)]


def test_update_records_only_changed_fields(service, product_owner):
    (item,) = make(service, product_owner, "a")
    changes = actions.update_item(item, product_owner, title="a", value=3, tags=["Wait", "phone"])
    assert {(c.field, c.old, c.new) for c in changes} == {("value", "", "3"), ("tags", "", "phone, Wait")}
    assert actions.update_item(item, product_owner, value=3, tags=["wait", "Phone"]) == []


def test_done_sets_done_at_and_reopening_clears_it(service, product_owner):
    (item,) = make(service, product_owner, "a")
    actions.change_status(item, product_owner, "done", done_on=datetime.date(2026, 3, 2))
    item.refresh_from_db()
    assert item.done_at == datetime.date(2026, 3, 2)
    actions.change_status(item, product_owner, "verified")
    item.refresh_from_db()
    assert item.done_at == datetime.date(2026, 3, 2)
    change = actions.change_status(item, product_owner, "in_progress")
    item.refresh_from_db()
    assert item.done_at is None
    assert (change.field, change.old, change.new) == ("status", "verified", "in_progress")


def test_update_item_status_keeps_done_at_in_step(service, product_owner):
    (item,) = make(service, product_owner, "a")
    actions.update_item(item, product_owner, status="done")
    item.refresh_from_db()
    assert item.done_at is not None
    actions.update_item(item, product_owner, status="ready")
    item.refresh_from_db()
    assert item.done_at is None
