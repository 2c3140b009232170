"""The team board: columns by status, limits on work in progress, moving cards with history; the weekly follow-up."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.board.models import WipLimit
from tests.backlog.board_pages import team_work
from tests.factories import MembershipFactory, ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db
Status = BacklogItem.Status


def board_url(service) -> str:
    return reverse("board:board", args=[service.pk])


def move_url(item) -> str:
    return reverse("board:board_move", args=[item.service_id, item.pk])


def test_board_shows_columns_in_rank_order_with_late_blocked_and_limits(client_as, service):
    items = team_work(service)
    page = client_as("viewer").get(board_url(service)).content.decode()
    doing = page.index('id="column-in_progress"')
    assert page.index(items["idea"].title) < page.index('id="column-ready"') < page.index(items["ready"].title)
    assert doing < page.index(items["doing"].title) < page.index(items["blocked"].title)
    assert "board__column--over" in page and "Over the limit of 1" in page
    assert "Late</strong>: was due" in page
    assert "Odottaa tietohallintoa" in page
    assert page.index(items["dismissed"].title) > page.index('<details class="board__collapsed"')


def test_a_viewer_sees_no_move_forms(client_as, service):
    team_work(service)
    assert 'name="status"' not in client_as("viewer").get(board_url(service)).content.decode()
    assert 'name="status"' in client_as("team_member").get(board_url(service)).content.decode()


def test_the_board_reads_in_a_fixed_number_of_queries(client_as, service, django_assert_max_num_queries):
    team_work(service)
    for n in range(10):
        actions.create_item(service, None, title=f"lisää {n}", status=Status.READY)
    client = client_as("team_member")
    with django_assert_max_num_queries(12):
        assert client.get(board_url(service)).status_code == 200


def test_moving_a_card_keeps_history_and_sets_the_done_date(client_as, service, team_member):
    item = team_work(service)["doing"]
    response = client_as("team_member").post(move_url(item), {"status": Status.DONE})
    assert response.status_code == 302 and response.url.endswith(f"#item-{item.pk}")
    item.refresh_from_db()
    assert item.status == Status.DONE and item.done_at == timezone.localdate()
    change = ItemChange.objects.get(item=item, field="status")
    assert (change.old, change.new, change.changed_by) == ("in_progress", "done", team_member)


def test_moving_with_htmx_answers_the_board_with_the_moved_card_focused(client_as, service):
    item = team_work(service)["idea"]
    response = client_as("team_member").post(move_url(item), {"status": Status.READY}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert 'hx-swap-oob="true"' in page and "autofocus" in page
    assert BacklogItem.objects.get(pk=item.pk).status == Status.READY


def test_an_unknown_status_is_a_bad_request(client_as, service):
    item = team_work(service)["idea"]
    assert client_as("team_member").post(move_url(item), {"status": "finished"}).status_code == 400
    assert not ItemChange.objects.filter(item=item, field="status").exists()


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_move_cards(client_as, service, role, status):
    item = team_work(service)["idea"]
    assert client_as(role).post(move_url(item), {"status": Status.READY}).status_code == status
    assert BacklogItem.objects.get(pk=item.pk).status == Status.IDEA


def test_a_card_of_another_service_is_not_found(client_as, service):
    other = actions.create_item(ServiceFactory(), None, title="muu")
    url = reverse("board:board_move", args=[service.pk, other.pk])
    assert client_as("team_member").post(url, {"status": Status.READY}).status_code == 404


def test_moving_needs_post(client_as, service):
    item = team_work(service)["idea"]
    assert client_as("team_member").get(move_url(item)).status_code == 405


def test_the_product_owner_sets_and_clears_limits(client_as, service):
    url = reverse("board:board_limits", args=[service.pk])
    client = client_as("product_owner")
    response = client.post(url, {"ready": "3", "in_progress": "2", "idea": "", "done": ""})
    assert response.status_code == 302
    assert dict(WipLimit.objects.filter(service=service).values_list("status", "limit")) == {
        "ready": 3,
        "in_progress": 2,
    }
    client.post(url, {"ready": "", "in_progress": "2"})
    assert list(WipLimit.objects.filter(service=service).values_list("status", flat=True)) == ["in_progress"]
    assert client.post(url, {"ready": "0"}).status_code == 422
    page = client.get(board_url(service)).content.decode()
    assert "Limit 2" in page


def test_a_team_member_cannot_set_limits(client_as, service):
    url = reverse("board:board_limits", args=[service.pk])
    assert client_as("team_member").post(url, {"ready": "3"}).status_code == 403
    assert not WipLimit.objects.exists()


# The weekly follow-up


def follow_up_url(service, week: str | None = None) -> str:
    url = reverse("board:follow_up", args=[service.pk])
    return f"{url}?week={week}" if week else url


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone())


def test_the_follow_up_shows_what_moved_in_the_week_and_what_is_late_or_blocked(client_as, service, team_member):
    items = team_work(service)
    monday = datetime.date(2026, 11, 16)  # week 47
    actions.change_status(items["idea"], team_member, Status.READY)
    ItemChange.objects.filter(item=items["idea"], field="status").update(changed_at=_at(monday + datetime.timedelta(2)))
    actions.change_status(items["ready"], team_member, Status.IN_PROGRESS)
    ItemChange.objects.filter(item=items["ready"], field="status").update(
        changed_at=_at(monday - datetime.timedelta(1))
    )
    BacklogItem.objects.filter(pk=items["done"].pk).update(done_at=monday + datetime.timedelta(4))
    BacklogItem.objects.filter(pk=items["blocked"].pk).update(created_at=_at(monday))

    response = client_as("viewer").get(follow_up_url(service, "2026-W47"))
    assert response.status_code == 200
    entry = response.context["entry"]
    assert [change.item for change in entry.moves] == [items["idea"]]
    assert entry.moves[0].old_label == "Idea" and entry.moves[0].new_label == "Ready"
    assert entry.new == [items["blocked"]]
    assert entry.done == [items["done"]]
    assert entry.late == [items["doing"]]
    assert entry.blocked == [items["blocked"]]
    page = response.content.decode()
    assert "?week=2026-W46" in page and "?week=2026-W48" in page

    previous = client_as("viewer").get(follow_up_url(service, "2026-W46")).context["entry"]
    assert [change.item for change in previous.moves] == [items["ready"]]
    assert previous.done == [] and previous.new == []


def test_the_follow_up_starts_at_this_week(client_as, service):
    response = client_as("viewer").get(follow_up_url(service))
    year, week, _day = timezone.localdate().isocalendar()
    assert response.context["week"].label == f"{year}-W{week:02d}"


@pytest.mark.parametrize("week", ["2026-W60", "2026-47", "next", "1999-W10", "2026-W00"])
def test_a_bad_week_is_a_bad_request(client_as, service, week):
    assert client_as("viewer").get(follow_up_url(service, week)).status_code == 400
    url = reverse("board:follow_up_organisation") + f"?week={week}"
    assert client_as("viewer").get(url).status_code == 400


def test_the_organisation_follow_up_shows_only_visible_services_and_filters_by_unit(client_as, service, viewer):
    team_work(service)
    hidden = ServiceFactory()
    actions.create_item(hidden, None, title="Salainen", blocked_reason="ei näy")
    unit = UnitFactory()
    elsewhere = ServiceFactory(unit=unit)
    MembershipFactory(service=elsewhere, user=viewer, role="viewer")
    actions.create_item(elsewhere, None, title="Toisen yksikön työ", blocked_reason="odottaa")
    client = client_as("viewer")
    url = reverse("board:follow_up_organisation")
    page = client.get(url).content.decode()
    assert "Odottaa tietohallintoa" in page and "Toisen yksikön työ" in page and "Salainen" not in page
    page = client.get(f"{url}?unit={unit.pk}").content.decode()
    assert "Toisen yksikön työ" in page and "Odottaa tietohallintoa" not in page
    assert client.get(f"{url}?unit=999999").status_code == 400


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url_name", ["board:follow_up_organisation", "board:roadmap_organisation"])
def test_the_organisation_views_read_in_a_fixed_number_of_queries(client_as, service, url_name):
    team_work(service)
    client = client_as("admin")
    url = reverse(url_name)
    few = _queries(client, url)
    for _n in range(4):
        team_work(ServiceFactory())
    assert _queries(client, url) == few


def test_weeks_cross_the_year_by_iso_week_numbers(client_as, service):
    response = client_as("viewer").get(follow_up_url(service, "2026-W53"))
    week = response.context["week"]
    assert (week.year, week.number, week.next.label, week.previous.label) == (2026, 53, "2027-W01", "2026-W52")
    assert "?week=2027-W01" in response.content.decode()
    assert client_as("viewer").get(follow_up_url(service, "2025-W53")).status_code == 400  # 2025 has 52 weeks
