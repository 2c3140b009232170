"""GET /api/v1/responses, /comments, /themes and /insights."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kuulo.api.models import ApiToken
from kuulo.comments.models import Theme
from kuulo.feedback.models import Response
from kuulo.traceability.models import Link
from tests.exports.data import answer, insight_with_evidence, theme_comments
from tests.factories import ServiceFactory


@pytest.fixture
def token(db):
    return ApiToken.issue("bi")[1]


def get(client, token, path, **params):
    return client.get(f"/api/v1/{path}", params, headers={"Authorization": f"Bearer {token}"})


def walk(client, token, path, limit, **params) -> list:
    items, cursor = [], None
    while True:
        page = get(client, token, path, limit=limit, **params, **({"cursor": cursor} if cursor else {})).json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return items


# Responses


def test_responses_come_with_their_answers_and_comments(client, token, service):
    answer(service, 4)
    items = get(client, token, "responses").json()["items"]
    assert len(items) == 4
    first = items[0]
    assert first["service"] == service.slug and first["channel"] == "web"
    answers = {(a["metric"], a["item"]): a["value"] for a in first["answers"]}
    assert answers[("umux_lite", 0)] == 6 and answers[("umux_lite", 1)] == 7 and ("csat", 0) in answers
    assert first["comments"][0]["text"].startswith("Palvelu toimi hyvin")


def test_responses_page_through_every_row_once_in_id_order(client, token, service):
    answer(service, 7)
    items = walk(client, token, "responses", limit=3)
    ids = [item["id"] for item in items]
    assert len(ids) == 7 and ids == sorted(set(ids))


def test_a_small_service_still_gives_its_raw_responses(client, token, service):
    answer(service, 2)
    assert len(get(client, token, "responses").json()["items"]) == 2


def test_responses_waiting_for_review_are_left_out(client, token, service):
    answer(service, 3)
    Response.objects.filter(pk=Response.objects.order_by("pk").first().pk).update(status="suspect")
    assert len(get(client, token, "responses").json()["items"]) == 2


def test_responses_filter_by_channel_language_and_period(client, token, service):
    answer(service, 2, channel="phone", language="sv")
    answer(service, 3, channel="web", language="fi")
    answer(service, 4, days_ago=60)
    assert len(get(client, token, "responses", channel="phone").json()["items"]) == 2
    assert len(get(client, token, "responses", language="fi").json()["items"]) == 3
    start = (timezone.localdate() - timedelta(days=90)).isoformat()
    assert len(get(client, token, "responses", start=start).json()["items"]) == 9


# Comments


def test_comments_carry_their_themes_sentiment_and_insights(client, token, service):
    answer(service, 6)
    theme = theme_comments(service, name="Jonotus")
    insight = insight_with_evidence(service)
    items = get(client, token, "comments").json()["items"]
    assert len(items) == 3
    first = items[0]
    assert first["themes"] == [{"id": theme.pk, "name": "Jonotus"}]
    assert first["sentiment"] == "positive" and first["detected_language"] == "fi"
    assert first["insights"] == [insight.pk]


def test_comments_filter_by_theme_sentiment_and_words(client, token, service):
    answer(service, 10)
    theme = theme_comments(service)
    assert len(get(client, token, "comments", theme=theme.pk).json()["items"]) == 2
    assert len(get(client, token, "comments", sentiment="positive").json()["items"]) == 2
    assert len(get(client, token, "comments", q="hyvin 4").json()["items"]) == 1
    assert len(get(client, token, "comments", language="sv").json()["items"]) == 0


def test_comments_page_through_every_row_once(client, token, service):
    answer(service, 10)
    ids = [item["id"] for item in walk(client, token, "comments", limit=2)]
    assert len(ids) == 5 and ids == sorted(set(ids))


def test_a_bad_sentiment_is_refused(client, token, service):
    response = get(client, token, "comments", sentiment="happy")
    assert response.status_code == 400 and "sentiment" in response.json()["errors"]


# Themes


def test_themes_count_their_comments_in_the_period(client, token, service):
    answer(service, 6)
    theme = theme_comments(service, name="Jonotus")
    Theme.objects.create(name_fi="Everyone's", kind="rule", terms=["x"])
    items = {item["name"]: item for item in get(client, token, "themes").json()["items"]}
    assert items["Jonotus"]["comments"] == 2 and items["Jonotus"]["service"] == service.slug
    assert items["Everyone's"]["comments"] == 0 and items["Everyone's"]["service"] is None
    assert items["Jonotus"]["id"] == theme.pk and items["Jonotus"]["terms"] == ["jono"]


@pytest.mark.parametrize(
    ("accept", "name"), [("sv", "Köer"), ("en-GB,en;q=0.9", "Queueing"), ("fi", "Jonotus"), ("", "Jonotus")]
)
def test_themes_carry_their_names_in_each_language_and_name_in_the_requests(client, token, settings, accept, name):
    settings.LANGUAGE_CODE = "fi"  # the organisation's default language, for a request that names none
    Theme.objects.create(name_fi="Jonotus", name_sv="Köer", name_en="Queueing", kind="rule", terms=["jono"])
    headers = {"Authorization": f"Bearer {token}", "Accept-Language": accept}
    [item] = client.get("/api/v1/themes", headers=headers).json()["items"]
    assert item["names"] == {"fi": "Jonotus", "sv": "Köer", "en": "Queueing"}
    assert item["name"] == name


def test_a_theme_without_a_name_in_the_requests_language_is_named_in_another(client, token, db):
    Theme.objects.create(name_sv="Köer", kind="rule", terms=["kö"])
    headers = {"Authorization": f"Bearer {token}", "Accept-Language": "fi"}
    [item] = client.get("/api/v1/themes", headers=headers).json()["items"]
    assert item["name"] == "Köer" and item["names"] == {"fi": "", "sv": "Köer", "en": ""}


def test_comments_name_their_themes_in_the_requests_language(client, token, service):
    answer(service, 2)
    theme = theme_comments(service, name="Jonotus")
    Theme.objects.filter(pk=theme.pk).update(name_sv="Köer")
    headers = {"Authorization": f"Bearer {token}", "Accept-Language": "sv"}
    first = client.get("/api/v1/comments", headers=headers).json()["items"][0]
    assert first["themes"] == [{"id": theme.pk, "name": "Köer"}]


def test_themes_page_through(client, token, db):
    for n in range(5):
        Theme.objects.create(name_fi=f"Theme {n}", kind="rule")
    assert len(walk(client, token, "themes", limit=2)) == 5


def test_a_session_sees_only_the_themes_of_its_services(client_as, service):
    Theme.objects.create(name_fi="Other", kind="rule", service=ServiceFactory())
    Theme.objects.create(name_fi="Mine", kind="rule", service=service)
    names = {item["name"] for item in client_as("viewer").get("/api/v1/themes").json()["items"]}
    assert names == {"Mine"}


# Insights


def test_insights_carry_their_tags_and_evidence(client, token, service):
    answer(service, 2)
    insight = insight_with_evidence(service, tag="jonot")
    items = get(client, token, "insights").json()["items"]
    assert len(items) == 1
    item = items[0]
    assert item["id"] == insight.pk and item["tags"] == ["jonot"] and item["status"] == "confirmed"
    assert item["comments"] == [Link.objects.incoming(insight, "comment").get().source_id]
    assert item["segments"][0]["metric"] == "csat"


def test_insights_filter_by_status_and_tag(client, token, service):
    insight_with_evidence(service, status="draft", tag="a")
    insight_with_evidence(service, status="confirmed", tag="b")
    assert len(get(client, token, "insights", status="draft").json()["items"]) == 1
    assert len(get(client, token, "insights", tag="b").json()["items"]) == 1
    assert len(walk(client, token, "insights", limit=1)) == 2
    response = get(client, token, "insights", status="done")
    assert response.status_code == 400 and "status" in response.json()["errors"]


# Every endpoint


ENDPOINTS = ["responses", "comments", "themes", "insights"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_token_is_required(client, db, path):
    assert client.get(f"/api/v1/{path}").status_code == 401
    assert client.get(f"/api/v1/{path}", headers={"Authorization": "Bearer kuulo_wrong"}).status_code == 401


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_session_gets_404_for_a_service_outside_its_own(client_as, service, path):
    other = ServiceFactory()
    response = client_as("viewer").get(f"/api/v1/{path}", {"service": other.slug})
    assert response.status_code == 404 and "service" in response.json()["errors"]
    assert client_as("viewer").get(f"/api/v1/{path}", {"service": service.slug}).status_code == 200


@pytest.mark.parametrize("path", ["responses", "comments"])
def test_a_session_reads_only_rows_of_its_services(client_as, service, path):
    answer(service, 2)
    answer(ServiceFactory(), 2)
    items = client_as("viewer").get(f"/api/v1/{path}").json()["items"]
    assert {item["service"] for item in items} == {service.slug}


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize(
    ("params", "field"),
    [({"limit": "0"}, "limit"), ({"limit": "1001"}, "limit"), ({"cursor": "garbage"}, "cursor")],
)
def test_bad_paging_is_refused_naming_the_field(client, token, path, params, field):
    response = get(client, token, path, **params)
    assert response.status_code == 400 and field in response.json()["errors"]


@pytest.mark.parametrize("path", ["responses", "comments", "themes"])
def test_a_bad_date_is_refused_naming_the_field(client, token, path):
    response = get(client, token, path, end="31.12.2026")
    assert response.status_code == 400 and "end" in response.json()["errors"]


def test_a_cursor_of_one_endpoint_does_not_work_on_another(client, token, service):
    answer(service, 4)
    cursor = get(client, token, "responses", limit=1).json()["next_cursor"]
    assert get(client, token, "comments", cursor=cursor).status_code == 400


def test_the_schema_documents_every_read_endpoint(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ["/api/v1/aggregates", *[f"/api/v1/{name}" for name in ENDPOINTS]]:
        operation = paths[path]["get"]
        assert operation["description"] and operation["summary"]
        assert any(parameter["name"] == "cursor" for parameter in operation["parameters"])
