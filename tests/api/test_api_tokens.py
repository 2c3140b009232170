"""API token pages: only organisation admins see them; a token is shown once and can be revoked."""

import json

import pytest
from django.urls import reverse

from kuulo.api.models import ApiToken, hash_token
from tests.factories import published_survey

NOT_ADMINS = ["product_owner", "team_member", "viewer", "outsider"]


def test_an_admin_creates_a_token_and_sees_it_once(client_as):
    client = client_as("admin")
    response = client.post(reverse("api:token_create"), {"name": "CRM", "scopes": ["ingest", "read"]})
    assert response.status_code == 200
    token = response.context["token"]
    assert token.startswith("kuulo_")
    assert token in response.content.decode()
    stored = ApiToken.objects.get()
    assert stored.token_hash == hash_token(token)
    listing = client.get(reverse("api:token_list")).content.decode()
    assert "CRM" in listing
    assert token not in listing
    assert stored.hint in listing


def test_a_new_token_works_against_the_api(client_as):
    response = client_as("admin").post(reverse("api:token_create"), {"name": "CRM", "scopes": ["ingest", "read"]})
    _version, point = published_survey(kind="api")
    answer = client_as("admin").get(
        f"/api/v1/collection-points/{point.key}", headers={"Authorization": f"Bearer {response.context['token']}"}
    )
    assert answer.status_code == 200


def test_a_token_needs_a_name(client_as):
    response = client_as("admin").post(reverse("api:token_create"), {"name": " "})
    assert response.status_code == 422
    assert ApiToken.objects.count() == 0


def test_two_tokens_in_use_cannot_share_a_name(client_as):
    ApiToken.issue("CRM")
    response = client_as("admin").post(reverse("api:token_create"), {"name": "crm"})
    assert response.status_code == 422
    assert ApiToken.objects.count() == 1


def test_an_admin_revokes_a_token_after_confirming(client_as):
    api_token, token = ApiToken.issue("CRM")
    client = client_as("admin")
    assert client.get(reverse("api:token_revoke", args=[api_token.pk])).status_code == 200
    api_token.refresh_from_db()
    assert api_token.revoked_at is None
    response = client.post(reverse("api:token_revoke", args=[api_token.pk]))
    assert response.status_code == 302
    api_token.refresh_from_db()
    assert api_token.revoked_at is not None
    assert ApiToken.authenticate(token) is None


def test_a_revoked_token_cannot_be_revoked_again(client_as):
    api_token, _token = ApiToken.issue("CRM")
    api_token.revoke()
    assert client_as("admin").get(reverse("api:token_revoke", args=[api_token.pk])).status_code == 404


@pytest.mark.parametrize("role", NOT_ADMINS)
def test_only_admins_can_create_tokens(client_as, role):
    response = client_as(role).post(reverse("api:token_create"), {"name": "Sneaky"})
    assert response.status_code == 404
    assert ApiToken.objects.count() == 0


@pytest.mark.parametrize("role", NOT_ADMINS)
def test_only_admins_can_revoke_tokens(client_as, role):
    api_token, _token = ApiToken.issue("CRM")
    response = client_as(role).post(reverse("api:token_revoke", args=[api_token.pk]))
    assert response.status_code == 404
    api_token.refresh_from_db()
    assert api_token.revoked_at is None


def test_a_session_without_a_token_cannot_post_responses(client_as):
    _version, point = published_survey(kind="api")
    response = client_as("admin").post(
        f"/api/v1/collection-points/{point.key}/responses",
        data=json.dumps({"language": "fi", "answers": {"csat": 5}}),
        content_type="application/json",
        headers={"Idempotency-Key": "k"},
    )
    assert response.status_code == 401
