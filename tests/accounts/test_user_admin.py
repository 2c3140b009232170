import pytest
from django.urls import reverse

from kuulo.accounts.models import User


def new_user_data(**overrides) -> dict:
    data = {
        "username": "matti",
        "first_name": "Matti",
        "last_name": "Meikäläinen",
        "email": "matti@example.org",
        "language": "fi",
        "is_active": "on",
        "password": "kesä-on-lyhyt-2026",
    }
    return {key: value for key, value in {**data, **overrides}.items() if value is not None}


def test_admin_creates_a_user_who_can_log_in(client_as, client):
    response = client_as("admin").post(reverse("accounts:user_create"), new_user_data())
    assert response.status_code == 302
    user = User.objects.get(username="matti")
    assert user.check_password("kesä-on-lyhyt-2026")
    assert not user.is_org_admin


def test_admin_makes_another_user_an_organisation_admin(client_as, personas):
    team_member = personas["team_member"]
    data = {
        "username": team_member.username,
        "first_name": "Tiina",
        "last_name": "Tiimi",
        "email": "tiina@example.org",
        "language": "fi",
        "is_active": "on",
        "is_org_admin": "on",
    }
    client_as("admin").post(reverse("accounts:user_edit", args=[team_member.pk]), data)
    team_member.refresh_from_db()
    assert team_member.is_org_admin
    assert team_member.is_staff


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password": "short"}, "too short"),
        ({"password": "password123"}, "too common"),
        ({"username": "admin"}, "already exists"),
        ({"email": None}, "required"),
        ({"username": "has spaces"}, "valid username"),
    ],
    ids=["short-password", "common-password", "taken-username", "missing-email", "bad-username"],
)
def test_bad_user_input_gets_a_clear_error_and_creates_nobody(client_as, overrides, message):
    before = User.objects.count()
    response = client_as("admin").post(reverse("accounts:user_create"), new_user_data(**overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert User.objects.count() == before


def test_admin_cannot_remove_their_own_admin_role(client_as, personas):
    admin = personas["admin"]
    data = {"username": "admin", "first_name": "A", "last_name": "B", "email": "a@example.org", "language": "fi"}
    response = client_as("admin").post(reverse("accounts:user_edit", args=[admin.pk]), {**data, "is_active": "on"})
    assert response.status_code == 422
    admin.refresh_from_db()
    assert admin.is_org_admin


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_admins_can_create_users(client_as, role):
    response = client_as(role).post(reverse("accounts:user_create"), new_user_data())
    assert response.status_code == 404
    assert not User.objects.filter(username="matti").exists()


def test_user_list_does_not_grow_queries_with_users(client_as, django_assert_max_num_queries, personas):
    from tests.factories import MembershipFactory

    MembershipFactory.create_batch(15)
    client = client_as("admin")
    with django_assert_max_num_queries(8):
        client.get(reverse("accounts:user_list"))
