"""kuulo.feedback.histograms: the one reader of the rollups.

Answers are stored through the real write path (record_response), so these
tests also show that what is written is what the pages, plans, effects and
the API read back, whichever rollup table answers.
"""

import uuid
from datetime import date, datetime, time

import pytest
from django.utils import timezone

from kuulo.feedback import actions
from kuulo.feedback.histograms import answered_metric_ids, histograms, ordered_histograms, segment_values
from kuulo.feedback.submissions import clean_submission
from kuulo.metrics.models import Metric
from tests.factories import published_survey


@pytest.fixture
def surveys(db):
    return published_survey(codes=("csat", "nps")), published_survey(codes=("csat",))


@pytest.fixture
def csat(db):
    return Metric.objects.get(code="csat", version=1)


@pytest.fixture
def nps(db):
    return Metric.objects.get(code="nps", version=1)


def answer(survey, day: date, *, suspect: str = "", **fields):
    version, point = survey
    data = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"csat": 4}}
    submission = clean_submission(version, {**data, **fields})
    submission.responded_at = timezone.make_aware(datetime.combine(day, time(12)))
    submission.suspect_reason = suspect
    return actions.record_response(point, version, submission)[0]


def service_of(survey) -> int:
    return survey[0].survey.service_id


def test_a_period_counts_the_answers_of_its_days_only(surveys, csat):
    first, _ = surveys
    answer(first, date(2026, 1, 31), answers={"csat": 5})
    for day in (date(2026, 2, 1), date(2026, 2, 14), date(2026, 3, 1)):
        answer(first, day, answers={"csat": 4})
    answer(first, date(2026, 3, 2), answers={"csat": 1})
    found = histograms(start=date(2026, 1, 31), end=date(2026, 3, 1), metrics=[csat.pk])
    assert found == {(service_of(first), csat.pk): {5: 1, 4: 3}}
    assert histograms(start=date(2026, 3, 3), end=date(2026, 3, 31), metrics=[csat.pk]) == {}


def test_services_and_metrics_filter_and_group_the_histograms(surveys, csat, nps):
    first, second = surveys
    day = date(2026, 5, 4)
    answer(first, day, answers={"csat": 5, "nps": 10})
    answer(second, day, answers={"csat": 2})
    both = histograms(start=day, end=day)
    assert both == {
        (service_of(first), csat.pk): {5: 1},
        (service_of(first), nps.pk): {10: 1},
        (service_of(second), csat.pk): {2: 1},
    }
    assert histograms(start=day, end=day, services=[service_of(second)]) == {(service_of(second), csat.pk): {2: 1}}
    assert histograms(start=day, end=day, metrics=[csat.pk], by=["metric"]) == {(csat.pk,): {5: 1, 2: 1}}
    assert histograms(start=day, end=day, metrics=[csat.pk], by=[]) == {(): {5: 1, 2: 1}}


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ({}, {5: 1, 4: 1, 3: 1, 2: 1}),
        ({"language": "sv"}, {4: 1, 3: 1}),
        ({"language": "sv", "channel": "phone"}, {3: 1}),
        ({"customer_group": "business", "touchpoint": "counter"}, {2: 1}),
        ({"touchpoint": "counter"}, {3: 1, 2: 1}),
        ({"channel": "", "language": "sv"}, {4: 1, 3: 1}),  # an empty value keeps all
    ],
)
def test_a_segment_keeps_the_answers_of_its_channel_language_group_and_touchpoint(surveys, csat, segment, expected):
    first, _ = surveys
    day = date(2026, 5, 4)
    answer(first, day, answers={"csat": 5})
    answer(first, day, language="sv", answers={"csat": 4})
    answer(first, day, language="sv", channel="phone", touchpoint="counter", answers={"csat": 3})
    answer(first, day, customer_group="business", touchpoint="counter", answers={"csat": 2})
    # over a month boundary, so whole months and edge days both answer
    found = histograms(start=date(2026, 4, 30), end=date(2026, 6, 2), metrics=[csat.pk], segment=segment, by=[])
    assert found == {(): expected}


def test_grouping_by_day_week_and_month_gives_each_bucket_its_first_day(surveys, csat):
    first, _ = surveys
    for day, value in [(date(2026, 1, 30), 5), (date(2026, 2, 2), 4), (date(2026, 2, 3), 3), (date(2026, 3, 1), 2)]:
        answer(first, day, answers={"csat": value})
    within = {"start": date(2026, 1, 30), "end": date(2026, 3, 1), "metrics": [csat.pk]}
    assert histograms(**within, by=["day"]) == {
        (date(2026, 1, 30),): {5: 1},
        (date(2026, 2, 2),): {4: 1},
        (date(2026, 2, 3),): {3: 1},
        (date(2026, 3, 1),): {2: 1},
    }
    assert histograms(**within, by=["week"]) == {
        (date(2026, 1, 26),): {5: 1},
        (date(2026, 2, 2),): {4: 1, 3: 1},
        (date(2026, 2, 23),): {2: 1},
    }
    assert histograms(**within, by=["month"]) == {
        (date(2026, 1, 1),): {5: 1},
        (date(2026, 2, 1),): {4: 1, 3: 1},
        (date(2026, 3, 1),): {2: 1},
    }


def test_a_breakdown_groups_by_one_dimension_with_an_empty_group_for_not_given(surveys, csat):
    first, _ = surveys
    day = date(2026, 5, 4)
    answer(first, day, customer_group="private", answers={"csat": 5})
    answer(first, day, customer_group="business", answers={"csat": 2})
    answer(first, day, language="sv", answers={"csat": 4})
    within = {"start": date(2026, 4, 1), "end": date(2026, 6, 30), "metrics": [csat.pk]}
    assert histograms(**within, by=["metric", "customer_group"]) == {
        (csat.pk, "private"): {5: 1},
        (csat.pk, "business"): {2: 1},
        (csat.pk, ""): {4: 1},
    }
    # a breakdown within a segment
    assert histograms(**within, segment={"language": "fi"}, by=["customer_group"]) == {
        ("private",): {5: 1},
        ("business",): {2: 1},
    }


def test_suppression_is_the_callers_so_a_single_answer_still_comes_back(surveys, csat):
    first, _ = surveys
    day = date(2026, 5, 4)
    answer(first, day, answers={"csat": 5})
    found = histograms(start=day, end=day, metrics=[csat.pk], by=[])
    assert found == {(): {5: 1}}
    assert csat.score(found[()]).suppressed


def test_discarded_and_suspect_answers_leave_no_group_behind(surveys, csat):
    first, _ = surveys
    day = date(2026, 5, 4)
    accepted = answer(first, day, answers={"csat": 5})
    answer(first, day, suspect="Too fast", answers={"csat": 1})
    actions.discard_suspect(accepted)
    assert histograms(start=day, end=day, metrics=[csat.pk]) == {}


def test_histograms_take_one_query_however_many_parts_the_period_has(surveys, csat, django_assert_num_queries):
    first, _ = surveys
    answer(first, date(2026, 1, 30))
    answer(first, date(2026, 2, 10))
    with django_assert_num_queries(1):
        histograms(start=date(2026, 1, 15), end=date(2026, 3, 10), by=["service", "metric", "month"])


def test_ordered_histograms_stream_the_same_groups_in_key_order(surveys, csat, nps):
    first, second = surveys
    for day in (date(2026, 1, 30), date(2026, 2, 10), date(2026, 3, 2)):
        answer(first, day, answers={"csat": 3, "nps": 8})
        answer(second, day, answers={"csat": 5})
    within = {"start": date(2026, 1, 15), "end": date(2026, 3, 10)}
    for grain in ("day", "week", "month"):
        by = [grain, "service", "metric"]
        ordered = list(ordered_histograms(**within, by=by))
        assert [key for key, _histogram in ordered] == sorted(histograms(**within, by=by))
        assert dict(ordered) == histograms(**within, by=by)


def test_a_grouping_it_cannot_give_is_refused(surveys):
    with pytest.raises(ValueError):
        histograms(start=date(2026, 1, 1), end=date(2026, 1, 31), by=["day", "month"])
    with pytest.raises(ValueError):
        histograms(start=date(2026, 1, 1), end=date(2026, 1, 31), by=["channel", "language"])
    with pytest.raises(ValueError):
        histograms(start=date(2026, 1, 1), end=date(2026, 1, 31), segment={"page": "/"})


def test_form_choices_come_from_what_the_service_has_answers_for(surveys, csat, nps):
    first, second = surveys
    answer(first, date(2026, 5, 4), customer_group="private", touchpoint="counter", answers={"csat": 4})
    answer(first, date(2026, 5, 5), customer_group="business", answers={"csat": 4})
    service = first[0].survey.service
    assert set(Metric.objects.filter(pk__in=answered_metric_ids(service))) == {csat}
    assert segment_values(service, "customer_group") == ["business", "private"]
    assert segment_values(service, "touchpoint") == ["counter"]
    assert segment_values(second[0].survey.service, "customer_group") == []


def test_services_and_metrics_may_be_any_iterable_even_over_several_parts(surveys, csat):
    first, second = surveys
    answer(first, date(2026, 1, 30), answers={"csat": 5})
    answer(first, date(2026, 2, 10), answers={"csat": 4})
    answer(second, date(2026, 2, 10), answers={"csat": 1})
    found = histograms(
        start=date(2026, 1, 15),
        end=date(2026, 3, 10),  # a whole month and edge days: two parts
        services=(pk for pk in [service_of(first)]),
        metrics=iter([csat.pk]),
        by=[],
    )
    assert found == {(): {5: 1, 4: 1}}
