"""The ingestion API through HTTP: tokens, one response, batches, idempotency and every error."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kuulo.api.models import ApiToken
from kuulo.feedback.models import Answer, Comment, DailyAggregate, Response
from kuulo.surveys.models import SurveyVersion
from tests.factories import published_survey


@pytest.fixture
def survey(db):
    return published_survey(kind="api")


@pytest.fixture
def token(db) -> str:
    return ApiToken.issue("CRM")[1]


def url(point, batch: bool = False) -> str:
    return f"/api/v1/collection-points/{point.key}/responses" + ("/batch" if batch else "")


def post(client, path: str, body, *, token: str | None, key: str | None = "abc-123", raw: bytes | None = None):
    headers = {}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if key is not None:
        headers["Idempotency-Key"] = key
    data = raw if raw is not None else json.dumps(body)
    return client.post(path, data=data, content_type="application/json", headers=headers)


def one(version, **overrides) -> dict:
    open_question = version.questions.get(kind="open")
    data = {
        "language": "sv",
        "channel": "phone",
        "customer_group": "företag",
        "answers": {"csat": 5, "nps": 10, "umux_lite": [7, 6]},
        "comments": {str(open_question.pk): "Ring mig på 070-123 45 67"},
    }
    return {**data, **overrides}


# --- authentication ---


@pytest.mark.parametrize("header", [None, "Bearer nope", "Token kuulo_x", "Bearer "])
def test_a_request_without_a_valid_token_is_refused_with_401(client, survey, header):
    version, point = survey
    headers = {"Idempotency-Key": "k1"} | ({"Authorization": header} if header else {})
    response = client.post(url(point), data=json.dumps(one(version)), content_type="application/json", headers=headers)
    assert response.status_code == 401
    assert "Authorization" in response.json()["errors"]
    assert Response.objects.count() == 0


def test_a_revoked_token_is_refused_with_401(client, survey):
    version, point = survey
    api_token, token = ApiToken.issue("old")
    api_token.revoke()
    assert post(client, url(point), one(version), token=token).status_code == 401
    assert (
        client.get(f"/api/v1/collection-points/{point.key}", headers={"Authorization": f"Bearer {token}"}).status_code
        == 401
    )
    assert Response.objects.count() == 0


def test_using_a_token_records_when_it_was_last_used(client, survey):
    version, point = survey
    api_token, token = ApiToken.issue("CRM")
    post(client, url(point), one(version), token=token)
    api_token.refresh_from_db()
    assert api_token.last_used_at is not None


# --- survey definition ---


def test_the_survey_definition_lists_metrics_scales_and_open_questions(client, survey, token):
    version, point = survey
    response = client.get(f"/api/v1/collection-points/{point.key}", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    body = response.json()
    assert body["survey_version"] == version.number
    assert body["languages"] == ["fi", "sv", "en"]
    by_code = {question["code"]: question for question in body["questions"]}
    assert (by_code["csat"]["scale_min"], by_code["csat"]["scale_max"]) == (1, 5)
    assert (by_code["nps"]["scale_min"], by_code["nps"]["scale_max"]) == (0, 10)
    assert len(by_code["umux_lite"]["items"]) == 2
    assert by_code["csat"]["labels"]["fi"]["5"]
    assert [q["id"] for q in body["open_questions"]] == [version.questions.get(kind="open").pk]


# --- one response ---


def test_one_response_is_stored_with_201(client, survey, token):
    version, point = survey
    response = post(client, url(point), one(version), token=token, key="crm-42")
    assert response.status_code == 201
    assert response.json()["created"] is True
    stored = Response.objects.get()
    assert stored.idempotency_key == "crm-42"
    assert (stored.language, stored.channel, stored.customer_group) == ("sv", "phone", "företag")
    assert Answer.objects.count() == 4
    assert "070-123 45 67" not in Comment.objects.get().text


def test_sending_the_same_key_again_answers_200_and_stores_nothing_new(client, survey, token):
    version, point = survey
    first = post(client, url(point), one(version), token=token, key="same")
    again = post(client, url(point), one(version), token=token, key="same")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == {"id": first.json()["id"], "created": False}
    assert Response.objects.count() == 1
    assert sum(DailyAggregate.objects.values_list("count", flat=True)) == 3


def test_a_back_filled_response_keeps_its_answer_time(client, survey, token):
    version, point = survey
    moment = (timezone.now() - timedelta(days=40)).replace(microsecond=0)
    response = post(client, url(point), one(version, responded_at=moment.isoformat()), token=token)
    assert response.status_code == 201
    stored = Response.objects.get()
    assert stored.responded_at == moment
    assert DailyAggregate.objects.filter(day=timezone.localdate(moment)).exists()


def test_the_collection_points_channel_is_the_default(client, survey, token):
    version, point = survey
    data = one(version)
    del data["channel"]
    assert post(client, url(point), data, token=token).status_code == 201
    assert Response.objects.get().channel == point.channel


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"answers": {"csat": 6}}, "answers.csat"),
        ({"answers": {"csat": "5"}}, "answers.csat"),
        ({"answers": {"umux_lite": [7]}}, "answers.umux_lite"),
        ({"answers": {"unknown": 1}}, "answers.unknown"),
        ({"language": "de"}, "language"),
        ({"channel": "pigeon"}, "channel"),
        ({"customer_group": "x" * 65}, "customer_group"),
        ({"customer_group": "<script>"}, "customer_group"),
        ({"comments": {"999999": "Hei"}}, "comments.999999"),
        ({"responded_at": "2020-01-01T10:00:00"}, "responded_at"),
        ({"responded_at": "yesterday"}, "responded_at"),
        ({"responded_at": "2999-01-01T10:00:00+00:00"}, "responded_at"),
        ({"idempotency_key": "mine"}, "idempotency_key"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_an_invalid_response_is_refused_with_400_naming_the_field(client, survey, token, overrides, field):
    version, point = survey
    response = post(client, url(point), one(version, **overrides), token=token)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Response.objects.count() == 0


@pytest.mark.parametrize("key", [None, "", "has space", "ä", "x" * 73])
def test_a_missing_or_malformed_idempotency_key_is_refused_with_400(client, survey, token, key):
    version, point = survey
    response = post(client, url(point), one(version), token=token, key=key)
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["errors"]
    assert Response.objects.count() == 0


def test_a_body_that_is_not_json_is_refused_with_400(client, survey, token):
    _version, point = survey
    response = post(client, url(point), None, token=token, raw=b"{not json")
    assert response.status_code == 400
    assert "body" in response.json()["errors"]


def test_a_json_list_is_refused_with_400(client, survey, token):
    _version, point = survey
    response = post(client, url(point), [1, 2], token=token)
    assert response.status_code == 400
    assert "body" in response.json()["errors"]


def test_a_body_over_16_kb_is_refused_with_413(client, survey, token):
    version, point = survey
    response = post(client, url(point), one(version, page="/" + "a" * 17_000), token=token)
    assert response.status_code == 413
    assert "body" in response.json()["errors"]
    assert Response.objects.count() == 0


def test_an_unknown_collection_point_is_404(client, survey, token):
    version, _point = survey
    response = post(client, "/api/v1/collection-points/nope/responses", one(version), token=token)
    assert response.status_code == 404
    assert "key" in response.json()["errors"]


def test_a_widget_collection_point_does_not_take_api_responses(client, token):
    version, point = published_survey(kind="widget")
    response = post(client, url(point), one(version), token=token)
    assert response.status_code == 409
    assert "key" in response.json()["errors"]
    assert Response.objects.count() == 0


def test_a_closed_survey_answers_410(client, survey, token):
    version, point = survey
    SurveyVersion.objects.filter(pk=version.pk).update(status=SurveyVersion.Status.CLOSED)
    response = post(client, url(point), one(version), token=token)
    assert response.status_code == 410
    assert Response.objects.count() == 0


def test_an_import_collection_point_takes_api_responses(client, token):
    version, point = published_survey(kind="import")
    assert post(client, url(point), one(version), token=token).status_code == 201


# --- batches ---


def test_a_batch_is_stored_with_keys_derived_from_the_header(client, survey, token):
    version, point = survey
    items = [one(version, answers={"csat": value}) for value in (1, 2, 3, 4, 5)]
    items[4]["idempotency_key"] = "own-key"
    response = post(client, url(point, batch=True), {"responses": items}, token=token, key="nightly-7")
    assert response.status_code == 201
    assert response.json() == {"created": 5, "duplicates": 0}
    keys = set(Response.objects.values_list("idempotency_key", flat=True))
    assert keys == {"nightly-7:0", "nightly-7:1", "nightly-7:2", "nightly-7:3", "own-key"}
    assert Answer.objects.filter(metric__code="csat").count() == 5
    call_command("rebuild_rollups", "--check")


def test_a_retried_batch_stores_nothing_new(client, survey, token):
    version, point = survey
    body = {"responses": [one(version) for _ in range(3)]}
    post(client, url(point, batch=True), body, token=token, key="run-1")
    again = post(client, url(point, batch=True), body, token=token, key="run-1")
    assert again.status_code == 201
    assert again.json() == {"created": 0, "duplicates": 3}
    assert Response.objects.count() == 3
    call_command("rebuild_rollups", "--check")


def test_one_invalid_item_refuses_the_whole_batch_naming_it(client, survey, token):
    version, point = survey
    items = [one(version) for _ in range(5)]
    items[3]["answers"] = {"csat": 9}
    items[1]["language"] = "de"
    response = post(client, url(point, batch=True), {"responses": items}, token=token)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"responses[3].answers.csat", "responses[1].language"}
    assert Response.objects.count() == 0
    assert DailyAggregate.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "responses"), ({"responses": []}, "responses"), ({"responses": "x"}, "responses"), ([], "body")],
)
def test_a_batch_without_responses_is_refused_with_400(client, survey, token, body, field):
    _version, point = survey
    response = post(client, url(point, batch=True), body, token=token)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_batch_of_more_than_1000_is_refused_with_413(client, survey, token, settings):
    _version, point = survey
    settings.KUULO_MAX_BATCH_SIZE = 3
    body = {"responses": [{"language": "fi", "answers": {"csat": 5}} for _ in range(4)]}
    response = post(client, url(point, batch=True), body, token=token)
    assert response.status_code == 413
    assert "responses" in response.json()["errors"]
    assert Response.objects.count() == 0


def test_a_batch_body_over_1_mb_is_refused_with_413(client, survey, token):
    version, point = survey
    body = {"responses": [one(version, page="/" + "a" * 400) for _ in range(2500)]}
    response = post(client, url(point, batch=True), body, token=token)
    assert response.status_code == 413
    assert Response.objects.count() == 0


def test_a_batch_without_idempotency_key_is_refused(client, survey, token):
    version, point = survey
    response = post(client, url(point, batch=True), {"responses": [one(version)]}, token=token, key=None)
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["errors"]


def test_a_batch_of_a_thousand_takes_no_query_per_item(client, survey, token, django_assert_max_num_queries):
    version, point = survey
    body = {"responses": [one(version, answers={"csat": 1 + n % 5, "nps": n % 11}) for n in range(1000)]}
    # Bulk inserts in chunks (SQLite binds at most ~1000 values per statement), never one per item.
    with django_assert_max_num_queries(60):
        response = post(client, url(point, batch=True), body, token=token)
    assert response.json() == {"created": 1000, "duplicates": 0}
    call_command("rebuild_rollups", "--check")
