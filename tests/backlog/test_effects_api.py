"""GET /api/v1/effects and /api/v1/experiments: the figures of the effect and
experiment pages, suppression of small groups, filters, paging and who may read what."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kuulo.api.models import ApiToken
from kuulo.backlog.models import BacklogItem
from kuulo.effects import effect
from kuulo.lib.rounding import round_half_up
from kuulo.metrics.models import Metric
from tests.api.test_read_records import get, walk
from tests.backlog.effect_data import answer, answer_daily, csat_survey
from tests.backlog.test_effect import HIGH, LOW, answered_around, done_item
from tests.backlog.test_experiments import experiment_of
from tests.factories import ServiceFactory

ENDPOINTS = ["effects", "experiments"]


@pytest.fixture
def token(db):
    return ApiToken.issue("bi")[1]


def as_page_computes(measurement: effect.Measurement) -> dict:
    """The API's figures, read off the Measurement the effect and experiment pages show and
    rounded to the API's documented precision (docs/reporting-api.md)."""
    comparison = measurement.comparison

    def score_figure(value):
        return round_half_up(value, 1)

    sides = [(measurement.before, comparison.before), (measurement.after, comparison.after)]
    before, after = (
        {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "n": score.n,
            "score": score_figure(score.value),
            "ci_low": score_figure(score.ci_low),
            "ci_high": score_figure(score.ci_high),
            "suppressed": score.suppressed,
        }
        for period, score in sides
    )
    return {
        "before": before,
        "after": after,
        "started": measurement.started,
        "complete": measurement.complete,
        "difference": score_figure(comparison.difference),
        "difference_ci_low": score_figure(comparison.ci_low),
        "difference_ci_high": score_figure(comparison.ci_high),
        "p_value": round_half_up(comparison.p_value, 4),
        "test": comparison.test,
        "significant": None if comparison.suppressed else comparison.significant,
        "direction_reached": measurement.moved_as_expected,
        "target_reached": measurement.target_reached,
        "expectation_met": measurement.success,
    }


@pytest.fixture
def done_at():
    return timezone.localdate() - timedelta(days=90)


@pytest.fixture
def lifted(service, done_at) -> BacklogItem:
    """A done item whose CSAT rose from 50 % to 80 % (80 answers each side), with a target of 75 %."""
    answered_around(service, done_at, LOW, HIGH)
    return done_item(service, done_at, expected_target=75)


# Effects


def test_an_effect_carries_the_figures_of_its_effect_page(client, token, service, lifted, done_at):
    items = get(client, token, "effects").json()["items"]

    assert len(items) == 1
    row = items[0]
    assert row["id"] == lifted.pk and row["service"] == service.slug and row["title"] == lifted.title
    assert row["status"] == "done" and row["done_at"] == done_at.isoformat()
    assert (row["metric"], row["metric_version"], row["direction"], row["target"]) == ("csat", 1, "up", 75.0)
    assert row["measurement"] == as_page_computes(effect.item_effect(lifted))
    figures = row["measurement"]
    assert figures["before"]["n"] == figures["after"]["n"] == 80
    assert figures["before"]["score"] == pytest.approx(50) and figures["after"]["score"] == pytest.approx(80)
    assert figures["before"]["ci_low"] < 50 < figures["before"]["ci_high"]
    assert figures["difference"] == pytest.approx(30)
    assert figures["difference_ci_low"] < 30 < figures["difference_ci_high"]
    assert figures["p_value"] < 0.05 and figures["significant"] is True
    assert figures["direction_reached"] is True and figures["target_reached"] is True
    assert figures["expectation_met"] is True and figures["complete"] is True


def test_a_side_below_the_minimum_shows_its_n_but_no_score_and_no_verdict(client, token, service, done_at):
    survey = csat_survey(service)
    before, after = effect.item_periods(done_at)
    answer(survey, before.start, [5, 5, 5])
    answer(survey, after.start, [5] * 20)
    done_item(service, done_at, expected_target=75)

    figures = get(client, token, "effects").json()["items"][0]["measurement"]

    assert figures["before"] == {
        "start": before.start.isoformat(),
        "end": before.end.isoformat(),
        "n": 3,
        "score": None,
        "ci_low": None,
        "ci_high": None,
        "suppressed": True,
    }
    assert figures["after"]["n"] == 20 and figures["after"]["score"] == pytest.approx(100)
    assert figures["difference"] is None and figures["p_value"] is None and figures["significant"] is None
    assert figures["direction_reached"] is None and figures["expectation_met"] is None


def test_only_done_items_that_name_a_metric_are_listed(client, token, service, done_at):
    measured = done_item(service, done_at)
    verified = done_item(service, done_at, status=BacklogItem.Status.VERIFIED)
    done_item(service, done_at, expected_metric=None)
    done_item(service, None, status=BacklogItem.Status.IN_PROGRESS)

    items = get(client, token, "effects").json()["items"]

    assert [row["id"] for row in items] == [measured.pk, verified.pk]
    assert items[0]["measurement"]["before"]["suppressed"] is True


def test_effects_of_several_services_are_measured_each_on_its_own_answers(client, token, service, lifted, done_at):
    other = ServiceFactory()
    answered_around(other, done_at, LOW, LOW)
    flat = done_item(other, done_at, expected_direction="down")

    rows = {row["id"]: row for row in get(client, token, "effects").json()["items"]}

    assert rows[lifted.pk]["measurement"]["difference"] == pytest.approx(30)
    assert rows[flat.pk]["measurement"] == as_page_computes(effect.item_effect(flat))
    assert rows[flat.pk]["measurement"]["difference"] == pytest.approx(0)
    assert rows[flat.pk]["direction"] == "down" and rows[flat.pk]["measurement"]["direction_reached"] is False


def test_effects_filter_by_service_metric_status_and_done_date(client, token, service, done_at):
    early = done_item(service, done_at - timedelta(days=30))
    verified = done_item(service, done_at, status=BacklogItem.Status.VERIFIED)
    nps = done_item(service, done_at, expected_metric=Metric.objects.get(code="nps", version=1))
    elsewhere = done_item(ServiceFactory(), done_at)

    def ids(**params) -> list[int]:
        return [row["id"] for row in get(client, token, "effects", **params).json()["items"]]

    assert ids() == [early.pk, verified.pk, nps.pk, elsewhere.pk]
    assert ids(service=service.slug) == [early.pk, verified.pk, nps.pk]
    assert ids(metric="nps") == [nps.pk]
    assert ids(status="verified") == [verified.pk]
    assert ids(start=(done_at - timedelta(days=1)).isoformat()) == [verified.pk, nps.pk, elsewhere.pk]
    assert ids(end=(done_at - timedelta(days=1)).isoformat()) == [early.pk]


def test_effects_page_through_every_item_once(client, token, service, done_at):
    made = [done_item(service, done_at - timedelta(days=n)).pk for n in range(5)]

    first = get(client, token, "effects", limit=2).json()

    assert len(first["items"]) == 2 and first["next_cursor"]
    assert [row["id"] for row in walk(client, token, "effects", limit=2)] == made


def test_a_page_of_effects_reads_the_rollups_once_per_service(
    client, token, service, done_at, django_assert_max_num_queries
):
    for days in range(6):
        done_item(service, done_at - timedelta(days=days))
    done_item(ServiceFactory(), done_at)

    get(client, token, "effects")  # the token's first use this hour also writes its audit entry
    # the token (read, last use), the items, one rollup read for each of the two services
    with django_assert_max_num_queries(5):
        assert len(get(client, token, "effects").json()["items"]) == 7


# Experiments


def test_an_experiment_carries_the_result_of_its_page(client, token, service):
    experiment = experiment_of(service, decision="continue", learning="Jonot lyhenivät.")
    item = done_item(service, timezone.localdate())
    experiment.items.add(item)
    survey = csat_survey(service)
    before, during = effect.experiment_periods(experiment)
    answer_daily(survey, before.start, before.days, [2, 3, 4, 5, 3])
    answer_daily(survey, during.start, during.days, [4, 5, 4, 5, 3])

    row = get(client, token, "experiments").json()["items"][0]

    assert row["id"] == experiment.pk and row["service"] == service.slug
    assert row["hypothesis"] == experiment.hypothesis and row["change"] == experiment.change
    assert (row["metric"], row["direction"], row["minimum_change"]) == ("csat", "up", 5.0)
    assert (row["starts_on"], row["ends_on"]) == (during.start.isoformat(), during.end.isoformat())
    assert (row["state"], row["decision"], row["learning"]) == ("ended", "continue", "Jonot lyhenivät.")
    assert row["items"] == [item.pk]
    assert row["measurement"] == as_page_computes(effect.experiment_result(experiment))
    figures = row["measurement"]
    assert figures["before"]["n"] == figures["after"]["n"] == 140
    assert figures["difference"] == pytest.approx(40) and figures["significant"] is True
    assert figures["expectation_met"] is True and figures["target_reached"] is None


def test_an_experiment_with_too_few_answers_has_no_score_and_no_verdict(client, token, service):
    experiment = experiment_of(service)
    survey = csat_survey(service)
    before, during = effect.experiment_periods(experiment)
    answer(survey, before.start, [5] * 4)
    answer(survey, during.start, [5] * 30)

    figures = get(client, token, "experiments").json()["items"][0]["measurement"]

    assert figures["before"]["n"] == 4 and figures["before"]["score"] is None and figures["before"]["suppressed"]
    assert figures["after"]["n"] == 30 and figures["after"]["score"] == pytest.approx(100)
    assert figures["difference"] is None and figures["significant"] is None and figures["expectation_met"] is None


def test_a_planned_experiment_has_not_started(client, token, service):
    experiment_of(service, days_ago=-10)

    row = get(client, token, "experiments").json()["items"][0]

    assert row["state"] == "planned" and row["decision"] == "" and row["items"] == []
    assert row["measurement"]["started"] is False and row["measurement"]["after"]["n"] == 0


def test_experiments_filter_by_service_metric_and_running_days(client, token, service):
    today = timezone.localdate()
    old = experiment_of(service, days_ago=100, length=28)  # ran from 100 to 73 days ago
    recent = experiment_of(service, days_ago=20, length=28)  # runs from 20 days ago to a week ahead
    nps = experiment_of(service, days_ago=50, length=10, metric=Metric.objects.get(code="nps", version=1))
    elsewhere = experiment_of(ServiceFactory(), days_ago=20)

    def ids(**params) -> list[int]:
        return [row["id"] for row in get(client, token, "experiments", **params).json()["items"]]

    assert ids() == [old.pk, recent.pk, nps.pk, elsewhere.pk]
    assert ids(service=service.slug) == [old.pk, recent.pk, nps.pk]
    assert ids(metric="nps") == [nps.pk]
    assert ids(start=(today - timedelta(days=10)).isoformat()) == [recent.pk, elsewhere.pk]
    assert ids(end=(today - timedelta(days=80)).isoformat()) == [old.pk]
    window = {"start": (today - timedelta(days=45)).isoformat(), "end": (today - timedelta(days=42)).isoformat()}
    assert ids(**window) == [nps.pk]


def test_experiments_page_through_every_experiment_once(client, token, service):
    made = [experiment_of(service, days_ago=30 + n).pk for n in range(5)]

    assert [row["id"] for row in walk(client, token, "experiments", limit=2)] == made


def test_a_page_of_experiments_reads_the_rollups_once_per_service(
    client, token, service, django_assert_max_num_queries
):
    for days in range(5):
        experiment_of(service, days_ago=30 + days).items.add(done_item(service, None, status="idea"))
    experiment_of(ServiceFactory())

    get(client, token, "experiments")  # the token's first use this hour also writes its audit entry
    # the token (read, last use), the experiments, one rollup read per service, the linked items
    with django_assert_max_num_queries(6):
        assert len(get(client, token, "experiments").json()["items"]) == 6


# Both: bad input, authentication and who sees what


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"cursor": "garbage"}, "cursor"),
        ({"start": "yesterday"}, "start"),
        ({"start": "2026-02-01", "end": "2026-01-01"}, "start"),
    ],
)
def test_bad_parameters_are_refused_naming_the_field(client, token, path, params, field):
    response = get(client, token, path, **params)

    assert response.status_code == 400 and field in response.json()["errors"]


def test_an_unknown_status_of_an_effect_is_refused(client, token):
    response = get(client, token, "effects", status="in_progress")

    assert response.status_code == 400 and "status" in response.json()["errors"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_cursor_of_another_endpoint_is_refused(client, token, service, path):
    for n in range(2):
        done_item(service, timezone.localdate() - timedelta(days=n))
        experiment_of(service, days_ago=30 + n)
    other = "experiments" if path == "effects" else "effects"
    cursor = get(client, token, other, limit=1).json()["next_cursor"]

    response = get(client, token, path, cursor=cursor)

    assert response.status_code == 400 and "cursor" in response.json()["errors"]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize(("params", "field"), [({"service": "no-such"}, "service"), ({"metric": "x"}, "metric")])
def test_an_unknown_service_or_metric_is_not_found(client, token, path, params, field):
    response = get(client, token, path, **params)

    assert response.status_code == 404 and field in response.json()["errors"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_token_or_a_session_is_required(client, db, path):
    response = client.get(f"/api/v1/{path}")

    assert response.status_code == 401 and "Authorization" in response.json()["errors"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_session_reads_only_its_own_services(client_as, service, path):
    other = ServiceFactory()
    for owner in (service, other):
        done_item(owner, timezone.localdate() - timedelta(days=20))
        experiment_of(owner)
    client = client_as("viewer")

    items = client.get(f"/api/v1/{path}").json()["items"]

    assert [row["service"] for row in items] == [service.slug]
    assert client.get(f"/api/v1/{path}", {"service": other.slug}).status_code == 404


@pytest.mark.parametrize("path", ENDPOINTS)
def test_an_outsider_sees_nothing_of_the_service(client_as, service, path):
    done_item(service, timezone.localdate() - timedelta(days=20))
    experiment_of(service)
    client = client_as("outsider")

    assert client.get(f"/api/v1/{path}").json()["items"] == []
    assert client.get(f"/api/v1/{path}", {"service": service.slug}).status_code == 404


def test_the_schema_describes_both_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    for path in ENDPOINTS:
        operation = schema["paths"][f"/api/v1/{path}"]["get"]
        assert operation["summary"] and operation["description"]
        assert {"service", "metric", "start", "end", "cursor", "limit"} <= {p["name"] for p in operation["parameters"]}
    components = schema["components"]["schemas"]
    for name in ("MeasurementRecord", "PeriodFigures"):
        fields = components[name]["properties"]
        assert all(field.get("description") for key, field in fields.items() if key not in ("before", "after", "start"))
