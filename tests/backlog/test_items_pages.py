"""The backlog pages: the list with its filters, creating and editing items, status, delete."""

import datetime

import pytest
from django.urls import reverse

from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.insights.models import Tag
from tests.backlog.pages import backlog_with_items
from tests.factories import MembershipFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def list_url(service, **params):
    url = reverse("backlog:item_list", args=[service.pk])
    if params:
        from urllib.parse import urlencode

        url += "?" + urlencode(params)
    return url


def form_data(**changes) -> dict:
    data = {
        "title": "Takaisinsoitto",
        "description": "",
        "kind": "feature",
        "status": "idea",
        "value": "4",
        "effort": "2",
        "tags": "jonot, Puhelin",
        "assignee": "",
        "due_date": "",
        "blocked_reason": "",
        "expected_metric": "",
        "expected_direction": "up",
        "expected_target": "",
        "horizon": "next",
        "planned_month": "2026-03",
    }
    data.update(changes)
    return data


def test_the_list_shows_open_items_in_rank_order_with_their_facts(client_as, service):
    late, done, plain = backlog_with_items(service)
    page = client_as("viewer").get(list_url(service)).content.decode()
    assert late.title in page and plain.title in page
    assert done.title not in page  # finished items are not open
    assert page.index(late.title) < page.index(plain.title)
    assert "Late: was due" in page
    assert "2 comments, 1 insight" in page
    assert "Should raise" in page
    assert 'class="tag">jonot' in page


def test_viewers_see_the_order_but_no_move_buttons(client_as, service):
    backlog_with_items(service)
    assert b"Move up" not in client_as("viewer").get(list_url(service)).content
    assert b"Move up" not in client_as("team_member").get(list_url(service)).content
    assert b"Move up" in client_as("product_owner").get(list_url(service)).content


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"status": "all"}, {"Takaisinsoitto ruuhka-aikaan", "Jonotiedote verkkosivulle", "Selkokielinen ohje"}),
        ({"status": "done"}, {"Jonotiedote verkkosivulle"}),
        ({"kind": "research"}, {"Selkokielinen ohje"}),
        ({"tag": "jonot"}, {"Takaisinsoitto ruuhka-aikaan"}),
        ({"q": "selkokiel"}, {"Selkokielinen ohje"}),
        ({"assignee": "none"}, {"Takaisinsoitto ruuhka-aikaan", "Selkokielinen ohje"}),
    ],
)
def test_filters_live_in_the_url(client_as, service, params, titles):
    backlog_with_items(service)
    response = client_as("viewer").get(list_url(service, **params))
    shown = {item.title for item in response.context["items"]}
    assert shown == titles


def test_assignee_filter(client_as, service, team_member):
    late, _done, _plain = backlog_with_items(service)
    late.assignee = team_member
    late.save()
    response = client_as("viewer").get(list_url(service, assignee=team_member.pk))
    assert [item.pk for item in response.context["items"]] == [late.pk]


def test_a_bad_filter_falls_back_to_the_default_with_a_notice(client_as, service):
    response = client_as("viewer").get(list_url(service, status="nonsense"))
    assert response.status_code == 200
    assert "Some filters in the address were not valid" in response.content.decode()


def test_the_list_takes_a_fixed_number_of_queries(client_as, service, django_assert_max_num_queries):
    backlog_with_items(service)
    client = client_as("viewer")
    client.get(list_url(service, status="all"))
    with django_assert_max_num_queries(16):
        client.get(list_url(service, status="all"))


def test_team_member_creates_an_item_with_tags_and_history(client_as, service, team_member):
    response = client_as("team_member").post(
        reverse("backlog:item_create", args=[service.pk]), form_data(assignee=team_member.pk)
    )
    item = BacklogItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("backlog:item_detail", args=[service.pk, item.pk])
    assert (item.title, item.value, item.effort, item.assignee, item.rank) == ("Takaisinsoitto", 4, 2, team_member, 1)
    assert item.planned_month == datetime.date(2026, 3, 1)
    assert {tag.name for tag in item.tags.all()} == {"jonot", "Puhelin"}
    assert Tag.objects.filter(name="Puhelin").exists()
    assert ItemChange.objects.filter(item=item, field="created").exists()


def test_team_member_cannot_publish(client_as, service):
    client_as("team_member").post(
        reverse("backlog:item_create", args=[service.pk]), form_data(published="on", we_did_fi="Teimme")
    )
    item = BacklogItem.objects.get()
    assert (item.published, item.we_did_fi) == (False, "")


def test_product_owner_publishes_with_a_we_did_text(client_as, service):
    client_as("product_owner").post(
        reverse("backlog:item_create", args=[service.pk]), form_data(published="on", we_did_fi="Lisäsimme")
    )
    item = BacklogItem.objects.get()
    assert (item.published, item.we_did_fi) == (True, "Lisäsimme")


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "  "},
        {"value": "9"},
        {"planned_month": "maaliskuu"},
        {"expected_target": "3.5"},  # a target without a metric
        {"tags": ",".join(f"t{n}" for n in range(11))},
        {"status": "bogus"},
    ],
)
def test_invalid_items_answer_422_with_the_summary_and_store_nothing(client_as, service, changes):
    response = client_as("team_member").post(reverse("backlog:item_create", args=[service.pk]), form_data(**changes))
    assert response.status_code == 422
    assert b"error-summary" in response.content
    assert not BacklogItem.objects.exists()


def test_publishing_needs_a_text(client_as, service):
    response = client_as("product_owner").post(
        reverse("backlog:item_create", args=[service.pk]), form_data(published="on")
    )
    assert response.status_code == 422
    assert not BacklogItem.objects.exists()


def test_the_assignee_must_be_a_member_of_the_service(client_as, service):
    stranger = MembershipFactory(service=ServiceFactory()).user
    response = client_as("team_member").post(
        reverse("backlog:item_create", args=[service.pk]), form_data(assignee=stranger.pk)
    )
    assert response.status_code == 422
    assert not BacklogItem.objects.exists()


def test_editing_records_each_changed_field(client_as, service):
    late, _done, _plain = backlog_with_items(service)
    url = reverse("backlog:item_edit", args=[service.pk, late.pk])
    client = client_as("team_member")
    data = client.get(url).context["form"].initial
    post = form_data(
        title=late.title,
        kind="feature",
        status="ready",
        value="5",
        effort="3",
        tags="jonot, puhelin",
        due_date="2020-01-31",
        expected_metric=late.expected_metric_id,
        expected_target="80",
        horizon="",
        planned_month="",
    )
    assert data["title"] == late.title
    response = client.post(url, post)
    assert response.status_code == 302
    changes = {(c.field, c.old, c.new) for c in ItemChange.objects.filter(item=late).exclude(field="created")}
    assert changes == {("status", "in_progress", "ready")}
    detail = client.get(reverse("backlog:item_detail", args=[service.pk, late.pk])).content.decode()
    assert "Status: In progress → Ready" in detail


def test_team_member_edit_keeps_the_publishing_fields(client_as, service):
    late, _done, _plain = backlog_with_items(service)
    late.published, late.we_did_fi = True, "Teimme"
    late.save()
    url = reverse("backlog:item_edit", args=[service.pk, late.pk])
    client_as("team_member").post(url, form_data(title="Uusi nimi"))
    late.refresh_from_db()
    assert (late.title, late.published, late.we_did_fi) == ("Uusi nimi", True, "Teimme")


def test_status_change_sets_done_at_and_shows_in_the_history(client_as, service):
    late, _done, _plain = backlog_with_items(service)
    client = client_as("team_member")
    client.post(reverse("backlog:item_status", args=[service.pk, late.pk]), {"status": "done"})
    late.refresh_from_db()
    assert late.done_at is not None
    client.post(reverse("backlog:item_status", args=[service.pk, late.pk]), {"status": "ready"})
    late.refresh_from_db()
    assert late.done_at is None
    page = client.get(reverse("backlog:item_detail", args=[service.pk, late.pk])).content.decode()
    assert "Status: Done → Ready" in page and "Status: In progress → Done" in page


def test_viewer_cannot_change_status(client_as, service):
    late, _done, _plain = backlog_with_items(service)
    response = client_as("viewer").post(reverse("backlog:item_status", args=[service.pk, late.pk]), {"status": "done"})
    assert response.status_code == 403


def test_an_item_of_another_service_is_404(client_as, service):
    other = ServiceFactory()
    (item, *_rest) = backlog_with_items(other)
    response = client_as("admin").get(reverse("backlog:item_detail", args=[service.pk, item.pk]))
    assert response.status_code == 404


def test_product_owner_deletes_and_the_ranks_close_up(client_as, service):
    late, done, plain = backlog_with_items(service)
    client_as("product_owner").post(reverse("backlog:item_delete", args=[service.pk, late.pk]))
    assert list(BacklogItem.objects.order_by("rank").values_list("pk", "rank")) == [(done.pk, 1), (plain.pk, 2)]


def test_team_member_cannot_delete(client_as, service):
    late, _done, _plain = backlog_with_items(service)
    response = client_as("team_member").post(reverse("backlog:item_delete", args=[service.pk, late.pk]))
    assert response.status_code == 403
    assert BacklogItem.objects.filter(pk=late.pk).exists()


def test_the_detail_shows_fields_evidence_and_history(client_as, service):
    late, _done, _plain = backlog_with_items(service)
    page = client_as("viewer").get(reverse("backlog:item_detail", args=[service.pk, late.pk])).content.decode()
    assert "Puhelinjonot ovat liian pitkiä." in page
    assert "Comments as evidence (2)" in page
    assert "Late: was due" in page
    assert "Created the item." in page
