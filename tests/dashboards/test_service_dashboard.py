import re
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kuulo.feedback.actions import record_response
from kuulo.feedback.models import DisplayCount
from kuulo.feedback.submissions import clean_submission
from kuulo.lib.periods import bucket_label
from kuulo.lib.templatetags.figures import figure
from kuulo.metrics.models import Metric, Target
from kuulo.metrics.scoring import histogram_of
from tests.factories import published_survey


def url(service, **params) -> str:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return reverse("dashboards:service_dashboard", args=[service.pk]) + (f"?{query}" if query else "")


def answer(version, point, csat: int, *, days_ago: int = 1, **segments) -> None:
    data = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"csat": csat}}
    data.update(segments)
    submission = clean_submission(version, data)
    submission.responded_at = timezone.now() - timedelta(days=days_ago)
    record_response(point, version, submission)


@pytest.fixture
def surveyed(service):
    return published_survey(service=service, codes=("csat",), open_question=False)


def this_month_label() -> str:
    today = timezone.localdate()
    return bucket_label(today.replace(day=1), "month")


def test_the_trend_point_is_the_score_of_the_same_answers(client_as, surveyed, service):
    version, point = surveyed
    values = [5] * 7 + [4] * 3 + [1] * 5  # 10 of 15 satisfied
    for value in values:
        answer(version, point, value, days_ago=0)
    expected = Metric.objects.get(code="csat", version=1).score(histogram_of(values))
    response = client_as("viewer").get(url(service))
    trend = response.context["panels"][0].trend
    row = next(row for row in trend.rows if row["label"] == this_month_label())
    assert row["n"] == 15
    assert row["value"] == figure(expected.value, expected_metric := Metric.objects.get(code="csat", version=1))
    assert (
        row["interval"] == f"{figure(expected.ci_low, expected_metric)} – {figure(expected.ci_high, expected_metric)}"
    )


def test_a_period_with_fewer_than_ten_answers_shows_no_score(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 9:
        answer(version, point, value, days_ago=0)
    response = client_as("viewer").get(url(service))
    content = response.content.decode()
    panel = response.context["panels"][0]
    assert panel.score.suppressed
    assert panel.trend.dots == []
    assert panel.trend.line == ""
    assert all(row["hidden"] and row["value"] == "" for row in panel.trend.rows)
    assert "too few answers in every period to show a score" in content
    assert "9 answers in the period, too few to show a score." in content


def test_the_target_line_is_the_level_in_force(client_as, surveyed, service):
    version, point = surveyed
    metric = Metric.objects.get(code="csat", version=1)
    today = timezone.localdate()
    Target.objects.create(metric=metric, level=60, valid_from=today - timedelta(days=400))
    Target.objects.create(metric=metric, service=service, level=85, valid_from=today - timedelta(days=10))
    Target.objects.create(metric=metric, service=service, level=95, valid_from=today + timedelta(days=10))
    for value in [5] * 12:
        answer(version, point, value)
    response = client_as("viewer").get(url(service))
    panel = response.context["panels"][0]
    assert panel.target == 85
    assert panel.trend.target_y is not None
    assert "The target is 85%." in response.content.decode()


def test_breakdown_by_channel_scores_each_channel_and_hides_small_ones(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 10 + [1] * 2:
        answer(version, point, value, channel="web")
    for value in [5] * 3:
        answer(version, point, value, channel="phone")
    response = client_as("viewer").get(url(service))
    breakdowns = dict(response.context["panels"][0].breakdowns)
    rows = {row["label"]: row for row in breakdowns["channel"].rows}
    assert [row["n"] for row in rows.values()] == [3, 12]
    web = next(row for row in rows.values() if row["n"] == 12)
    phone = next(row for row in rows.values() if row["n"] == 3)
    assert web["text"] == "83%"
    assert phone["hidden"]
    assert "too few answers (3)" in response.content.decode()


def test_the_channel_filter_limits_every_figure(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 10:
        answer(version, point, value, channel="web")
    for value in [1] * 10:
        answer(version, point, value, channel="phone")
    response = client_as("viewer").get(url(service, channel="phone"))
    assert response.context["panels"][0].score.n == 10
    assert response.context["panels"][0].score.value == 0


def test_response_rate_compares_widget_displays_with_their_responses(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value)
    DisplayCount.objects.create(collection_point=point, day=timezone.localdate() - timedelta(days=1), count=48)
    response = client_as("viewer").get(url(service))
    assert response.context["response_rate"].percent == 25
    assert "12 responses from 48 widget displays." in response.content.decode()


def test_without_widget_displays_no_response_rate_is_shown(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value)
    response = client_as("viewer").get(url(service))
    assert response.context["response_rate"] is None
    assert "Response rate" not in response.content.decode()


def test_the_distribution_uses_the_metrics_own_scale_labels(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value)
    metric = Metric.objects.get(code="csat", version=1)
    response = client_as("viewer").get(url(service) + "?lang=en", HTTP_ACCEPT_LANGUAGE="en")
    distribution = response.context["panels"][0].distribution
    labels = metric.scale_labels(response.context["LANGUAGE_CODE"])
    assert [row["label"] for row in distribution.rows] == [f"{value} {labels[value]}" for value in metric.scale()]
    assert distribution.rows[-1]["text"] == "12 (100%)"


@pytest.mark.parametrize(
    "params",
    [{"period": "7"}, {"grain": "day"}, {"channel": "pigeon"}, {"language": "de"}, {"customer_group": "x" * 65}],
)
def test_bad_filter_values_fall_back_to_the_default_with_a_notice(client_as, surveyed, service, params):
    answer(*surveyed, 5)
    response = client_as("viewer").get(url(service, **params))
    assert response.status_code == 200
    assert "Some filters in the address were not valid" in response.content.decode()
    assert response.context["panels"]


def test_htmx_gets_only_the_dashboard_body(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value)
    response = client_as("viewer").get(url(service, grain="week"), HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert "<figure" in content
    assert "HX-Request" in response["Vary"]


def test_the_page_counts_a_bounded_number_of_queries(client_as, surveyed, service):
    version, point = surveyed
    for day in range(0, 300, 7):
        answer(version, point, 1 + day % 5, days_ago=day, customer_group=f"group{day % 3}", touchpoint="desk")
    client = client_as("viewer")
    with CaptureQueriesContext(connection) as few:
        client.get(url(service, period="730", grain="week"))
    # session, user, service, membership; trend, metrics, targets, the previous period (summary),
    # 4 breakdowns, displays; done backlog items (markers); saved views; unread notifications (the bell);
    # the organisation's term names
    assert len(few.captured_queries) <= 17, [query["sql"] for query in few.captured_queries]


def test_an_outsider_gets_404(client_as, surveyed, service):
    assert client_as("outsider").get(url(service)).status_code == 404


def test_the_service_page_links_to_the_dashboard(client_as, service):
    content = client_as("viewer").get(reverse("organisation:service_detail", args=[service.pk])).content.decode()
    assert url(service) in content


def test_by_default_the_dashboard_covers_twelve_months_by_month(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 10:
        answer(version, point, value, days_ago=200)
    response = client_as("viewer").get(url(service))
    assert response.context["panels"][0].score.n == 10
    assert len(response.context["panels"][0].trend.rows) in (12, 13)
    assert 'value="365" selected' in response.content.decode()


def test_a_dimension_with_a_single_group_is_not_broken_down(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value, channel="web", language="sv")
    response = client_as("viewer").get(url(service))
    assert response.context["panels"][0].breakdowns == []


@pytest.fixture
def two_metrics(service):
    version, point = published_survey(service=service, codes=("csat", "nps"), open_question=False)
    for n in range(30):
        data = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web"}
        data["answers"] = {"csat": 1 + n % 5, "nps": n % 11}
        submission = clean_submission(version, data)
        submission.responded_at = timezone.now() - timedelta(days=1 + (n % 2) * 400)  # this year and the one before
        record_response(point, version, submission)
    return version, point


def test_the_summary_shows_every_metric_with_its_status_in_words_and_the_change(client_as, two_metrics, service):
    csat = Metric.objects.get(code="csat", version=1)
    Target.objects.create(metric=csat, level=95, valid_from=timezone.localdate() - timedelta(days=800))
    response = client_as("viewer").get(url(service))
    content = response.content.decode()
    start = content.index('id="summary-heading"')
    summary = content[start : content.index("</ul>", start)]
    assert summary.count('class="metric-card ') == 2
    assert "Below target" in summary and "No target set" in summary
    assert "from the previous period" in summary
    assert summary.count('class="sparkline"') == 2


def test_one_metric_at_a_time_is_shown_in_detail_with_its_breakdowns_folded(client_as, two_metrics, service):
    nps = Metric.objects.get(code="nps", version=1)
    client = client_as("viewer")
    first = client.get(url(service)).content.decode()
    assert first.count('class="metric-panel"') == 1
    assert '<details class="metric-panel__more">' in first
    chosen = client.get(url(service, metric=nps.pk, period="365")).content.decode()
    assert f'<h2 id="metric-{nps.pk}">' in chosen and chosen.count('class="metric-panel"') == 1
    # the cards keep the filters when they open another metric
    cards = re.findall(r'<h3 class="metric-card__name"><a href="([^"#]+)', chosen)
    assert len(cards) == 2 and all("period=365" in card for card in cards)


def test_an_unknown_metric_falls_back_to_the_first(client_as, two_metrics, service):
    response = client_as("viewer").get(url(service, metric=999999))
    assert response.status_code == 200
    assert response.context["selected"] == response.context["panels"][0]
