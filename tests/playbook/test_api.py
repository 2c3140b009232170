"""The playbook through the REST API: a read token or a staff session reads cards and glossary."""

import pytest

from kuulo.api.models import ApiToken, Scope

pytestmark = pytest.mark.django_db


def bearer(scopes) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue('BI', scopes=scopes)[1]}"}


def test_a_read_token_reads_the_cards_with_every_language(client):
    response = client.get("/api/v1/playbook/methods", headers=bearer([Scope.READ]))
    assert response.status_code == 200
    cards = {card["slug"]: card for card in response.json()}
    assert len(cards) == 16
    assert cards["retrospective"]["content"]["sv"]["title"] == "Retrospektiv"
    assert cards["retrospective"]["produces"] == "retro"


def test_one_card_and_an_unknown_one(client):
    headers = bearer([Scope.READ])
    assert client.get("/api/v1/playbook/methods/focus-groups", headers=headers).json()["slug"] == "focus-groups"
    missing = client.get("/api/v1/playbook/methods/no-such-card", headers=headers)
    assert missing.status_code == 404
    assert "slug" in missing.json()["errors"]


def test_the_glossary_with_related_terms(client):
    terms = {
        term["slug"]: term for term in client.get("/api/v1/playbook/glossary", headers=bearer([Scope.READ])).json()
    }
    assert "csat" in terms["nps"]["see_also"]
    assert terms["backlog"]["content"]["fi"]["term"] == "kehitysjono"


def test_an_ingest_token_and_an_anonymous_caller_cannot_read_the_playbook(client):
    assert client.get("/api/v1/playbook/methods", headers=bearer([Scope.INGEST])).status_code == 403
    assert client.get("/api/v1/playbook/glossary").status_code == 401


def test_a_staff_session_reads_the_playbook(client, viewer):
    client.force_login(viewer)
    assert client.get("/api/v1/playbook/glossary").status_code == 200
