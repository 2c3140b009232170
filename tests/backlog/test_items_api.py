"""GET /api/v1/backlog-items: evidence and effect, filters, paging and who may read what."""

import pytest

from kuulo.api.models import ApiToken
from kuulo.backlog import actions
from kuulo.traceability.models import Link
from tests.backlog.pages import backlog_with_items
from tests.factories import ServiceFactory


@pytest.fixture
def token(db):
    return ApiToken.issue("bi")[1]


def get(client, token, **params):
    return client.get("/api/v1/backlog-items", params, headers={"Authorization": f"Bearer {token}"})


def test_items_carry_their_evidence_and_expected_effect(client, token, service):
    late, _done, _plain = backlog_with_items(service)
    items = get(client, token).json()["items"]
    assert [item["id"] for item in items] == sorted(item["id"] for item in items)
    first = next(item for item in items if item["id"] == late.pk)
    assert first["service"] == service.slug and first["rank"] == 1 and first["status"] == "in_progress"
    assert first["tags"] == ["jonot", "puhelin"]
    assert first["comments"] == sorted(Link.objects.incoming(late, "comment").values_list("source_id", flat=True))
    assert first["insights"] == list(Link.objects.incoming(late, "insight").values_list("source_id", flat=True))
    assert first["expected_effect"] == {"metric": "csat", "metric_version": 1, "direction": "up", "target": 80.0}


def test_items_filter_by_status_and_service_and_page(client, token, service):
    backlog_with_items(service)
    actions.create_item(ServiceFactory(), None, title="Muualla")
    assert len(get(client, token, status="done").json()["items"]) == 1
    assert len(get(client, token, status="open", service=service.slug).json()["items"]) == 2
    assert len(get(client, token, service=service.slug).json()["items"]) == 3
    items, cursor = [], None
    while True:
        page = get(client, token, limit=2, **({"cursor": cursor} if cursor else {})).json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(items) == 4 and len({item["id"] for item in items}) == 4


@pytest.mark.parametrize(
    ("params", "field"),
    [({"status": "late"}, "status"), ({"limit": "0"}, "limit"), ({"cursor": "garbage"}, "cursor")],
)
def test_bad_parameters_are_refused_naming_the_field(client, token, params, field):
    response = get(client, token, **params)
    assert response.status_code == 400 and field in response.json()["errors"]


def test_a_token_or_a_session_is_required(client, db):
    assert client.get("/api/v1/backlog-items").status_code == 401


def test_a_session_reads_only_its_services(client_as, service):
    backlog_with_items(service)
    other = ServiceFactory()
    actions.create_item(other, None, title="Muualla")
    client = client_as("viewer")
    items = client.get("/api/v1/backlog-items").json()["items"]
    assert {item["service"] for item in items} == {service.slug}
    assert client.get("/api/v1/backlog-items", {"service": other.slug}).status_code == 404
