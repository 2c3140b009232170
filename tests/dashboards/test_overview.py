import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.feedback.actions import record_response
from kuulo.feedback.submissions import clean_submission
from kuulo.metrics.models import Metric, Target
from kuulo.organisation.models import Role
from tests.factories import MembershipFactory, published_survey

URL = reverse("dashboards:overview")


def answer(version, point, csat: int, *, channel="web", days_ago: int = 1, language="fi") -> None:
    submission = clean_submission(
        version,
        {"idempotency_key": str(uuid.uuid4()), "language": language, "channel": channel, "answers": {"csat": csat}},
    )
    submission.responded_at = timezone.now() - timedelta(days=days_ago)
    record_response(point, version, submission)


@pytest.fixture
def surveyed(service):
    version, point = published_survey(service=service, codes=("csat",), open_question=False)
    return version, point


def cell_text(response) -> str:
    return response.content.decode()


def test_overview_shows_the_score_with_n_and_interval(client_as, surveyed):
    version, point = surveyed
    for value in [5] * 8 + [4] * 4 + [2] * 8:  # 12 of 20 satisfied: 60 %
        answer(version, point, value)
    content = client_as("viewer").get(URL).content.decode()
    assert "60%" in content
    assert "n = 20" in content


def test_scores_below_the_minimum_n_are_not_shown(client_as, surveyed):
    version, point = surveyed
    for value in [5] * 9:
        answer(version, point, value)
    content = client_as("viewer").get(URL).content.decode()
    assert "100%" not in content
    assert "9 answers, too few to show" in content


def test_outsider_does_not_see_the_service(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value)
    content = client_as("outsider").get(URL).content.decode()
    assert service.name_en not in content


@pytest.mark.parametrize(
    ("level", "status"),
    [(50, "Target met"), (75, "Below target, within the margin"), (95, "Below target")],
)
def test_target_status_compares_the_interval_with_the_target(client_as, surveyed, level, status):
    version, point = surveyed
    for value in [5] * 14 + [1] * 6:  # 70 %, 95 % interval about 48–85
        answer(version, point, value)
    Target.objects.create(metric=Metric.objects.get(code="csat"), level=level, valid_from=timezone.localdate())
    content = client_as("viewer").get(URL).content.decode()
    assert f'<span class="status">{status}</span>' in content


def test_service_target_overrides_the_organisation_default(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 14 + [1] * 6:
        answer(version, point, value)
    csat = Metric.objects.get(code="csat")
    Target.objects.create(metric=csat, level=95, valid_from=timezone.localdate() - timedelta(days=30))
    Target.objects.create(metric=csat, service=service, level=60, valid_from=timezone.localdate() - timedelta(days=30))
    assert "Target met" in client_as("viewer").get(URL).content.decode()


def test_change_is_against_the_previous_period(client_as, surveyed):
    version, point = surveyed
    for value in [5] * 10 + [1] * 10:  # previous 30 days: 50 %
        answer(version, point, value, days_ago=40)
    for value in [5] * 15 + [1] * 5:  # last 30 days: 75 %
        answer(version, point, value, days_ago=5)
    assert "+25.0 from the previous period" in client_as("viewer").get(URL).content.decode()


def test_channel_filter_narrows_the_answers(client_as, surveyed):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value, channel="web")
    for value in [1] * 12:
        answer(version, point, value, channel="phone")
    client = client_as("viewer")
    assert "n = 24" in client.get(URL).content.decode()
    filtered = client.get(URL, {"channel": "phone"}).content.decode()
    assert "n = 12" in filtered and "0%" in filtered


@pytest.mark.parametrize("params", [{"language": "de"}, {"period": "7"}, {"channel": "pigeon"}, {"unit": "999999"}])
def test_bad_filters_fall_back_to_the_default_with_a_notice(client_as, surveyed, params):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value)
    response = client_as("viewer").get(URL, params)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Some filters in the address were not valid" in content and "n = 12" in content


def test_csv_export_has_one_row_per_service_and_metric(client_as, surveyed, service):
    version, point = surveyed
    for value in [5] * 10 + [3] * 10:
        answer(version, point, value)
    response = client_as("viewer").get(URL, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith(f"{service.name_en},csat,50.0,20,")


def test_csv_export_leaves_hidden_scores_blank(client_as, surveyed):
    version, point = surveyed
    for value in [5] * 3:
        answer(version, point, value)
    response = client_as("viewer").get(URL, {"format": "csv"})
    row = b"".join(response.streaming_content).decode().splitlines()[1].split(",")
    assert row[2] == "" and row[3] == "3"


def test_sorting_by_a_metric_puts_the_best_first(client_as, surveyed, personas):
    version, point = surveyed
    for value in [5] * 12:
        answer(version, point, value)
    weaker_version, weaker_point = published_survey(codes=("csat",), open_question=False)
    MembershipFactory(user=personas["viewer"], service=weaker_version.survey.service, role=Role.VIEWER)
    for value in [1] * 12:
        answer(weaker_version, weaker_point, value)
    content = client_as("viewer").get(URL, {"sort": "-csat"}).content.decode()
    assert content.index(version.survey.service.name_en) < content.index(weaker_version.survey.service.name_en)
    content = client_as("viewer").get(URL, {"sort": "csat"}).content.decode()
    assert content.index(version.survey.service.name_en) > content.index(weaker_version.survey.service.name_en)


def test_htmx_gets_only_the_table(client_as, surveyed):
    response = client_as("viewer").get(URL, headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_overview_queries_do_not_grow_with_services(client_as, personas, django_assert_max_num_queries):
    for _ in range(8):
        version, point = published_survey(codes=("csat", "nps"), open_question=False)
        MembershipFactory(user=personas["viewer"], service=version.survey.service, role=Role.VIEWER)
        answer(version, point, 4)
    client = client_as("viewer")
    with django_assert_max_num_queries(12):
        client.get(URL)


@pytest.mark.parametrize(("language", "share"), [("fi", "60\u00a0%"), ("sv", "60\u00a0%"), ("en", "60%")])
def test_the_overview_writes_percentages_the_way_each_language_does(client_as, surveyed, settings, language, share):
    version, point = surveyed
    for value in [5] * 8 + [4] * 4 + [2] * 8:  # 12 of 20 satisfied: 60 %
        answer(version, point, value)
    client = client_as("viewer")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    content = client.get(URL).content.decode()

    assert f'<span class="figure">{share}</span>' in content


def test_furthest_below_target_comes_first_whatever_the_metric(client_as, personas):
    """A service 30 NPS points below its target (15 % of the NPS scale) comes after one
    20 CSAT points below (20 % of the scale), and a service without targets comes last."""
    viewer = personas["viewer"]
    services = {}
    for name, codes in (("near", ("nps",)), ("far", ("csat",)), ("untargeted", ("trust",))):
        version, point = published_survey(codes=codes, open_question=False)
        MembershipFactory(user=viewer, service=version.survey.service, role=Role.VIEWER)
        services[name] = version.survey.service
        for _ in range(20):
            data = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web"}
            data["answers"] = {codes[0]: {"nps": 10, "csat": 5, "trust": 5}[codes[0]]}
            submission = clean_submission(version, data)
            submission.responded_at = timezone.now() - timedelta(days=1)
            record_response(point, version, submission)
    valid_from = timezone.localdate() - timedelta(days=60)
    Target.objects.create(metric=Metric.objects.get(code="nps", version=1), level=130, valid_from=valid_from)
    Target.objects.create(metric=Metric.objects.get(code="csat", version=1), level=120, valid_from=valid_from)
    response = client_as("viewer").get(URL, {"sort": "below_target"})
    content = response.content.decode()
    order = [content.index(services[name].name_en) for name in ("far", "near", "untargeted")]
    assert order == sorted(order)
    assert 'aria-current="true"' in content


def test_every_shown_score_has_its_trend_as_a_sparkline(client_as, surveyed):
    version, point = surveyed
    for days_ago in range(0, 28):
        for value in (1 + days_ago % 5, 4, 5):  # 21 a week: every week is shown
            answer(version, point, value, days_ago=days_ago)
    content = client_as("viewer").get(URL).content.decode()
    assert content.count('class="sparkline sparkline--cell"') == 1
