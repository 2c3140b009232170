"""The roadmap: now / next / later, a timeline by month or quarter, inline scheduling, the organisation view."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem, ItemChange
from tests.backlog.board_pages import team_work
from tests.factories import MembershipFactory, ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db


def roadmap_url(service, query: str = "") -> str:
    return reverse("board:roadmap", args=[service.pk]) + query


def schedule_url(item) -> str:
    return reverse("board:roadmap_schedule", args=[item.service_id, item.pk])


def test_items_are_in_their_horizons_and_dismissed_ones_are_left_out(client_as, service):
    items = team_work(service)
    response = client_as("viewer").get(roadmap_url(service))
    horizons = {code: items_ for code, _label, items_ in response.context["roadmap"].horizons}
    assert horizons["now"] == [items["doing"], items["blocked"]]
    assert horizons["next"] == [items["ready"]]
    assert horizons["later"] == [items["idea"]]
    assert items["dismissed"].title not in response.content.decode()


def test_the_timeline_by_month_and_by_quarter(client_as, service):
    items = team_work(service)
    month = timezone.localdate().replace(day=1)
    later = datetime.date(month.year + 1, 2, 1)
    actions.update_item(items["idea"], None, planned_month=later)
    client = client_as("viewer")

    periods = client.get(roadmap_url(service, "?by=month")).context["roadmap"].periods
    assert periods[0].start == month and periods[-1].start == later
    assert len(periods) == (later.year - month.year) * 12 + later.month - month.month + 1
    assert periods[0].items == [items["ready"], items["doing"]]
    assert periods[-1].items == [items["idea"]]

    response = client.get(roadmap_url(service, "?by=quarter"))
    periods = response.context["roadmap"].periods
    assert periods[0].start == month.replace(month=(month.month - 1) // 3 * 3 + 1)
    by_key = {period.key: period.items for period in periods}
    assert by_key[f"{later.year}-Q1"] == [items["idea"]]
    page = response.content.decode()
    assert "Timeline by quarter" in page and f"Q1 {later.year}" in page
    assert '<table class="timeline"' in page and 'scope="row"' in page


def test_a_bad_timeline_choice_is_a_bad_request(client_as, service):
    assert client_as("viewer").get(roadmap_url(service, "?by=year")).status_code == 400
    assert client_as("viewer").get(reverse("board:roadmap_organisation") + "?by=week").status_code == 400


def test_the_roadmap_prints_on_a4_landscape(client_as, service):
    page = client_as("viewer").get(roadmap_url(service)).content.decode()
    assert 'roadmap-print.css" media="print"' in page


def test_only_the_product_owner_gets_the_schedule_forms(client_as, service):
    team_work(service)
    assert "Change schedule" in client_as("product_owner").get(roadmap_url(service)).content.decode()
    assert "Change schedule" not in client_as("team_member").get(roadmap_url(service)).content.decode()


def test_the_product_owner_reschedules_an_item_and_it_keeps_history(client_as, service, product_owner):
    item = team_work(service)["idea"]
    prefix = f"item-{item.pk}"
    response = client_as("product_owner").post(
        schedule_url(item),
        {f"{prefix}-horizon": "next", f"{prefix}-planned_month": "2027-03", "by": "quarter"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "<html" not in response.content.decode()
    item.refresh_from_db()
    assert (item.horizon, item.planned_month) == ("next", datetime.date(2027, 3, 1))
    changes = dict(ItemChange.objects.filter(item=item).exclude(field="created").values_list("field", "new"))
    assert changes == {"horizon": "next", "planned_month": "2027-03-01"}
    assert response.context["by"] == "quarter"


def test_clearing_the_schedule_takes_an_item_off_the_roadmap(client_as, service):
    item = team_work(service)["ready"]
    prefix = f"item-{item.pk}"
    response = client_as("product_owner").post(
        schedule_url(item), {f"{prefix}-horizon": "", f"{prefix}-planned_month": ""}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.horizon, item.planned_month) == ("", None)


@pytest.mark.parametrize("month", ["2027-13", "March", "27-03"])
def test_a_bad_month_is_refused(client_as, service, month):
    item = team_work(service)["idea"]
    prefix = f"item-{item.pk}"
    data = {f"{prefix}-horizon": "now", f"{prefix}-planned_month": month}
    response = client_as("product_owner").post(schedule_url(item), data, headers={"HX-Request": "true"})
    assert response.status_code == 422 and "for example 2026-11" in response.content.decode()
    assert BacklogItem.objects.get(pk=item.pk).horizon == "later"
    assert client_as("product_owner").post(schedule_url(item), data).status_code == 302


def test_a_bad_horizon_is_refused(client_as, service):
    item = team_work(service)["idea"]
    data = {f"item-{item.pk}-horizon": "someday"}
    assert client_as("product_owner").post(schedule_url(item), data, headers={"HX-Request": "true"}).status_code == 422


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_the_product_owner_may_reschedule(client_as, service, role, status):
    item = team_work(service)["idea"]
    data = {f"item-{item.pk}-horizon": "now"}
    assert client_as(role).post(schedule_url(item), data).status_code == status
    assert BacklogItem.objects.get(pk=item.pk).horizon == "later"


def test_the_organisation_roadmap_shows_visible_services_and_filters_by_unit(client_as, service, viewer):
    team_work(service)
    actions.create_item(ServiceFactory(), None, title="Salainen suunnitelma", horizon="now")
    unit = UnitFactory()
    elsewhere = ServiceFactory(unit=unit)
    MembershipFactory(service=elsewhere, user=viewer, role="viewer")
    actions.create_item(elsewhere, None, title="Toisen yksikön suunnitelma", horizon="next")
    client = client_as("viewer")
    url = reverse("board:roadmap_organisation")
    page = client.get(url).content.decode()
    assert "Chatbotin vastaukset" in page and "Toisen yksikön suunnitelma" in page
    assert "Salainen suunnitelma" not in page
    assert "Change schedule" not in page  # a viewer
    page = client.get(f"{url}?unit={unit.pk}&by=quarter").content.decode()
    assert "Toisen yksikön suunnitelma" in page and "Chatbotin vastaukset" not in page


def test_a_product_owner_reschedules_their_own_items_from_the_organisation_roadmap(client_as, service):
    item = team_work(service)["idea"]
    foreign = actions.create_item(ServiceFactory(), None, title="Toisen palvelun työ", horizon="now")
    client = client_as("product_owner")
    url = reverse("board:roadmap_organisation") + "?by=quarter"
    page = client.get(url).content.decode()
    assert f'action="{schedule_url(item)}"' in page and f'action="{schedule_url(foreign)}"' not in page
    prefix = f"item-{item.pk}"
    data = {f"{prefix}-horizon": "now", f"{prefix}-planned_month": "", "next": url}
    response = client.post(schedule_url(item), data)
    assert response.status_code == 302 and response.url == f"{url}#item-{item.pk}"
    assert BacklogItem.objects.get(pk=item.pk).horizon == "now"
    data["next"] = "https://example.com/"
    assert client.post(schedule_url(item), data).url.startswith(roadmap_url(service))
