"""The OpenAPI schema and the interactive docs."""

import json
import re

import pytest


@pytest.fixture
def schema(client, db) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_openapi_schema_lists_the_ingestion_endpoints(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Kuulo API"
    assert schema["info"]["version"] == "1"
    paths = schema["paths"]
    assert "get" in paths["/api/v1/collection-points/{key}"]
    assert "post" in paths["/api/v1/collection-points/{key}/responses"]
    assert "post" in paths["/api/v1/collection-points/{key}/responses/batch"]


def test_the_schema_documents_every_error_code(schema):
    single = schema["paths"]["/api/v1/collection-points/{key}/responses"]["post"]
    batch = schema["paths"]["/api/v1/collection-points/{key}/responses/batch"]["post"]
    assert {"200", "201", "400", "401", "404", "409", "410", "413"} <= set(single["responses"])
    assert {"201", "400", "401", "404", "409", "410", "413"} <= set(batch["responses"])
    assert single["summary"] and single["description"]


def test_the_schema_documents_the_bodies_and_the_idempotency_header(schema):
    single = schema["paths"]["/api/v1/collection-points/{key}/responses"]["post"]
    body = single["requestBody"]["content"]["application/json"]["schema"]
    assert {"language", "answers", "comments", "responded_at"} <= set(body["properties"])
    assert "Idempotency-Key" in [parameter["name"] for parameter in single["parameters"]]
    batch = schema["paths"]["/api/v1/collection-points/{key}/responses/batch"]["post"]
    items = batch["requestBody"]["content"]["application/json"]["schema"]["properties"]["responses"]
    assert items["maxItems"] == 1000
    assert "idempotency_key" in items["items"]["properties"]


def test_the_schema_declares_bearer_token_authentication(schema):
    schemes = schema["components"]["securitySchemes"]
    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())


def test_the_interactive_docs_load_nothing_from_other_sites(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert all(source.startswith("/") for source in sources), sources
    assert '"validatorUrl": null' in html
