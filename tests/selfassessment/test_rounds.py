"""Assessment rounds as their people use them: assessors score alone and do not see one another
until the consensus starts; then the spread, the agreed scores, and areas for improvement that
become backlog items or plan goals; the results with their radar, trend and CSV."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from kuulo.backlog.models import BacklogItem
from kuulo.organisation.models import Role
from kuulo.plans.models import Plan
from kuulo.selfassessment.models import Consensus, Improvement, Round, Score, Subcriterion
from tests.factories import ServiceFactory, UnitFactory, UserFactory
from tests.selfassessment.data import agreed, caf, make_round, scored, unit_member


@pytest.fixture
def unit(db):
    return UnitFactory()


@pytest.fixture
def assessors(db):
    return UserFactory(username="aino"), UserFactory(username="bertil")


@pytest.fixture
def round_(unit, assessors):
    return make_round(unit, assessors)


def url(name, round_, *more):
    return reverse(f"selfassessment:{name}", args=[round_.pk, *more])


def sheet(round_, values: dict) -> dict:
    """The score sheet's POST data: the given codes scored, the rest left empty."""
    data = {}
    for sub in Subcriterion.objects.filter(criterion__framework=round_.framework):
        data[f"value_{sub.pk}"] = values.get(sub.code, "")
        data[f"evidence_{sub.pk}"] = f"Evidence {sub.code}" if sub.code in values else ""
        data[f"notes_{sub.pk}"] = ""
    return data


def test_an_assessor_scores_alone_and_sees_no_other_scores_before_the_consensus(client, round_, assessors):
    aino, bertil = assessors
    scored(round_, bertil, {"1.1": 77})
    client.force_login(aino)
    response = client.post(url("round_score", round_), sheet(round_, {"1.1": 40, "6.1": 55}))
    assert response.status_code == 302
    assert Score.objects.get(round=round_, assessor=aino, subcriterion__code="1.1").value == 40
    page = client.get(url("round_score", round_)).content.decode()
    assert "Evidence 1.1" in page and 'value="77"' not in page
    consensus = client.get(url("round_consensus", round_)).content.decode()
    assert "Seen 1.1" not in consensus and str(bertil) not in consensus
    detail = client.get(url("round_detail", round_)).content.decode()
    assert f"{bertil}: 1 of 28 scored" in detail


def test_a_score_outside_the_panel_is_refused_and_nothing_is_saved(client, round_, assessors):
    client.force_login(assessors[0])
    response = client.post(url("round_score", round_), sheet(round_, {"1.1": 40, "1.2": 101}))
    assert response.status_code == 400
    assert not Score.objects.filter(round=round_).exists()


def test_only_assessors_score(client, round_, admin_user, unit):
    for user in (admin_user, unit_member(unit)):
        client.force_login(user)
        assert client.get(url("round_score", round_)).status_code == 404


def test_the_consensus_shows_the_spread_with_who_gave_what(client, round_, assessors, admin_user):
    aino, bertil = assessors
    scored(round_, aino, {"1.1": 30, "1.2": 60})
    scored(round_, bertil, {"1.1": 70})
    client.force_login(admin_user)
    client.post(url("round_start_consensus", round_))
    round_.refresh_from_db()
    assert round_.status == Round.Status.CONSENSUS
    client.force_login(bertil)
    response = client.get(url("round_consensus", round_))
    line = next(
        line for result in response.context["results"] for line in result.lines if line.subcriterion.code == "1.1"
    )
    assert (line.low, line.high, line.mean) == (30, 70, 50)
    assert [score.assessor.username for score in line.scores] == ["aino", "bertil"]
    assert "Seen 1.1" in response.content.decode()
    # scoring has ended: the sheet sends the assessor to the consensus
    assert client.get(url("round_score", round_)).status_code == 302


def test_an_assessor_agrees_a_score_with_strengths_and_an_area_for_improvement(client, unit, assessors):
    round_ = make_round(unit, assessors, status=Round.Status.CONSENSUS)
    sub = Subcriterion.objects.get(criterion__framework=round_.framework, code="5.2")
    client.force_login(assessors[0])
    data = {f"s{sub.pk}-value": 55, f"s{sub.pk}-strengths": "Clear promise", f"s{sub.pk}-improvement": "Measure it"}
    assert client.post(url("consensus_save", round_, sub.pk), data).status_code == 302
    consensus = Consensus.objects.get(round=round_, subcriterion=sub)
    assert (consensus.value, consensus.strengths) == (55, "Clear promise")
    assert Improvement.objects.get(round=round_).text == "Measure it"
    bad = client.post(url("consensus_save", round_, sub.pk), {f"s{sub.pk}-value": 140})
    assert bad.status_code == 400
    assert Consensus.objects.get(round=round_, subcriterion=sub).value == 55


def test_agreed_scores_cannot_change_once_the_round_is_closed(client, unit, assessors):
    round_ = make_round(unit, assessors, status=Round.Status.CLOSED)
    sub = Subcriterion.objects.filter(criterion__framework=round_.framework).first()
    client.force_login(assessors[0])
    client.post(url("consensus_save", round_, sub.pk), {f"s{sub.pk}-value": 50})
    assert not Consensus.objects.exists()


def test_an_area_for_improvement_becomes_a_backlog_item_of_a_service_of_the_unit(client, unit, assessors):
    round_ = make_round(unit, assessors, status=Round.Status.CONSENSUS)
    service = ServiceFactory(unit=unit)
    other = ServiceFactory()
    sub = Subcriterion.objects.get(criterion__framework=round_.framework, code="3.2")
    improvement = Improvement.objects.create(round=round_, subcriterion=sub, text="Train the owners")
    client.force_login(assessors[0])
    client.post(url("improvement_to_backlog", round_, improvement.pk), {"service": other.pk})
    assert not BacklogItem.objects.exists()
    client.post(url("improvement_to_backlog", round_, improvement.pk), {"service": service.pk})
    improvement.refresh_from_db()
    item = improvement.backlog_item
    assert item.service == service and item.title == "Train the owners" and "3.2" in item.description
    client.post(url("improvement_to_backlog", round_, improvement.pk), {"service": service.pk})
    assert BacklogItem.objects.count() == 1
    results = client.get(url("round_results", round_)).content.decode()
    assert reverse("backlog:item_detail", args=[service.pk, item.pk]) in results


def test_an_area_for_improvement_becomes_a_goal_of_the_units_plan(client, unit, assessors):
    round_ = make_round(unit, assessors, status=Round.Status.CONSENSUS)
    plan = Plan.objects.create(
        title="Unit plan", unit=unit, starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31)
    )
    sub = Subcriterion.objects.get(criterion__framework=round_.framework, code="2.3")
    improvement = Improvement.objects.create(round=round_, subcriterion=sub, text="Follow the plan up")
    client.force_login(assessors[1])
    client.post(url("improvement_to_goal", round_, improvement.pk), {"plan": plan.pk})
    improvement.refresh_from_db()
    assert improvement.goal.plan == plan and improvement.goal.text == "Follow the plan up"


def test_unit_staff_read_the_agreed_results_but_not_the_own_scores(client, unit, assessors):
    round_ = make_round(unit, assessors, status=Round.Status.CLOSED)
    scored(round_, assessors[0], {"1.1": 33})
    agreed(round_, {"1.1": 45, "6.1": 60})
    staff = unit_member(unit)
    client.force_login(staff)
    response = client.get(url("round_results", round_))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Strong 1.1" in page and "Seen 1.1" not in page and str(assessors[0]) not in page
    assert client.get(url("round_consensus", round_)).status_code == 404
    assert client.get(url("round_edit", round_)).status_code == 404
    outsider = UserFactory()
    client.force_login(outsider)
    assert client.get(url("round_results", round_)).status_code == 404
    assert client.get(url("consensus_csv", round_)).status_code == 404


def test_the_results_draw_a_radar_and_a_trend_over_rounds_with_tables(client, unit, assessors):
    earlier = make_round(unit, assessors, status=Round.Status.CLOSED, assessed_on=datetime.date(2025, 11, 1))
    agreed(earlier, {"1.1": 30, "6.1": 20})
    latest = make_round(unit, assessors, status=Round.Status.CLOSED)
    agreed(latest, {"1.1": 50, "6.1": 60})
    client.force_login(assessors[0])
    response = client.get(url("round_results", latest))
    radar = response.context["radar"]
    assert len(radar["shapes"]) == 2
    assert radar["rows"][0]["values"][0].startswith("50")
    assert "Strongest: 6 " in radar["summary"]
    assert response.context["trend"] is not None
    page = response.content.decode()
    assert page.count('class="chart__svg') == 2 and page.count("Show the figures as a table") == 2


def test_the_csv_lists_the_agreed_scores_with_the_spread_as_figures(client, unit, assessors):
    round_ = make_round(unit, assessors, status=Round.Status.CONSENSUS)
    scored(round_, assessors[0], {"4.4": 20})
    scored(round_, assessors[1], {"4.4": 40})
    agreed(round_, {"4.4": 35})
    client.force_login(unit_member(unit, Role.PRODUCT_OWNER))
    response = client.get(url("consensus_csv", round_))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 29
    row = next(row for row in rows if row[1] == "4.4")
    assert row[3:8] == ["35", "Suunnittele (Plan)", "20", "40", "30"] or row[3] == "35"
    assert str(assessors[0]) not in "".join(",".join(row) for row in rows)


def test_the_org_admin_creates_a_round_with_assessors(client, admin_user, unit, assessors):
    client.force_login(admin_user)
    response = client.post(
        reverse("selfassessment:round_create"),
        {
            "title": "CAF 2027",
            "framework": caf().pk,
            "unit": unit.pk,
            "assessed_on": "2027-02-01",
            "assessors": [user.pk for user in assessors],
        },
    )
    round_ = Round.objects.get(title="CAF 2027")
    assert response.status_code == 302 and set(round_.assessors.all()) == set(assessors)
    client.force_login(assessors[0])
    assert client.get(reverse("selfassessment:round_create")).status_code == 404
    assert client.post(url("round_start_consensus", round_)).status_code == 404


def test_the_framework_import_page_lists_each_problem_and_stores_nothing(client, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin_user)
    upload = SimpleUploadedFile("model.csv", b"record,code\nframework,x\n", content_type="text/csv")
    response = client.post(reverse("selfassessment:framework_import"), {"file": upload})
    assert response.status_code == 400
    assert "missing: parent" in response.content.decode()
