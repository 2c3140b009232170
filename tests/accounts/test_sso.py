"""Single sign-on with OpenID Connect: the whole authorization-code flow over HTTP against a real
provider (django-oidc-provider, started by tests/oidc_provider/server.py), no mocked endpoint."""

import html
import re

import pytest
import requests
from django.test import override_settings

from kuulo.accounts.models import ExternalIdentity, User
from kuulo.audit.models import Entry
from kuulo.organisation.models import Membership, Role
from tests.factories import ServiceFactory, UserFactory
from tests.oidc_provider.server import oidc_provider  # noqa: F401 (a fixture)
from tests.oidc_provider.setup import PASSWORD


@pytest.fixture
def sso(oidc_provider):  # noqa: F811
    with override_settings(**oidc_provider.settings()):
        yield oidc_provider


def sign_in(live_server, username: str, password: str = PASSWORD) -> requests.Response:
    """Kuulo's "Log in with your organisation's account" → the provider's sign-in form → back to Kuulo."""
    session = requests.Session()
    form = session.get(f"{live_server.url}/oidc/authenticate/", timeout=20)
    assert form.status_code == 200 and "Test provider: sign in" in form.text, form.url
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(r'name="(csrfmiddlewaretoken|next)" value="([^"]*)"', form.text)
    }
    answer = session.post(form.url, {**fields, "username": username, "password": password}, timeout=20)
    answer.session = session
    return answer


def test_the_first_sign_in_creates_a_user_with_no_rights_matched_by_subject_not_e_mail(live_server, sso):
    UserFactory(username="maija.local", email="maija@virasto.example")  # same address, another person in Kuulo
    answer = sign_in(live_server, "maija")
    assert answer.status_code == 200 and answer.url.startswith(live_server.url)
    assert "Maija Meikäläinen" in answer.text  # signed in: the header names the person
    identity = ExternalIdentity.objects.get(issuer=sso.issuer)
    user = identity.user
    assert user.username != "maija.local" and (user.first_name, user.email) == ("Maija", "maija@virasto.example")
    assert not user.is_superuser and not user.memberships.exists() and not user.has_usable_password()
    signed_in = Entry.objects.filter(action="auth.login", actor=user).get()
    assert signed_in.details["method"] == "oidc"  # the audit log says how
    sign_in(live_server, "maija")  # again: the same user
    assert User.objects.filter(external_identities__isnull=False).count() == 1
    assert ExternalIdentity.objects.get().last_login_at is not None


def test_groups_give_organisation_admin_and_service_roles_and_take_them_away(live_server, sso):
    service = ServiceFactory(slug="asumistuki")
    roles = [("kuulo-asumistuki-tiimi", "asumistuki", "team_member")]
    with override_settings(KUULO_OIDC_ADMIN_GROUPS=["kuulo-admins"], KUULO_OIDC_SERVICE_ROLES=roles):
        sign_in(live_server, "maija")
        sign_in(live_server, "anna")
        maija = User.objects.get(first_name="Maija")
        anna = User.objects.get(first_name="Anna")
        assert Membership.objects.get(user=maija, service=service).role == Role.TEAM_MEMBER
        assert anna.is_superuser and not maija.is_superuser
        assert not Membership.objects.filter(user=anna).exists()
    moved = [("kuulo-muu-ryhma", "asumistuki", "product_owner")]
    with override_settings(KUULO_OIDC_ADMIN_GROUPS=["kuulo-johto"], KUULO_OIDC_SERVICE_ROLES=moved):
        sign_in(live_server, "maija")
        sign_in(live_server, "anna")
    assert not Membership.objects.filter(user=maija, service=service).exists()
    anna.refresh_from_db()
    assert not anna.is_superuser


def test_a_wrong_password_at_the_provider_signs_no_one_in(live_server, sso):
    answer = sign_in(live_server, "maija", password="wrong")
    assert "Test provider: sign in" in answer.text
    assert not ExternalIdentity.objects.exists()


def test_a_forged_callback_is_refused_with_a_message(live_server, sso):
    session = requests.Session()
    answer = session.get(f"{live_server.url}/oidc/callback/?code=made-up&state=made-up", timeout=20)
    assert answer.url.startswith(f"{live_server.url}/accounts/login/")
    assert "Single sign-on did not succeed" in answer.text
    assert not ExternalIdentity.objects.exists()


def test_the_login_page_offers_single_sign_on_only_when_it_is_set_up(client, sso):
    page = client.get("/accounts/login/").content.decode()
    assert "/oidc/authenticate/" in page and 'name="password"' in page
    with override_settings(OIDC_RP_CLIENT_ID=""):
        assert "/oidc/authenticate/" not in client.get("/accounts/login/").content.decode()
        assert client.get("/oidc/authenticate/").status_code == 404
        assert client.get("/oidc/callback/").status_code == 404


def test_password_sign_in_can_be_turned_off(client, sso):
    UserFactory(username="paula", password="salasana-123456")
    with override_settings(KUULO_PASSWORD_LOGIN=False):
        page = client.get("/accounts/login/").content.decode()
        assert "/oidc/authenticate/" in page and 'name="password"' not in page
        answer = client.post("/accounts/login/", {"username": "paula", "password": "salasana-123456"})
        assert answer.status_code == 200 and "_auth_user_id" not in client.session
        assert "Signing in with a password is turned off" in answer.content.decode()
