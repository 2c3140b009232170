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


# --- what the schema states is what the server enforces ---


def operations(schema: dict):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_every_operation_documents_its_error_answers_with_the_error_body(schema):
    for path, method, operation in operations(schema):
        expected = {"400", "401", "403", "404"} | ({"409", "410", "413"} if method == "post" else set())
        assert expected <= set(operation["responses"]), f"{method} {path}"
        for status in expected:
            body = operation["responses"][status]["content"]["application/json"]["schema"]
            assert body == {"$ref": "#/components/schemas/Errors"}, f"{method} {path} {status}"


def test_every_post_requires_an_idempotency_key_and_states_its_body_limit(schema):
    posts = [(path, operation) for path, method, operation in operations(schema) if method == "post"]
    assert len(posts) == 2
    for path, operation in posts:
        (header,) = [p for p in operation["parameters"] if p["name"] == "Idempotency-Key"]
        assert header["required"] is True and header["schema"]["maxLength"] == 72, path
        assert "413" in operation["requestBody"]["description"], path


@pytest.fixture
def read_token(db) -> str:
    from kuulo.api.models import ApiToken

    return ApiToken.issue("bi", scopes=["read"])[1]


def test_every_limit_range_in_the_schema_is_enforced(schema, client, read_token):
    checked = 0
    for path, method, operation in operations(schema):
        limits = [p["schema"] for p in operation.get("parameters", []) if p["name"] == "limit"]
        if method != "get" or not limits:
            continue
        (limit,) = limits
        headers = {"Authorization": f"Bearer {read_token}"}
        for value, status in [(limit["minimum"] - 1, 400), (limit["maximum"] + 1, 400), (limit["maximum"], 200)]:
            response = client.get(path, {"limit": value}, headers=headers)
            assert response.status_code == status, f"{path}?limit={value}"
            if status == 400:
                assert "limit" in response.json()["errors"]
        checked += 1
    assert checked >= 9


def test_a_post_without_an_idempotency_key_is_400_naming_the_header(client, db):
    from kuulo.api.models import ApiToken
    from tests.factories import published_survey

    _version, point = published_survey(kind="api")
    token = ApiToken.issue("crm", scopes=["ingest"])[1]
    response = client.post(
        f"/api/v1/collection-points/{point.key}/responses",
        {"language": "fi", "answers": {"csat": 4}},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"Idempotency-Key": "This header is required."}
