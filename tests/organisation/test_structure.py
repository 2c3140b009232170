import pytest
from django.urls import reverse

from kuulo.organisation.models import LifeEvent, Organisation, Unit
from tests.factories import ServiceFactory, UnitFactory


def test_admin_builds_a_unit_tree(client_as):
    client = client_as("admin")
    client.post(
        reverse("organisation:unit_create"), {"name_fi": "Palvelut", "name_sv": "Tjänster", "name_en": "Services"}
    )
    parent = Unit.objects.get(name_en="Services")
    client.post(
        reverse("organisation:unit_create"),
        {"name_fi": "Neuvonta", "name_sv": "Rådgivning", "name_en": "Advice", "parent": parent.pk},
    )
    assert Unit.objects.get(name_en="Advice").parent == parent


def test_a_unit_cannot_be_moved_under_its_own_sub_unit(client_as):
    parent = UnitFactory()
    child = UnitFactory(parent=parent)
    response = client_as("admin").post(
        reverse("organisation:unit_edit", args=[parent.pk]),
        {"name_fi": parent.name_fi, "name_en": parent.name_en, "parent": child.pk},
    )
    assert response.status_code == 422
    parent.refresh_from_db()
    assert parent.parent is None


def test_unit_needs_a_finnish_name(client_as):
    response = client_as("admin").post(reverse("organisation:unit_create"), {"name_en": "Nameless"})
    assert response.status_code == 422
    assert not Unit.objects.filter(name_en="Nameless").exists()


def test_unit_tree_shows_only_services_the_user_may_see(client_as, service):
    hidden = ServiceFactory(unit=service.unit, name_en="Hidden service")
    content = client_as("viewer").get(reverse("organisation:unit_list")).content.decode()
    assert service.name_en in content
    assert hidden.name_en not in content


def test_life_events_show_only_visible_services(client_as, service):
    life_event = LifeEvent.objects.create(name_fi="Muutto", name_en="Moving")
    hidden = ServiceFactory(name_en="Hidden service")
    service.life_events.add(life_event)
    hidden.life_events.add(life_event)
    content = client_as("viewer").get(reverse("organisation:life_event_list")).content.decode()
    assert service.name_en in content
    assert hidden.name_en not in content


def test_admin_creates_and_edits_a_life_event(client_as):
    client = client_as("admin")
    client.post(
        reverse("organisation:life_event_create"), {"name_fi": "Muutto", "name_sv": "Flytt", "name_en": "Moving"}
    )
    life_event = LifeEvent.objects.get(name_en="Moving")
    client.post(
        reverse("organisation:life_event_edit", args=[life_event.pk]),
        {"name_fi": "Muutto", "name_sv": "Flytt", "name_en": "Moving house"},
    )
    life_event.refresh_from_db()
    assert life_event.name_en == "Moving house"


def test_admin_names_the_organisation(client_as):
    client_as("admin").post(
        reverse("organisation:organisation_edit"), {"name_fi": "Virasto", "name_sv": "Verket", "name_en": "Agency"}
    )
    assert Organisation.current().name_en == "Agency"


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_admins_change_the_structure(client_as, role):
    client = client_as(role)
    client.post(reverse("organisation:unit_create"), {"name_fi": "Uusi", "name_en": "New"})
    client.post(reverse("organisation:life_event_create"), {"name_fi": "Uusi", "name_en": "New"})
    client.post(reverse("organisation:organisation_edit"), {"name_fi": "Kaapattu"})
    assert not Unit.objects.filter(name_en="New").exists()
    assert not LifeEvent.objects.filter(name_en="New").exists()
    assert not Organisation.objects.filter(name_fi="Kaapattu").exists()
