"""Single sign-on in Chromium: from Kuulo's login page through a real provider's sign-in and back."""

import re

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from kuulo.accounts.models import ExternalIdentity
from tests.oidc_provider.server import oidc_provider  # noqa: F401 (a fixture)
from tests.oidc_provider.setup import PASSWORD


@pytest.fixture
def sso(oidc_provider):  # noqa: F811
    with override_settings(**oidc_provider.settings(), KUULO_OIDC_ADMIN_GROUPS=["kuulo-admins"]):
        yield oidc_provider


def test_an_admin_signs_in_through_the_provider_and_lands_on_kuulo(new_page, live_server, sso):
    page = new_page(language="sv")
    page.goto("/accounts/login/?next=/services/")
    page.get_by_role("link", name="Logga in med din organisations konto").click()
    expect(page.get_by_role("heading", name="Test provider: sign in")).to_be_visible()
    page.get_by_label("Username").fill("anna")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(live_server.url) + "/services/$"))
    expect(page.get_by_role("link", name="Anna Andersson")).to_be_visible()
    page.get_by_text("Grunddata och inställningar").click()  # the set-up menu
    expect(page.get_by_role("link", name="Användare")).to_be_visible()  # an organisation admin's page
    assert ExternalIdentity.objects.get().user.is_org_admin
