"""The coarse rollups (DailyTotal, DailyResponseCount) stay exact beside the fine one.

They are written in the same statement or transaction as DailyAggregate, so
a new response shows on the pages at once, and corrections from the review
queue take them along; rebuild_rollups checks and rebuilds all three.
"""

import uuid
from collections import Counter
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from kuulo.dashboards import service_figures
from kuulo.feedback import actions, rollups
from kuulo.feedback.histograms import Segment, histograms, period_parts
from kuulo.feedback.models import DailyAggregate, DailyResponseCount, DailyTotal, DisplayCount, MonthlyTotal, Response
from kuulo.feedback.submissions import clean_submission
from kuulo.lib.periods import Period
from kuulo.metrics.models import Metric
from tests.factories import published_survey


@pytest.fixture
def survey(db):
    return published_survey()


def submit(survey, *, suspect: str = "", **overrides) -> Response:
    version, point = survey
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "language": "fi",
        "channel": "web",
        "customer_group": "private",
        "touchpoint": "application-form",
        "answers": {"csat": 4, "nps": 9, "umux_lite": [6, 7]},
        **overrides,
    }
    submission = clean_submission(version, data)
    submission.suspect_reason = suspect
    return actions.record_response(point, version, submission)[0]


def check() -> None:
    call_command("rebuild_rollups", "--check", stdout=StringIO())


def totals(dimension: str = "", segment: str = "") -> int:
    rows = DailyTotal.objects.filter(dimension=dimension, segment=segment, metric__code="csat")
    return sum(rows.values_list("count", flat=True))


def responses_counted() -> int:
    return sum(DailyResponseCount.objects.values_list("count", flat=True))


def test_every_response_adds_to_the_totals_and_the_response_count(survey):
    submit(survey)
    submit(survey, language="sv", customer_group="business")
    submit(survey, language="sv", answers={"csat": 2, "nps": 3})
    assert totals() == 3
    assert totals("language", "sv") == 2
    assert totals("customer_group", "business") == 1
    assert totals("touchpoint", "application-form") == 3
    assert responses_counted() == 3
    month = MonthlyTotal.objects.filter(dimension="language", segment="sv", metric__code="csat")
    assert sum(month.values_list("count", flat=True)) == 2
    check()


def test_a_batch_adds_to_the_totals_and_the_response_count(survey):
    version, point = survey
    batch = [
        clean_submission(
            version, {"idempotency_key": str(uuid.uuid4()), "language": "en", "channel": "web", "answers": {"csat": 5}}
        )
        for _ in range(4)
    ]
    actions.record_many(point, version, batch)
    assert totals("language", "en") == 4
    assert responses_counted() == 4
    check()


def test_accepting_and_discarding_a_suspect_keep_the_totals_right(survey):
    response = submit(survey, suspect="Too fast")
    assert totals() == 0 and responses_counted() == 0
    check()
    actions.accept_suspect(response)
    assert totals() == 1 and responses_counted() == 1
    check()
    actions.discard_suspect(response)
    assert totals() == 0 and responses_counted() == 0
    check()


def test_discarding_a_suspect_never_counted_changes_nothing(survey):
    submit(survey)
    actions.discard_suspect(submit(survey, suspect="Honeypot"))
    assert totals() == 1 and responses_counted() == 1
    check()


def test_a_new_response_shows_on_the_overview_and_the_dashboard_at_once(survey):
    version, point = survey
    service = version.survey.service
    today = timezone.localdate()
    period = Period(today, today)
    csat = Metric.objects.get(code="csat", version=1)
    for _ in range(10):
        submit(survey)
    DisplayCount.objects.create(collection_point=point, day=today, count=100)
    before = histograms(start=today, end=today, services=[service.pk], metrics=[csat.pk])[(service.pk, csat.pk)]
    rate_before = service_figures.response_rate(service, period)
    submit(survey, answers={"csat": 1})
    after = histograms(start=today, end=today, services=[service.pk], metrics=[csat.pk])[(service.pk, csat.pk)]
    assert after[1] == before.get(1, 0) + 1
    assert service_figures.response_rate(service, period).responses == rate_before.responses + 1
    panels = service_figures.dashboard(service, period, Segment(), "month", "fi")
    assert next(panel for panel in panels if panel.metric == csat).score.n == 11


def test_pages_read_the_same_histograms_from_the_totals_as_from_the_fine_rollup(survey):
    version, _point = survey
    service = version.survey.service
    for language, group, csat in [("fi", "private", 5), ("sv", "business", 2), ("sv", "private", 4), ("en", "", 3)]:
        submit(survey, language=language, customer_group=group, answers={"csat": csat, "nps": 7})
    today = timezone.localdate()
    within = {"service_id": service.pk, "day__gte": today, "day__lte": today}
    read = {"start": today, "end": today, "services": [service.pk]}
    for segment in ({}, {"language": "sv"}, {"customer_group": "private"}, {"language": "sv", "channel": "web"}):
        quick = flattened(histograms(**read, segment=segment, by=["metric"]))
        fine = DailyAggregate.objects.filter(**segment, **within).values_list("metric_id", "value", "count")
        assert summed(quick) == summed(fine), segment
    for dimension in rollups.SEGMENT_FIELDS:
        quick = flattened(histograms(**read, by=["metric", dimension]))
        fine = DailyAggregate.objects.filter(**within).values_list("metric_id", dimension, "value", "count")
        assert summed(quick) == summed(fine), dimension


def flattened(found: dict) -> list[tuple]:
    return [(*key, value, count) for key, histogram in found.items() for value, count in histogram.items()]


def summed(rows) -> dict:
    found: dict = {}
    for *key, count in rows:
        found[tuple(key)] = found.get(tuple(key), 0) + count
    return {key: count for key, count in found.items() if count}


def test_rollup_check_finds_a_wrong_total_or_response_count_and_rebuild_repairs_them(survey):
    for _ in range(3):
        submit(survey)
    DailyTotal.objects.filter(dimension="language").update(count=7)
    with pytest.raises(CommandError, match="total cells"):
        check()
    call_command("rebuild_rollups", stdout=StringIO())
    check()
    DailyResponseCount.objects.update(count=0)
    with pytest.raises(CommandError, match="response counts"):
        check()
    call_command("rebuild_rollups", stdout=StringIO())
    check()
    MonthlyTotal.objects.filter(dimension="").delete()
    with pytest.raises(CommandError, match="monthly total cells"):
        check()
    call_command("rebuild_rollups", stdout=StringIO())
    check()
    assert totals("language", "fi") == 3 and responses_counted() == 3


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 1, 1), date(2026, 1, 31)),
        (date(2026, 1, 15), date(2026, 3, 10)),
        (date(2025, 11, 24), date(2026, 11, 23)),
        (date(2026, 1, 2), date(2026, 1, 30)),
        (date(2026, 1, 31), date(2026, 2, 1)),
        (date(2026, 2, 1), date(2026, 2, 28)),
    ],
)
def test_a_period_counts_every_day_once_from_whole_months_and_edge_days(survey, start, end):
    version, _point = survey
    service = version.survey.service
    csat = Metric.objects.get(code="csat", version=1)
    first, last = date(2025, 10, 1), date(2026, 12, 31)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    cell = {"dimension": "", "service": service, "metric": csat, "segment": "", "value": 5}
    DailyTotal.objects.bulk_create([DailyTotal(day=day, count=1, **cell) for day in days])
    months = Counter(day.replace(day=1) for day in days)
    MonthlyTotal.objects.bulk_create([MonthlyTotal(month=month, count=n, **cell) for month, n in months.items()])
    counted = sum(
        sum(rows.filter(service=service).values_list("count", flat=True))
        for rows, _field, _group in period_parts({}, start, end)
    )
    assert counted == (end - start).days + 1
