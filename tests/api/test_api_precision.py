"""Figures leave the API rounded to the documented precision, half away from zero
(docs/reporting-api.md, "Precision"), never as 49.99999999999999."""

import csv
import uuid
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from kuulo.api.figures import LEVEL_DIGITS, MEAN_DIGITS, P_VALUE_DIGITS, SCORE_DIGITS
from kuulo.api.models import ApiToken
from kuulo.feedback.actions import record_many
from kuulo.feedback.submissions import clean_submission
from kuulo.lib.rounding import round_half_up
from tests.factories import published_survey

# --- the helper ---


@pytest.mark.parametrize(
    ("value", "digits", "rounded"),
    [
        (62.5, 0, 63.0),
        (62.5, 1, 62.5),
        (0.125, 2, 0.13),
        (2.675, 2, 2.68),  # the float is 2.67499999…; a person reads 2.675
        (-2.5, 0, -3.0),
        (-0.04, 1, 0.0),
        (49.99999999999999, 1, 50.0),
        (33.333333333333336, 1, 33.3),
        (1e30, 2, 1e30),
        (None, 1, None),
    ],
)
def test_round_half_up_rounds_halves_away_from_zero(value, digits, rounded):
    result = round_half_up(value, digits)
    assert result == rounded
    assert result is None or repr(result) == repr(rounded)


@given(value=st.floats(-1e6, 1e6, allow_nan=False), digits=st.integers(0, 4))
def test_a_rounded_float_never_shows_more_decimals_than_asked(value, digits):
    rounded = round_half_up(value, digits)
    assert decimals(rounded) <= digits
    assert abs(rounded - value) <= 0.5 * 10**-digits + 1e-9


def decimals(value: float) -> int:
    return max(0, -Decimal(repr(value)).normalize().as_tuple().exponent)


# --- through the API ---


@pytest.fixture
def token(db) -> str:
    return ApiToken.issue("bi")[1]


def read(client, token: str, path: str, **params) -> dict:
    response = client.get(path, params, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.content
    return response.json()


def csat_answers(service, values: list[int]) -> None:
    """One response per value to CSAT (1–5, top box 4–5), yesterday."""
    version, point = published_survey(service=service, codes=("csat",))
    submissions = []
    for value in values:
        data = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"csat": value}}
        submission = clean_submission(version, data)
        submission.responded_at = timezone.now() - timedelta(days=1)
        submissions.append(submission)
    record_many(point, version, submissions)


@pytest.fixture
def eighths(service):
    """16 answers: 10 in the top box (62.5 %), summing to 66 (mean 4.125)."""
    csat_answers(service, [5] * 10 + [3] * 4 + [2] * 2)
    return service


def test_a_score_of_62_5_percent_is_returned_as_62_5(client, token, eighths):
    (day,) = read(client, token, "/api/v1/aggregates", metric="csat")["items"]
    assert day["n"] == 16
    assert day["score"] == 62.5
    assert decimals(day["ci_low"]) <= 1 and decimals(day["ci_high"]) <= 1


def test_a_mean_of_4_125_is_returned_as_4_13_at_two_decimals(client, token, eighths):
    (day,) = read(client, token, "/api/v1/aggregates", metric="csat")["items"]
    assert day["mean"] == 4.13  # half away from zero; round() would give 4.12


def test_the_csv_feed_rounds_as_the_json(client, token, eighths):
    response = client.get("/api/v1/scores/daily.csv", {"metric": "csat"}, headers={"Authorization": f"Bearer {token}"})
    (row,) = csv.DictReader(StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    json_row = read(client, token, "/api/v1/scores/daily", metric="csat")["items"][0]
    assert row["score"] == "62.5"
    assert (row["ci_low"], row["ci_high"]) == (str(json_row["ci_low"]), str(json_row["ci_high"]))


@pytest.mark.django_db
def test_no_figure_of_the_demo_data_has_more_decimals_than_documented(client, monkeypatch):
    monkeypatch.setenv("KUULO_DEMO_SIZE", "small")
    call_command("load_demo", stdout=StringIO())
    token = ApiToken.issue("bi")[1]
    precision = {
        "score": SCORE_DIGITS,
        "ci_low": SCORE_DIGITS,
        "ci_high": SCORE_DIGITS,
        "difference": SCORE_DIGITS,
        "difference_ci_low": SCORE_DIGITS,
        "difference_ci_high": SCORE_DIGITS,
        "mean": MEAN_DIGITS,
        "target": LEVEL_DIGITS,
        "minimum_change": LEVEL_DIGITS,
        "p_value": P_VALUE_DIGITS,
    }
    seen: dict[str, int] = {}
    for path, params in [
        ("/api/v1/scores/daily", {"limit": 5000}),
        ("/api/v1/aggregates", {"grain": "month", "limit": 5000}),
        ("/api/v1/aggregates", {"grain": "day", "limit": 5000}),
        ("/api/v1/effects", {}),
        ("/api/v1/experiments", {}),
        ("/api/v1/backlog-items", {"limit": 1000}),
    ]:
        for name, value in floats_in(read(client, token, path, **params)):
            assert name in precision, f"{path}: {name} is a float of no documented precision"
            assert decimals(value) <= precision[name], f"{path}: {name} = {value!r}"
            seen[name] = seen.get(name, 0) + 1
    assert {"score", "ci_low", "mean", "difference", "p_value"} <= set(seen), seen


def floats_in(data, name: str = ""):
    if isinstance(data, float):
        yield name, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from floats_in(value, key)
    elif isinstance(data, list):
        for value in data:
            yield from floats_in(value, name)
