import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from kuulo.api.models import ApiToken
from kuulo.feedback.actions import record_many
from kuulo.feedback.submissions import clean_submission
from tests.factories import published_survey

URL = "/api/v1/scores/daily"


@pytest.fixture
def token(db):
    return ApiToken.issue("bi")[1]


@pytest.fixture
def answered(service):
    """12 answers yesterday (9 satisfied) and 3 the day before, on the persona service."""
    version, point = published_survey(service=service, codes=("csat",), open_question=False)
    submissions = []
    for days_ago, values in [(1, [5] * 9 + [2] * 3), (2, [5, 5, 1])]:
        for value in values:
            submission = clean_submission(
                version,
                {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"csat": value}},
            )
            submission.responded_at = timezone.now() - timedelta(days=days_ago)
            submissions.append(submission)
    record_many(point, version, submissions)
    return service


def get(client, token, **params):
    return client.get(URL, params, headers={"Authorization": f"Bearer {token}"})


def test_daily_scores_come_with_n_and_interval(client, token, answered):
    items = get(client, token, metric="csat").json()["items"]
    by_day = {item["day"]: item for item in items}
    yesterday = str(timezone.localdate() - timedelta(days=1))
    assert by_day[yesterday]["n"] == 12
    assert by_day[yesterday]["score"] == pytest.approx(75.0)
    assert by_day[yesterday]["ci_low"] < 75 < by_day[yesterday]["ci_high"]
    assert by_day[yesterday]["service"] == answered.slug


def test_days_with_few_answers_are_suppressed(client, token, answered):
    items = get(client, token, metric="csat").json()["items"]
    small = next(item for item in items if item["n"] == 3)
    assert small["suppressed"] is True
    assert small["score"] is None and small["ci_low"] is None


def test_cursor_pagination_walks_every_row_once(client, token, answered):
    first = get(client, token, limit=1).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = get(client, token, limit=1, cursor=first["next_cursor"]).json()
    assert len(second["items"]) == 1
    assert second["items"][0]["day"] != first["items"][0]["day"]
    assert second["next_cursor"] is None


def test_csv_feed_has_the_same_rows(client, token, answered):
    response = client.get(URL + ".csv", {"metric": "csat"}, headers={"Authorization": f"Bearer {token}"})
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("day,service,service_name,metric")
    assert len(lines) == 3


def test_a_token_is_required(client, answered):
    assert client.get(URL).status_code == 401
    assert client.get(URL, headers={"Authorization": "Bearer kuulo_wrong"}).status_code == 401


def test_logged_in_staff_read_only_their_services(client_as, answered):
    assert client_as("viewer").get(URL).json()["items"]
    assert client_as("outsider").get(URL).json()["items"] == []
    assert client_as("outsider").get(URL, {"service": answered.slug}).status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": "2026-05-01", "end": "2026-04-01"}, "start"),
        ({"start": "not-a-date"}, None),
        ({"metric": "nope"}, "metric"),
        ({"limit": "0"}, "limit"),
        ({"cursor": "%%%"}, "cursor"),
    ],
)
def test_bad_parameters_get_a_clear_4xx(client, token, answered, params, field):
    response = get(client, token, **params)
    assert 400 <= response.status_code < 500
    if field:
        assert field in json.loads(response.content)["errors"]


def test_the_schema_documents_the_feed(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/scores/daily" in paths
    assert "/api/v1/scores/daily.csv" in paths
