"""GET /api/v1/aggregates: rollup histograms per service, metric and day, week or month."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kuulo.api.models import ApiToken
from tests.exports.data import answer

URL = "/api/v1/aggregates"


@pytest.fixture
def token(db):
    return ApiToken.issue("bi")[1]


def get(client, token, **params):
    return client.get(URL, params, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def answered(service):
    answer(service, 12, days_ago=1)
    answer(service, 3, days_ago=2)
    return service


def test_a_day_shows_its_histogram_n_and_score(client, token, answered):
    items = get(client, token, metric="csat").json()["items"]
    yesterday = next(item for item in items if item["n"] == 12)
    assert yesterday["histogram"] == {"2": 3, "5": 9}
    assert yesterday["score"] == pytest.approx(75.0)
    assert yesterday["ci_low"] < 75 < yesterday["ci_high"]
    assert yesterday["mean"] == pytest.approx(4.25)
    assert yesterday["service"] == answered.slug and yesterday["grain"] == "day"


def test_a_small_day_hides_its_score_and_histogram(client, token, answered):
    items = get(client, token, metric="csat").json()["items"]
    small = next(item for item in items if item["n"] == 3)
    assert small["suppressed"] is True
    assert small["histogram"] is None and small["score"] is None and small["mean"] is None


def test_a_month_sums_the_days_before_scoring(client, token, answered):
    today = timezone.localdate()
    start = today - timedelta(days=2)
    if start.month != (today - timedelta(days=1)).month:
        pytest.skip("the two answer days fall in different months")
    items = get(client, token, metric="csat", grain="month", start=start.isoformat()).json()["items"]
    assert len(items) == 1
    assert items[0]["n"] == 15 and items[0]["histogram"] == {"2": 4, "5": 11}
    assert items[0]["day"] == start.isoformat()


def test_segment_filters_narrow_the_histogram(client, token, service):
    answer(service, 10, channel="phone")
    answer(service, 4, channel="web")
    items = get(client, token, metric="csat", channel="web").json()["items"]
    assert [item["n"] for item in items] == [4]


def test_cursor_pagination_walks_every_group_once(client, token, answered):
    everything = get(client, token).json()["items"]
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = get(client, token, **params).json()
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(everything) > 2
    assert seen == everything


def test_a_tampered_cursor_is_refused(client, token, answered):
    cursor = get(client, token, limit=1).json()["next_cursor"]
    tampered = cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB")
    response = get(client, token, cursor=tampered)
    assert response.status_code == 400 and "cursor" in response.json()["errors"]


def test_a_cursor_of_another_endpoint_is_refused(client, token, answered):
    cursor = client.get("/api/v1/scores/daily", {"limit": 1}, headers={"Authorization": f"Bearer {token}"}).json()[
        "next_cursor"
    ]
    assert get(client, token, cursor=cursor).status_code == 400


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"grain": "year"}, "grain"),
        ({"start": "not-a-date"}, "start"),
        ({"limit": "many"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "5001"}, "limit"),
        ({"start": "2026-05-01", "end": "2026-04-01"}, "start"),
        ({"metric": "nope"}, "metric"),
    ],
)
def test_bad_filters_get_400_or_404_naming_the_field(client, token, answered, params, field):
    response = get(client, token, **params)
    assert response.status_code in (400, 404)
    assert field in response.json()["errors"]


def test_a_token_is_required(client, answered):
    assert client.get(URL).status_code == 401


def test_a_session_reads_only_its_services(client_as, answered):
    assert client_as("viewer").get(URL).json()["items"]
    assert client_as("outsider").get(URL).json()["items"] == []
    assert client_as("outsider").get(URL, {"service": answered.slug}).status_code == 404
