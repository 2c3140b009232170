"""Scoped API tokens through HTTP: each scope opens its own endpoints and no
others, a token limited to services reads and sends only there, a legacy token
keeps full access, and every endpoint declares the scope it needs."""

import json
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone
from ninja.constants import NOT_SET

from kuulo.api.api import api
from kuulo.api.auth import UNDECLARED, TokenAuth
from kuulo.api.errors import Refusal
from kuulo.api.models import ApiToken, Scope
from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem
from kuulo.comments.models import Theme
from kuulo.effects.models import Experiment
from kuulo.feedback.models import Response
from kuulo.metrics.models import Metric
from tests.exports.data import answer, insight_with_evidence
from tests.factories import ServiceFactory, published_survey

# Every reading endpoint, one of each kind: rollups, the CSV feed, raw rows, the backlog and its effects.
READ_PATHS = [
    "scores/daily",
    "scores/daily.csv",
    "aggregates",
    "responses",
    "comments",
    "themes",
    "insights",
    "backlog-items",
    "effects",
    "experiments",
]
# The lists whose rows carry a `service`.
SERVICE_LISTS = ["scores/daily", "aggregates", "responses", "comments", "insights", "backlog-items", "effects"]
SERVICE_LISTS += ["experiments"]


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def read(client, token: str, path: str, **params):
    return client.get(f"/api/v1/{path}", params, headers=bearer(token))


def send(client, token: str, point, key: str = "k-1"):
    body = {"language": "fi", "answers": {"csat": 5}}
    return client.post(
        f"/api/v1/collection-points/{point.key}/responses",
        data=json.dumps(body),
        content_type="application/json",
        headers=bearer(token) | {"Idempotency-Key": key},
    )


def send_batch(client, token: str, point):
    body = {"responses": [{"language": "fi", "answers": {"csat": 4}}]}
    return client.post(
        f"/api/v1/collection-points/{point.key}/responses/batch",
        data=json.dumps(body),
        content_type="application/json",
        headers=bearer(token) | {"Idempotency-Key": "batch-1"},
    )


@pytest.fixture
def point(service):
    return published_survey(service=service, codes=("csat",), open_question=False, kind="api")[1]


def ingest_token(**access) -> str:
    return ApiToken.issue("CRM", scopes=[Scope.INGEST], **access)[1]


def read_token(**access) -> str:
    return ApiToken.issue("Power BI", scopes=[Scope.READ], **access)[1]


def legacy_token() -> str:
    """A token as the migration left those made before scopes: full access, marked legacy."""
    api_token, token = ApiToken.issue("Old CRM")
    ApiToken.objects.filter(pk=api_token.pk).update(legacy=True)
    return token


def refused_for_scope(response, scope: str) -> bool:
    return response.status_code == 403 and scope in response.json()["errors"]["Authorization"]


# Each scope on each kind of endpoint


@pytest.mark.parametrize("path", READ_PATHS)
def test_a_read_token_reads_every_reading_endpoint(client, service, path):
    assert read(client, read_token(), path).status_code == 200


@pytest.mark.parametrize("path", READ_PATHS)
def test_an_ingest_token_cannot_read(client, service, path):
    answer(service, 2)
    response = read(client, ingest_token(), path)
    assert refused_for_scope(response, "read")
    assert "Palvelu" not in response.content.decode()


def test_an_ingest_token_reads_the_survey_definition_and_sends_responses(client, point):
    token = ingest_token()
    assert client.get(f"/api/v1/collection-points/{point.key}", headers=bearer(token)).status_code == 200
    assert send(client, token, point).status_code == 201
    assert send_batch(client, token, point).status_code == 201
    assert Response.objects.count() == 2


def test_a_read_token_cannot_send_responses_nor_read_the_survey_definition(client, point):
    token = read_token()
    assert refused_for_scope(client.get(f"/api/v1/collection-points/{point.key}", headers=bearer(token)), "ingest")
    assert refused_for_scope(send(client, token, point), "ingest")
    assert refused_for_scope(send_batch(client, token, point), "ingest")
    assert not Response.objects.exists()


def test_a_token_without_scopes_can_do_nothing(client, service, point):
    token = ApiToken.issue("Nothing", scopes=[])[1]
    assert read(client, token, "comments").status_code == 403
    assert send(client, token, point).status_code == 403
    assert not Response.objects.exists()


def test_a_revoked_token_is_still_refused_with_401_whatever_its_scopes(client, point):
    api_token, token = ApiToken.issue("Old")
    api_token.revoke()
    assert read(client, token, "comments").status_code == 401
    assert send(client, token, point).status_code == 401


def test_a_session_still_reads_but_never_sends(client_as, service, point):
    client = client_as("viewer")
    assert client.get("/api/v1/comments").status_code == 200
    response = client.post(
        f"/api/v1/collection-points/{point.key}/responses",
        data=json.dumps({"language": "fi", "answers": {"csat": 5}}),
        content_type="application/json",
        headers={"Idempotency-Key": "k"},
    )
    assert response.status_code == 401


def test_the_refusal_is_in_the_request_language(client, service):
    response = client.get("/api/v1/comments", headers=bearer(ingest_token()) | {"Accept-Language": "fi"})
    assert response.status_code == 403
    assert "read" in response.json()["errors"]["Authorization"]
    assert "Tällä avaimella" in response.json()["errors"]["Authorization"]


# A legacy token keeps today's rights


@pytest.mark.parametrize("path", READ_PATHS)
def test_a_legacy_token_still_reads(client, service, path):
    assert read(client, legacy_token(), path).status_code == 200


def test_a_legacy_token_still_sends_responses(client, point):
    token = legacy_token()
    assert send(client, token, point).status_code == 201
    assert send_batch(client, token, point).status_code == 201


# A token limited to one service


@pytest.fixture
def two_services(service):
    """Rows of every kind on the persona service and on another one."""
    other = ServiceFactory()
    for each in (service, other):
        answer(each, 12)
        insight_with_evidence(each)
        actions.create_item(each, None, title="Jonot")
        BacklogItem.objects.create(
            service=each,
            title="Takaisinsoitto",
            status=BacklogItem.Status.DONE,
            done_at=timezone.localdate() - timedelta(days=3),
            expected_metric=Metric.objects.get(code="csat", version=1),
        )
        Experiment.objects.create(
            service=each,
            title="Takaisinsoitto neuvontaan",
            hypothesis="Takaisinsoitto lyhentää koettua jonotusta.",
            change="Asiakas voi varata takaisinsoiton.",
            metric=Metric.objects.get(code="csat", version=1),
            direction="up",
            minimum_change=5,
            starts_on=timezone.localdate() - timedelta(days=20),
            ends_on=timezone.localdate() + timedelta(days=8),
        )
        Theme.objects.create(name_fi=f"Oma teema {each.slug}", kind=Theme.Kind.RULE, service=each, terms=["jono"])
    Theme.objects.create(name_fi="Yhteinen teema", kind=Theme.Kind.RULE, terms=["lomake"])
    return service, other


@pytest.mark.parametrize("path", SERVICE_LISTS)
def test_a_token_limited_to_one_service_lists_only_its_rows(client, two_services, path):
    service, other = two_services
    items = read(client, read_token(services=[service]), path).json()["items"]
    assert items
    assert {item["service"] for item in items} == {service.slug}
    unlimited = read(client, read_token(), path).json()["items"]
    assert {item["service"] for item in unlimited} == {service.slug, other.slug}


def test_a_token_limited_to_one_service_sees_its_themes_and_the_shared_ones(client, two_services):
    service, _other = two_services
    items = read(client, read_token(services=[service]), "themes").json()["items"]
    assert {item["service"] for item in items} == {service.slug, None}


def test_a_token_limited_to_one_service_gets_only_its_rows_in_the_csv_feed(client, two_services):
    service, other = two_services
    text = b"".join(read(client, read_token(services=[service]), "scores/daily.csv").streaming_content).decode()
    assert service.slug in text and other.slug not in text


@pytest.mark.parametrize("path", READ_PATHS)
def test_a_token_limited_to_one_service_gets_404_for_another(client, two_services, path):
    service, other = two_services
    token = read_token(services=[service])
    response = read(client, token, path, service=other.slug)
    assert response.status_code == 404 and "service" in response.json()["errors"]
    assert read(client, token, path, service=service.slug).status_code == 200


def test_a_token_limited_to_one_service_sends_only_to_its_collection_points(client, service, point):
    token = ingest_token(services=[service])
    other_point = published_survey(codes=("csat",), open_question=False, kind="api")[1]
    response = send(client, token, other_point)
    assert response.status_code == 403 and "key" in response.json()["errors"]
    assert send_batch(client, token, other_point).status_code == 403
    assert client.get(f"/api/v1/collection-points/{other_point.key}", headers=bearer(token)).status_code == 403
    assert not Response.objects.exists()
    assert send(client, token, point).status_code == 201


def test_an_unknown_key_is_still_404_for_a_limited_token(client, service):
    response = client.get("/api/v1/collection-points/nope", headers=bearer(ingest_token(services=[service])))
    assert response.status_code == 404


def test_a_token_whose_services_are_gone_reads_nothing_rather_than_everything(client, two_services):
    api_token, token = ApiToken.issue("Limited", scopes=[Scope.READ], services=[two_services[0]])
    api_token.services.clear()
    assert read(client, token, "comments").json()["items"] == []


# Every endpoint declares its scope


def operations():
    for bound in api._get_bound_routers():
        for path, view in bound.path_operations.items():
            for operation in view.operations:
                route = "/".join(part.strip("/") for part in (bound.prefix, path) if part.strip("/"))
                yield f"{','.join(operation.methods)} /{route}", operation


def test_every_endpoint_declares_the_scope_it_needs():
    found = list(operations())
    assert len(found) >= 13
    undeclared = []
    for name, operation in found:
        scopes = {auth.scope for auth in operation.auth_callbacks if isinstance(auth, TokenAuth)}
        if operation.auth_param is NOT_SET or len(scopes) != 1 or scopes.pop() not in Scope.values:
            undeclared.append(name)
    assert undeclared == [], f"Declare auth=READ or auth=INGEST (kuulo/api/auth.py) on: {undeclared}"


def test_the_reading_endpoints_need_read_and_the_collection_points_ingest():
    for name, operation in operations():
        (scope,) = {auth.scope for auth in operation.auth_callbacks if isinstance(auth, TokenAuth)}
        assert scope == (Scope.INGEST if "collection-points" in name else Scope.READ), name


def test_an_endpoint_without_a_declared_scope_refuses_every_token(db):
    token = ApiToken.issue("Everything")[1]
    request = RequestFactory().get("/api/v1/new", headers=bearer(token))
    with pytest.raises(Refusal) as refusal:
        UNDECLARED(request)
    assert refusal.value.status == 403


def test_the_schema_says_tokens_have_scopes(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    (scheme,) = [scheme for scheme in schema["components"]["securitySchemes"].values() if scheme["type"] == "http"]
    assert "`ingest`" in scheme["description"] and "`read`" in scheme["description"]
    assert "scopes" in schema["info"]["description"]
    post = schema["paths"]["/api/v1/collection-points/{key}/responses"]["post"]
    assert "403" in post["responses"]
