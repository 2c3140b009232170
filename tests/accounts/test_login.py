import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

LOGIN = reverse("accounts:login")


@pytest.fixture
def swedish_user(db):
    return UserFactory(username="kerstin", language="sv")


def test_login_page_is_in_the_default_language(client, db, settings):
    settings.LANGUAGE_CODE = "fi"
    response = client.get(LOGIN)
    assert '<html lang="fi">' in response.content.decode()
    assert "Kirjaudu sisään" in response.content.decode()


def test_user_logs_in_and_kuulo_switches_to_their_language(client, swedish_user):
    response = client.post(LOGIN, {"username": "kerstin", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("organisation:home")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    home = client.get(reverse("organisation:home"))
    assert '<html lang="sv">' in home.content.decode()


def test_wrong_password_shows_an_error_and_logs_nobody_in(client, swedish_user):
    response = client.post(LOGIN, {"username": "kerstin", "password": "wrong"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_lock_the_user_name_for_a_while(client, swedish_user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "kerstin", "password": "wrong"})
    response = client.post(LOGIN, {"username": "kerstin", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_logins_store_no_client_address(client, swedish_user):
    from axes.models import AccessAttempt

    client.post(LOGIN, {"username": "kerstin", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")
    assert AccessAttempt.objects.get().ip_address is None


def test_successful_login_clears_earlier_failures(client, swedish_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN, {"username": "kerstin", "password": "wrong"})
    client.post(LOGIN, {"username": "kerstin", "password": PASSWORD})
    client.post(reverse("accounts:logout"))
    client.post(LOGIN, {"username": "kerstin", "password": "wrong"})
    response = client.post(LOGIN, {"username": "kerstin", "password": PASSWORD})
    assert response.status_code == 302


def test_passwords_are_hashed_with_argon2(db):
    from django.test import override_settings

    from kuulo import settings as kuulo_settings

    with override_settings(PASSWORD_HASHERS=kuulo_settings.PASSWORD_HASHERS):
        user = UserFactory()
    assert user.password.startswith("argon2")


def test_logout_needs_a_post_and_ends_the_session(client, swedish_user):
    client.force_login(swedish_user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_language_switch_works_before_login(client, db):
    response = client.post(reverse("accounts:set_language"), {"language": "sv", "next": LOGIN})
    assert response.status_code == 302
    assert '<html lang="sv">' in client.get(LOGIN).content.decode()


def test_language_switch_is_remembered_for_the_user(client, swedish_user):
    client.force_login(swedish_user)
    client.post(reverse("accounts:set_language"), {"language": "en", "next": "/"})
    swedish_user.refresh_from_db()
    assert swedish_user.language == "en"


def test_language_switch_ignores_an_unknown_language(client, swedish_user):
    client.force_login(swedish_user)
    client.post(reverse("accounts:set_language"), {"language": "de", "next": "/"})
    swedish_user.refresh_from_db()
    assert swedish_user.language == "sv"


def test_language_switch_does_not_redirect_to_another_site(client, db):
    response = client.post(reverse("accounts:set_language"), {"language": "fi", "next": "https://evil.example/"})
    assert response["Location"] == "/"
