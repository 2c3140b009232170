"""The one rollup write path: every writer describes its counts as upserts and
kuulo.feedback.inserts renders them for SQLite and PostgreSQL alike.

These run on both databases (the PostgreSQL pass takes the single-statement
widget path and the array upserts; SQLite the multi-row VALUES), and each ends
with `rebuild_rollups --check` comparing every cell with the raw answers.
"""

import random
import uuid
from collections import Counter
from datetime import date, datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kuulo.feedback import actions, inserts, rollups
from kuulo.feedback.inserts import Upsert, update_rows, upsert
from kuulo.feedback.models import (
    Comment,
    DailyAggregate,
    DailyResponseCount,
    DailyTotal,
    DisplayCount,
    MonthlyTotal,
    Response,
)
from kuulo.feedback.submissions import clean_submission
from tests.factories import published_survey

SEGMENTS = [("fi", "web", "private", ""), ("sv", "phone", "business", "counter"), ("en", "web", "", "chat")]


@pytest.fixture
def survey(db):
    return published_survey()


def submission(version, rng: random.Random, day: date, *, suspect: str = ""):
    language, channel, group, touchpoint = rng.choice(SEGMENTS)
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "language": language,
        "channel": channel,
        "customer_group": group,
        "touchpoint": touchpoint,
        "answers": {"csat": rng.randint(1, 5), "nps": rng.randint(0, 10), "umux_lite": [rng.randint(1, 7), 7]},
    }
    cleaned = clean_submission(version, data)
    cleaned.responded_at = timezone.make_aware(datetime.combine(day, time(rng.randint(0, 23))))
    cleaned.suspect_reason = suspect
    return cleaned


def check() -> str:
    out = StringIO()
    call_command("rebuild_rollups", "--check", stdout=out)
    return out.getvalue()


def stored() -> tuple:
    return rollups.stored_counts(), rollups.stored_totals(), rollups.stored_monthly(), rollups.stored_response_counts()


def test_responses_from_every_writer_add_up_to_what_a_rebuild_computes(survey):
    version, point = survey
    rng = random.Random(7)
    days = [date(2026, 1, 30) + timedelta(days=n) for n in range(40)]  # three months
    for _ in range(60):
        actions.record_response(point, version, submission(version, rng, rng.choice(days)))
    actions.record_many(point, version, [submission(version, rng, rng.choice(days)) for _ in range(150)])
    suspects = [
        actions.record_response(point, version, submission(version, rng, rng.choice(days), suspect="Too fast"))[0]
        for _ in range(6)
    ]
    for response in suspects[:4]:
        actions.accept_suspect(response)
    for response in suspects[3:]:
        actions.discard_suspect(response)  # one of them accepted first: its counts are taken away again
    accepted = Response.objects.filter(status=Response.Status.ACCEPTED).count()
    assert accepted == 60 + 150 + 3
    assert f"Rollups match the raw answers ({accepted * 3} answers)" in check()
    before = stored()
    call_command("rebuild_rollups", stdout=StringIO())
    assert stored() == before


def test_a_retried_response_adds_nothing_to_the_rollups(survey):
    version, point = survey
    rng = random.Random(3)
    first = submission(version, rng, date(2026, 3, 3))
    actions.record_response(point, version, first)
    before = stored()
    _, created = actions.record_response(point, version, first)
    assert not created
    assert stored() == before
    check()


def test_an_upsert_creates_missing_rows_adds_to_existing_ones_and_subtracts(survey):
    _version, point = survey
    day = date(2026, 4, 1)
    keys = ("collection_point_id", "day")
    upsert([Upsert(DisplayCount, keys, [(point.pk, day, 3)])])
    upsert([Upsert(DisplayCount, keys, [(point.pk, day, 2), (point.pk, day + timedelta(days=1), 1)])])
    counts = dict(DisplayCount.objects.values_list("day", "count"))
    assert counts == {day: 5, day + timedelta(days=1): 1}
    rollups.add_display(point.pk, day)
    assert DisplayCount.objects.get(day=day).count == 6
    upsert([Upsert(DailyResponseCount, keys, [(point.pk, day, 3)])])
    upsert([Upsert(DailyResponseCount, keys, [(point.pk, day, -2)])])  # a signed counter: a correction subtracts
    assert DailyResponseCount.objects.get(day=day).count == 1
    upsert([Upsert(DisplayCount, keys, [])])  # nothing to add runs nothing
    assert DisplayCount.objects.count() == 2


def test_counts_larger_than_one_statement_are_written_in_parts(survey, monkeypatch):
    version, _point = survey
    service_id = version.survey.service_id
    metric_id = version.questions.filter(kind="metric").first().metric_id
    monkeypatch.setattr(inserts, "MAX_PARAMETERS", 9 * 7)  # seven fine rows a statement on SQLite
    monkeypatch.setattr(inserts, "MAX_ARRAY_ROWS", 7)  # and on PostgreSQL,
    monkeypatch.setattr(inserts, "FEW_ROWS", 5)  # as arrays, but the last five of 40 as VALUES
    first = date(2026, 1, 1)
    segment = ("web", "fi", "", "")
    counts = Counter({(service_id, metric_id, first + timedelta(days=n), *segment, 4): n + 1 for n in range(40)})
    rollups.add(counts)
    rollups.add(counts, sign=-1)
    rollups.add(counts)
    assert sum(DailyAggregate.objects.values_list("count", flat=True)) == sum(range(1, 41))
    assert sum(DailyTotal.objects.filter(dimension="language").values_list("count", flat=True)) == sum(range(1, 41))
    assert dict(MonthlyTotal.objects.filter(dimension="").values_list("month", "count")) == {
        date(2026, 1, 1): sum(range(1, 32)),
        date(2026, 2, 1): sum(range(32, 41)),
    }


def test_update_rows_sets_each_row_by_id_and_the_common_columns_on_all_in_parts(survey, monkeypatch):
    version, point = survey
    open_question = version.questions.get(kind="open")
    rng = random.Random(5)
    for _ in range(12):
        data = submission(version, rng, date(2026, 5, 5))
        data.comments = {open_question.pk: "Jono oli pitkä."}
        actions.record_response(point, version, data)
    ids = list(Comment.objects.order_by("pk").values_list("pk", flat=True))
    monkeypatch.setattr(inserts, "MAX_PARAMETERS", 5 * 5)  # five rows a statement on SQLite
    monkeypatch.setattr(inserts, "MAX_ARRAY_ROWS", 5)  # on PostgreSQL, in arrays even for the last two
    stamp = timezone.now()
    score = {n: None if n % 3 else n for n in range(len(ids))}  # a comment without a score too
    rows = [(pk, "fi", f"jono {n}", "negative" if n % 2 else "positive", score[n]) for n, pk in enumerate(ids)]
    columns = ["detected_language", "lemmas", "sentiment", "score"]
    update_rows(Comment, columns, rows, analysed_at=inserts.adapt_datetime(stamp))
    found = list(Comment.objects.order_by("pk").values_list("pk", "lemmas", "sentiment", "score", "analysed_at"))
    assert found == [
        (pk, f"jono {n}", "negative" if n % 2 else "positive", score[n], stamp) for n, pk in enumerate(ids)
    ]
