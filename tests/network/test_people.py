"""The people and skills directory: who knows what, in which unit."""

import pytest
from django.urls import reverse

from kuulo.network.models import Guest
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_who_knows_effect_mapping_in_the_tax_unit(client, team_member, viewer):
    tax, other = UnitFactory(name_fi="Verotus", name_en="Tax"), UnitFactory()
    client.force_login(team_member)
    response = client.post(
        reverse("network:my_profile"),
        {"units": [tax.pk], "skills": "data-analyysi", "methods": "Effect mapping, palvelupiirustus", "about": ""},
    )
    assert response.status_code == 302
    client.force_login(viewer)
    client.post(reverse("network:my_profile"), {"units": [other.pk], "methods": "effect mapping"})
    found = client.get(reverse("network:people"), {"q": "effect mapping", "unit": tax.pk}).context["page"]
    assert [profile.user for profile in found.object_list] == [team_member]
    both = client.get(reverse("network:people"), {"q": "effect"}).context["page"]
    assert {profile.user for profile in both.object_list} == {team_member, viewer}


def test_a_guest_is_not_in_the_directory_and_cannot_open_it(client, team_member):
    guest = UserFactory()
    Guest.objects.create(user=guest, organisation="Kumppani Oy")
    client.force_login(guest)
    assert client.get(reverse("network:people")).status_code == 404
    assert client.get(reverse("network:my_profile")).status_code == 404
