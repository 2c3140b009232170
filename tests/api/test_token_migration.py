"""Migration api 0002 gives tokens scopes and services: tokens made before it
keep full access, marked legacy, and go on working through the API."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kuulo.api.models import hash_token
from tests.factories import published_survey

BEFORE = [("api", "0001_initial")]
AFTER = [("api", "0002_scopes_and_services")]
OLD_TOKEN = "kuulo_made-before-scopes"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps(transactional_db):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("api")
    try:
        yield migrate(BEFORE)
    finally:
        migrate(latest)


def test_tokens_made_before_scopes_keep_full_access_marked_legacy(old_apps, client):
    OldToken = old_apps.get_model("api", "ApiToken")
    OldToken.objects.create(name="CRM", token_hash=hash_token(OLD_TOKEN), hint=OLD_TOKEN[:10])
    ApiToken = migrate(AFTER).get_model("api", "ApiToken")
    token = ApiToken.objects.get()
    assert token.legacy and token.scopes == ["ingest", "read"] and token.all_services
    assert not token.services.exists()

    _version, point = published_survey(codes=("csat",), open_question=False, kind="api")
    headers = {"Authorization": f"Bearer {OLD_TOKEN}"}
    assert client.get("/api/v1/comments", headers=headers).status_code == 200
    response = client.post(
        f"/api/v1/collection-points/{point.key}/responses",
        data=json.dumps({"language": "fi", "answers": {"csat": 5}}),
        content_type="application/json",
        headers=headers | {"Idempotency-Key": "after-migration"},
    )
    assert response.status_code == 201
