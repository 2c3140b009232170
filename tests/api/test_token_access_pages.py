"""The API token pages: an admin chooses scopes and services when creating a
token, sees what each token may do, and is asked to narrow legacy tokens."""

import pytest
from django.urls import reverse

from kuulo.api.models import ApiToken, Scope
from tests.factories import ServiceFactory

NOT_ADMINS = ["product_owner", "team_member", "viewer", "outsider"]


def legacy() -> tuple[ApiToken, str]:
    api_token, token = ApiToken.issue("Old CRM")
    ApiToken.objects.filter(pk=api_token.pk).update(legacy=True)
    api_token.refresh_from_db()
    return api_token, token


def test_an_admin_creates_a_token_with_chosen_scopes_and_services(client_as, service):
    other = ServiceFactory()
    client = client_as("admin")
    form = client.get(reverse("api:token_create")).content.decode()
    assert 'value="ingest"' in form and 'value="read"' in form and service.name in form
    response = client.post(reverse("api:token_create"), {"name": "CRM", "scopes": ["ingest"], "services": [service.pk]})
    assert response.status_code == 200
    stored = ApiToken.objects.get()
    assert stored.scopes == ["ingest"] and not stored.all_services and not stored.legacy
    assert list(stored.services.all()) == [service]
    assert ApiToken.authenticate(response.context["token"]) == stored
    listing = client.get(reverse("api:token_list")).content.decode()
    assert "Send responses" in listing and service.name in listing and other.name not in listing


def test_a_token_without_services_chosen_reaches_every_service(client_as, service):
    client_as("admin").post(reverse("api:token_create"), {"name": "Power BI", "scopes": ["read"]})
    stored = ApiToken.objects.get()
    assert stored.scopes == ["read"] and stored.all_services
    assert "All services" in client_as("admin").get(reverse("api:token_list")).content.decode()


@pytest.mark.parametrize("scopes", [[], ["write"], ["read", "admin"]])
def test_a_token_needs_known_scopes(client_as, service, scopes):
    response = client_as("admin").post(reverse("api:token_create"), {"name": "CRM", "scopes": scopes})
    assert response.status_code == 422
    assert "scopes" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_an_unknown_service_is_refused(client_as, service):
    response = client_as("admin").post(
        reverse("api:token_create"), {"name": "CRM", "scopes": ["read"], "services": [999999]}
    )
    assert response.status_code == 422 and not ApiToken.objects.exists()


def test_the_list_asks_to_narrow_legacy_tokens(client_as, service):
    old, _token = legacy()
    ApiToken.issue("Narrow", scopes=[Scope.READ])
    listing = client_as("admin").get(reverse("api:token_list")).content.decode()
    assert 'id="legacy-tokens"' in listing
    assert "A token has full access" in listing
    assert reverse("api:token_access", args=[old.pk]) in listing
    assert listing.count("Full access, made before scopes") == 1


def test_a_revoked_legacy_token_is_not_nagged_about(client_as, service):
    old, _token = legacy()
    old.revoke()
    assert 'id="legacy-tokens"' not in client_as("admin").get(reverse("api:token_list")).content.decode()


def test_narrowing_a_legacy_token_keeps_the_token_and_ends_the_notice(client_as, service):
    old, token = legacy()
    client = client_as("admin")
    page = client.get(reverse("api:token_access", args=[old.pk]))
    assert page.status_code == 200
    assert "made before tokens had scopes" in page.content.decode()
    response = client.post(reverse("api:token_access", args=[old.pk]), {"scopes": ["ingest"], "services": [service.pk]})
    assert response.status_code == 302 and response["Location"] == reverse("api:token_list")
    old.refresh_from_db()
    assert not old.legacy and old.scopes == ["ingest"] and list(old.services.all()) == [service]
    assert ApiToken.authenticate(token) == old
    assert 'id="legacy-tokens"' not in client.get(reverse("api:token_list")).content.decode()


def test_the_access_form_shows_what_the_token_may_do_now(client_as, service):
    api_token, _token = ApiToken.issue("Power BI", scopes=[Scope.READ], services=[service])
    form = client_as("admin").get(reverse("api:token_access", args=[api_token.pk])).context["form"]
    assert form.initial["scopes"] == ["read"]
    assert list(form.initial["services"]) == [service]


def test_widening_a_token_to_every_service(client_as, service):
    api_token, _token = ApiToken.issue("Power BI", scopes=[Scope.READ], services=[service])
    client_as("admin").post(reverse("api:token_access", args=[api_token.pk]), {"scopes": ["read", "ingest"]})
    api_token.refresh_from_db()
    assert api_token.scopes == ["ingest", "read"] and api_token.all_services
    assert not api_token.services.exists()


def test_the_access_form_refuses_no_scopes(client_as, service):
    old, _token = legacy()
    response = client_as("admin").post(reverse("api:token_access", args=[old.pk]), {"scopes": []})
    assert response.status_code == 422
    old.refresh_from_db()
    assert old.legacy and old.scopes == ["ingest", "read"]


def test_a_revoked_token_has_no_access_page(client_as, service):
    api_token, _token = ApiToken.issue("CRM")
    api_token.revoke()
    assert client_as("admin").get(reverse("api:token_access", args=[api_token.pk])).status_code == 404


@pytest.mark.parametrize("role", NOT_ADMINS)
def test_only_admins_see_and_change_a_tokens_access(client_as, service, role):
    old, _token = legacy()
    client = client_as(role)
    assert client.get(reverse("api:token_list")).status_code == 404
    assert client.get(reverse("api:token_access", args=[old.pk])).status_code == 404
    response = client.post(reverse("api:token_access", args=[old.pk]), {"scopes": ["read", "ingest"]})
    assert response.status_code == 404
    old.refresh_from_db()
    assert old.legacy


@pytest.mark.parametrize("role", NOT_ADMINS)
def test_only_admins_create_tokens_with_scopes(client_as, service, role):
    response = client_as(role).post(reverse("api:token_create"), {"name": "Sneaky", "scopes": ["read"]})
    assert response.status_code == 404
    assert not ApiToken.objects.exists()


def test_someone_logged_out_is_sent_to_log_in(client, service):
    old, _token = legacy()
    response = client.post(reverse("api:token_access", args=[old.pk]), {"scopes": ["read"]})
    assert response.status_code == 302 and "login" in response["Location"]
    old.refresh_from_db()
    assert old.legacy
