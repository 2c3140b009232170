import pytest
from django.urls import reverse

from kuulo.organisation.models import Service
from tests.factories import MembershipFactory, ServiceFactory, UnitFactory


def service_data(in_unit, **overrides) -> dict:
    data = {
        "name_fi": "Pysäköintilupa",
        "name_sv": "Parkeringstillstånd",
        "name_en": "Parking permit",
        "slug": "parking-permit",
        "unit": in_unit.pk,
        "status": "active",
        "channels": ["web", "service_point"],
    }
    return {**data, **overrides}


def test_admin_creates_a_service_with_names_in_three_languages(client_as):
    unit = UnitFactory()
    response = client_as("admin").post(reverse("organisation:service_create"), service_data(unit))
    service = Service.objects.get(slug="parking-permit")
    assert response["Location"] == service.get_absolute_url()
    assert (service.name_fi, service.name_sv, service.name_en) == (
        "Pysäköintilupa",
        "Parkeringstillstånd",
        "Parking permit",
    )
    assert service.channels == ["web", "service_point"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name_sv": ""}, "This field is required"),
        ({"slug": "Not a slug!"}, "valid"),
        ({"channels": ["carrier-pigeon"]}, "Select a valid choice"),
        ({"unit": "999999"}, "Select a valid choice"),
        ({"name_fi": "x" * 201}, "at most 200 characters"),
    ],
    ids=["missing-swedish-name", "bad-slug", "unknown-channel", "unknown-unit", "too-long-name"],
)
def test_bad_service_input_gets_a_clear_error_and_creates_nothing(client_as, overrides, message):
    unit = UnitFactory()
    response = client_as("admin").post(reverse("organisation:service_create"), service_data(unit, **overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Service.objects.filter(slug="parking-permit").exists()


def test_product_owner_edits_their_service(client_as, service):
    url = reverse("organisation:service_edit", args=[service.pk])
    response = client_as("product_owner").post(url, service_data(service.unit, slug=service.slug, name_en="New name"))
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name_en == "New name"


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_others_cannot_change_the_service(client_as, service, role, status):
    url = reverse("organisation:service_edit", args=[service.pk])
    response = client_as(role).post(url, service_data(service.unit, slug=service.slug, name_en="Hijacked"))
    assert response.status_code == status
    service.refresh_from_db()
    assert service.name_en != "Hijacked"


def test_viewer_sees_only_the_services_given_to_them(client_as, service):
    other = ServiceFactory(name_en="Secret service")
    response = client_as("viewer").get(reverse("organisation:service_list"))
    assert service.name_en in response.content.decode()
    assert other.name_en not in response.content.decode()


def test_admin_sees_every_service(client_as, service):
    other = ServiceFactory(name_en="Another service")
    response = client_as("admin").get(reverse("organisation:service_list"))
    assert other.name_en in response.content.decode()


def test_service_names_follow_the_active_language(client_as, service):
    client = client_as("viewer")
    client.post(reverse("accounts:set_language"), {"language": "sv", "next": "/"})
    response = client.get(reverse("organisation:service_detail", args=[service.pk]))
    assert f"<h1>{service.name_sv}</h1>" in response.content.decode()


def test_home_lists_my_services_with_my_role(client_as, service):
    response = client_as("team_member").get(reverse("organisation:home"))
    content = response.content.decode()
    assert service.name_en in content
    assert "Team member" in content


def test_service_list_queries_do_not_grow_with_services(client_as, django_assert_max_num_queries, personas):
    for _ in range(20):
        MembershipFactory(user=personas["viewer"], role="viewer")
    client = client_as("viewer")
    with django_assert_max_num_queries(6):
        client.get(reverse("organisation:service_list"))
