"""GET /api/v1/links: one thing's links in both directions, with a token or a session, and
who may read what."""

import pytest

from kuulo.api.models import ApiToken
from kuulo.organisation.models import Role
from kuulo.traceability import actions
from tests.factories import MembershipFactory, ServiceFactory
from tests.traceability.data import things_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(db):
    return ApiToken.issue("bi")[1]


@pytest.fixture
def things(service):
    found = things_of(service)
    actions.link(found.comments[0], found.item, None)
    actions.link(found.comments[0], found.insight, None, note="Tyypillinen")
    actions.link(found.insight, found.item, None)
    return found


def get(client, token=None, **params):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get("/api/v1/links", params, headers=headers)


def test_an_item_lists_its_evidence_as_incoming_links(client, token, service, things):
    response = get(client, token, kind="item", id=things.item.pk)
    assert response.status_code == 200
    body = response.json()
    assert (body["kind"], body["id"], body["label"]) == ("item", things.item.pk, "Takaisinsoitto")
    assert body["status"] == "idea"
    assert body["url"] == f"http://testserver/services/{service.pk}/backlog/{things.item.pk}/"
    assert body["outgoing"] == []
    assert [(link["kind"], link["id"]) for link in body["incoming"]] == [
        ("comment", things.comments[0].pk),
        ("insight", things.insight.pk),
    ]
    comment = body["incoming"][0]
    assert comment["label"] == things.comments[0].text and comment["status"] == ""
    assert comment["url"].startswith(f"http://testserver/services/{service.pk}/comments/?start=")
    assert comment["added_at"]


def test_a_comment_lists_what_it_is_evidence_for_as_outgoing_links(client, token, things):
    body = get(client, token, kind="comment", id=things.comments[0].pk).json()
    assert body["incoming"] == []
    assert [(link["kind"], link["id"], link["note"]) for link in body["outgoing"]] == [
        ("insight", things.insight.pk, "Tyypillinen"),
        ("item", things.item.pk, ""),
    ]
    assert body["outgoing"][0]["url"] == f"http://testserver{things.insight.get_absolute_url()}"


def test_an_insight_has_links_both_ways(client, token, things):
    body = get(client, token, kind="insight", id=things.insight.pk).json()
    assert [(link["kind"], link["id"]) for link in body["incoming"]] == [("comment", things.comments[0].pk)]
    assert [(link["kind"], link["id"]) for link in body["outgoing"]] == [("item", things.item.pk)]
    assert body["status"] == "confirmed"


def test_an_unknown_kind_is_400_and_a_missing_thing_404(client, token, things):
    unknown = get(client, token, kind="journey_step", id=1)
    assert unknown.status_code == 400
    assert "comment" in unknown.json()["errors"]["kind"] and "item" in unknown.json()["errors"]["kind"]
    assert get(client, token, kind="item", id=things.item.pk + 1000).status_code == 404
    assert get(client, token, kind="item", id="five").status_code == 400
    assert get(client, token, kind="item").status_code == 400


def test_without_a_valid_token_or_session_it_is_401(client, things):
    assert get(client, kind="item", id=things.item.pk).status_code == 401
    assert get(client, "kuulo_not-a-token", kind="item", id=things.item.pk).status_code == 401
    revoked, secret = ApiToken.issue("revoked")
    revoked.revoke()
    assert get(client, secret, kind="item", id=things.item.pk).status_code == 401


@pytest.mark.parametrize(("role", "status"), [("viewer", 200), ("outsider", 404), ("admin", 200)])
def test_a_session_reads_only_the_services_it_sees(client_as, things, role, status):
    response = get(client_as(role), kind="item", id=things.item.pk)
    assert response.status_code == status


def test_links_to_a_service_the_session_cannot_see_are_left_out(client_as, service, things, viewer, across_services):
    other = ServiceFactory()
    elsewhere = things_of(other)
    actions.link(things.insight, elsewhere.item, None)
    client = client_as("viewer")
    body = get(client, kind="insight", id=things.insight.pk).json()
    assert [link["id"] for link in body["outgoing"]] == [things.item.pk]
    MembershipFactory(service=other, user=viewer, role=Role.VIEWER)
    body = get(client, kind="insight", id=things.insight.pk).json()
    assert sorted(link["id"] for link in body["outgoing"]) == sorted([things.item.pk, elsewhere.item.pk])


def test_the_schema_documents_the_links_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/links"]["get"]
    assert [parameter["name"] for parameter in operation["parameters"]] == ["kind", "id"]
    assert "outgoing" in str(schema["components"]["schemas"]["Links"])
