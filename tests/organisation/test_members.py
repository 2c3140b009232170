import pytest
from django.urls import reverse

from kuulo.organisation.models import Membership, Role
from tests.factories import MembershipFactory, UserFactory


def members_url(service) -> str:
    return reverse("organisation:service_members", args=[service.pk])


def test_product_owner_adds_a_team_member(client_as, service):
    newcomer = UserFactory()
    response = client_as("product_owner").post(members_url(service), {"user": newcomer.pk, "role": "team_member"})
    assert response.status_code == 302
    assert Membership.objects.get(service=service, user=newcomer).role == Role.TEAM_MEMBER


def test_adding_with_htmx_returns_the_refreshed_team_in_place(client_as, service):
    newcomer = UserFactory(first_name="Ville", last_name="Uusi")
    response = client_as("product_owner").post(
        members_url(service), {"user": newcomer.pk, "role": "viewer"}, headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert "Ville Uusi" in content
    assert "HX-Request" in response["Vary"]


def test_product_owner_cannot_appoint_another_product_owner(client_as, service):
    newcomer = UserFactory()
    response = client_as("product_owner").post(members_url(service), {"user": newcomer.pk, "role": "product_owner"})
    assert response.status_code == 422
    assert not Membership.objects.filter(user=newcomer).exists()


def test_admin_appoints_a_product_owner(client_as, service):
    newcomer = UserFactory()
    client_as("admin").post(members_url(service), {"user": newcomer.pk, "role": "product_owner"})
    assert Membership.objects.get(user=newcomer).role == Role.PRODUCT_OWNER


@pytest.mark.parametrize(
    "data",
    [{"user": "", "role": "viewer"}, {"user": "999999", "role": "viewer"}, {"role": "boss"}],
    ids=["no-user", "unknown-user", "unknown-role"],
)
def test_bad_membership_input_adds_nobody(client_as, service, data):
    before = Membership.objects.count()
    response = client_as("product_owner").post(members_url(service), data)
    assert response.status_code == 422
    assert Membership.objects.count() == before


def test_a_member_cannot_be_added_twice(client_as, service, personas):
    response = client_as("admin").post(members_url(service), {"user": personas["viewer"].pk, "role": "team_member"})
    assert response.status_code == 422
    assert Membership.objects.get(service=service, user=personas["viewer"]).role == Role.VIEWER


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_others_cannot_add_members(client_as, service, role, status):
    newcomer = UserFactory()
    response = client_as(role).post(members_url(service), {"user": newcomer.pk, "role": "viewer"})
    assert response.status_code == status
    assert not Membership.objects.filter(user=newcomer).exists()


def test_product_owner_changes_a_role(client_as, service, personas):
    membership = Membership.objects.get(service=service, user=personas["viewer"])
    url = reverse("organisation:membership_edit", args=[service.pk, membership.pk])
    client_as("product_owner").post(url, {"role": "team_member"})
    membership.refresh_from_db()
    assert membership.role == Role.TEAM_MEMBER


def test_product_owner_cannot_touch_another_product_owner(client_as, service):
    other_owner = MembershipFactory(service=service, role=Role.PRODUCT_OWNER)
    url = reverse("organisation:membership_remove", args=[service.pk, other_owner.pk])
    assert client_as("product_owner").post(url).status_code == 403
    assert Membership.objects.filter(pk=other_owner.pk).exists()


def test_membership_of_another_service_is_not_found(client_as, service):
    foreign = MembershipFactory()
    url = reverse("organisation:membership_edit", args=[service.pk, foreign.pk])
    assert client_as("product_owner").get(url).status_code == 404


def test_removal_asks_first_and_removes_on_post(client_as, service, personas):
    membership = Membership.objects.get(service=service, user=personas["team_member"])
    url = reverse("organisation:membership_remove", args=[service.pk, membership.pk])
    client = client_as("product_owner")
    assert client.get(url).status_code == 200
    assert Membership.objects.filter(pk=membership.pk).exists()
    client.post(url)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert client_as("team_member").get(reverse("organisation:service_detail", args=[service.pk])).status_code == 404
