"""Measured effect of done items: the computation on answers with a known lift,
no change and too few answers; the effect pages, the verify action and the
done markers on the service dashboard's trend."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.effects import effect
from kuulo.metrics.models import Metric
from tests.backlog.effect_data import answer, csat_survey

LOW = [2, 3, 4, 5, 3, 4, 2, 3, 4, 5]  # 50 % top-2-box
HIGH = [3, 4, 5, 5, 4, 4, 5, 3, 4, 5]  # 80 %


def done_item(service, done_at: date, **fields) -> BacklogItem:
    defaults = {
        "title": "Uusi hakemuslomake",
        "status": BacklogItem.Status.DONE,
        "done_at": done_at,
        "expected_metric": Metric.objects.get(code="csat", version=1),
        "expected_direction": "up",
    }
    return BacklogItem.objects.create(service=service, **(defaults | fields))


def answered_around(service, done_at: date, before: list[int], after: list[int], per_week: int = 1) -> None:
    """`per_week` days of answers in each of the 8 weeks before and after the done week."""
    survey = csat_survey(service)
    periods = effect.item_periods(done_at)
    for period, values in zip(periods, (before, after), strict=True):
        for week in range(8):
            for day in range(per_week):
                answer(survey, period.start + timedelta(weeks=week, days=day), values)


@pytest.fixture
def done_at() -> date:
    return timezone.localdate() - timedelta(days=90)


def test_the_periods_are_whole_weeks_around_the_done_week() -> None:
    before, after = effect.item_periods(date(2026, 3, 11))  # a Wednesday

    assert (before.start, before.end) == (date(2026, 1, 12), date(2026, 3, 8))
    assert (after.start, after.end) == (date(2026, 3, 16), date(2026, 5, 10))
    assert before.days == after.days == 56


def test_a_known_lift_is_significant_and_meets_the_expectation(service, done_at):
    answered_around(service, done_at, LOW, HIGH)
    item = done_item(service, done_at, expected_target=75)

    measurement = effect.item_effect(item)

    comparison = measurement.comparison
    assert comparison.before.n == comparison.after.n == 80
    assert comparison.before.value == pytest.approx(50)
    assert comparison.after.value == pytest.approx(80)
    assert comparison.difference == pytest.approx(30)
    assert comparison.significant
    assert measurement.complete and measurement.success
    assert measurement.target_reached
    assert measurement.sentence == "Customer satisfaction (CSAT) rose from 50% to 80% (+30, significant)."
    assert "target 75% was reached" in measurement.expectation


def test_no_change_is_not_significant(service, done_at):
    answered_around(service, done_at, LOW, LOW)
    item = done_item(service, done_at)

    measurement = effect.item_effect(item)

    assert measurement.comparison.difference == pytest.approx(0)
    assert not measurement.comparison.significant
    assert measurement.success is False
    assert "no significant change" in measurement.sentence


def test_a_fall_against_an_expected_rise_is_not_a_success(service, done_at):
    answered_around(service, done_at, HIGH, LOW)

    measurement = effect.item_effect(done_item(service, done_at))

    assert measurement.comparison.significant and measurement.comparison.difference < 0
    assert measurement.success is False
    assert "fell" in measurement.sentence


def test_too_few_answers_give_no_verdict(service, done_at):
    survey = csat_survey(service)
    before, after = effect.item_periods(done_at)
    answer(survey, before.start, [5, 5, 5])
    answer(survey, after.start, [5] * 20)
    item = done_item(service, done_at)

    measurement = effect.item_effect(item)

    assert measurement.comparison.suppressed
    assert measurement.success is None
    assert measurement.sentence.startswith("Customer satisfaction (CSAT): too few answers to tell (3 before, 20 after")


def test_answers_in_the_done_week_do_not_count(service, done_at):
    answered_around(service, done_at, LOW, LOW)
    answer(csat_survey(service), done_at, [1] * 50)

    measurement = effect.item_effect(done_item(service, done_at))

    assert measurement.comparison.before.n == measurement.comparison.after.n == 80


def test_items_without_a_metric_or_not_done_have_no_effect(service, done_at):
    without_metric = done_item(service, done_at, expected_metric=None)
    not_done = done_item(service, None, status=BacklogItem.Status.IN_PROGRESS)

    assert effect.item_effects([without_metric, not_done]) == {}


def test_a_recent_item_measures_so_far_and_a_new_one_not_yet(service):
    today = timezone.localdate()
    recent = effect.item_effect(done_item(service, today - timedelta(days=21)))
    new = effect.item_effect(done_item(service, today))

    assert recent.started and not recent.complete
    assert not new.started
    assert "has not begun" in new.sentence


# Pages


def test_the_effect_page_shows_the_verdict_the_figures_and_both_charts(client_as, service, done_at):
    answered_around(service, done_at, LOW, HIGH)
    item = done_item(service, done_at)

    response = client_as("viewer").get(reverse("effects:item_effect", args=[service.pk, item.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Customer satisfaction (CSAT) rose from 50% to 80% (+30, significant)." in body
    assert "Two-proportion z-test" in body
    assert 'class="chart__marker"' in body
    assert "Done: Uusi hakemuslomake" in body
    assert "Mark effect verified" not in body  # a viewer cannot verify


def test_the_effects_list_reads_in_a_fixed_number_of_queries(
    client_as, service, done_at, django_assert_max_num_queries
):
    answered_around(service, done_at, LOW, HIGH)
    for number in range(5):
        done_item(service, done_at - timedelta(days=number * 7), title=f"Muutos {number}")
    client = client_as("product_owner")

    with django_assert_max_num_queries(12):
        response = client.get(reverse("effects:effect_list", args=[service.pk]))

    assert response.status_code == 200
    assert response.content.decode().count("Mark effect verified") == 5


def test_the_product_owner_marks_the_effect_verified_and_can_undo(client_as, service, done_at):
    item = done_item(service, done_at)
    url = reverse("effects:item_verify", args=[service.pk, item.pk])
    client = client_as("product_owner")

    response = client.post(url)

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == BacklogItem.Status.VERIFIED
    assert item.done_at == done_at
    assert item.changes.filter(field="status", new="verified").exists()

    client.post(url, {"undo": "1"})
    item.refresh_from_db()
    assert item.status == BacklogItem.Status.DONE and item.done_at == done_at


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_the_product_owner_verifies(client_as, service, done_at, role, status):
    item = done_item(service, done_at)

    response = client_as(role).post(reverse("effects:item_verify", args=[service.pk, item.pk]))

    assert response.status_code == status
    item.refresh_from_db()
    assert item.status == BacklogItem.Status.DONE


def test_verify_needs_post(client_as, service, done_at):
    item = done_item(service, done_at)

    assert client_as("product_owner").get(reverse("effects:item_verify", args=[service.pk, item.pk])).status_code == 405


def test_an_item_of_another_service_has_no_effect_page(client_as, service, outsider, done_at):
    other = outsider.memberships.get().service
    item = done_item(other, done_at)

    response = client_as("product_owner").get(reverse("effects:item_effect", args=[service.pk, item.pk]))

    assert response.status_code == 404


def test_the_service_dashboard_marks_done_items_on_the_trend(client_as, service):
    today = timezone.localdate()
    survey = csat_survey(service)
    for weeks in range(0, 20, 2):
        answer(survey, today - timedelta(weeks=weeks), HIGH)
    done_item(service, today - timedelta(days=40), title="Chatbot verkkoon")
    done_item(service, today - timedelta(days=800), title="Liian vanha")

    response = client_as("viewer").get(reverse("dashboards:service_dashboard", args=[service.pk]))

    body = response.content.decode()
    assert 'class="chart__marker"' in body
    assert "Done: Chatbot verkkoon" in body
    assert "Liian vanha" not in body


def test_timeline_marks_fall_between_the_points_of_their_bucket(service):
    from kuulo.lib.periods import Period

    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    starts = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    done_item(service, date(2026, 2, 15), title="Puolivälissä")

    [(position, text)] = effect.timeline_marks(service, starts, period)

    assert position == pytest.approx(1 + 14 / 28)
    assert text.startswith("Done: Puolivälissä")
