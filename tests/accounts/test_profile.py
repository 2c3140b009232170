from django.urls import reverse

from tests.factories import PASSWORD


def test_user_changes_their_name_and_language(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Aino", "last_name": "Aalto", "email": "aino@example.org", "language": "sv"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.language) == ("Aino", "sv")


def test_profile_rejects_a_malformed_email_and_changes_nothing(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Aino", "last_name": "Aalto", "email": "not-an-address", "language": "sv"},
    )
    assert response.status_code == 422
    assert "valid email address" in response.content.decode()
    user.refresh_from_db()
    assert user.language == "fi"


def test_user_changes_their_password(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-much-longer-secret-42",
            "new_password2": "a-much-longer-secret-42",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-much-longer-secret-42")


def test_password_change_needs_the_old_password(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "guess",
            "new_password1": "a-much-longer-secret-42",
            "new_password2": "a-much-longer-secret-42",
        },
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
