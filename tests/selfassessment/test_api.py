"""The self-assessment API: aggregated results only, in the reach of the token or the session."""

import pytest

from kuulo.api.models import ApiToken, Scope
from kuulo.selfassessment.models import Round
from tests.factories import ServiceFactory, UnitFactory, UserFactory
from tests.selfassessment.data import agreed, make_round, scored, unit_member

BASE = "/api/v1/self-assessment/rounds"


def token(**access) -> dict:
    return {"HTTP_AUTHORIZATION": "Bearer " + ApiToken.issue("BI", scopes=[Scope.READ], **access)[1]}


@pytest.fixture
def closed_round(db):
    assessors = [UserFactory(), UserFactory()]
    round_ = make_round(UnitFactory(), assessors, status=Round.Status.CLOSED)
    scored(round_, assessors[0], {"1.1": 20, "6.1": 40})
    scored(round_, assessors[1], {"1.1": 40})
    agreed(round_, {"1.1": 30, "6.1": 50})
    return round_


def test_a_read_token_lists_rounds_with_agreed_results_per_criterion(client, closed_round):
    body = client.get(BASE, **token()).json()
    [row] = body["items"]
    assert row["framework"] == "caf-2020" and row["status"] == "closed"
    first = row["criteria"][0]
    assert (first["code"], first["panel"], first["agreed_mean"], first["share"]) == ("1", "enablers", 30.0, 0.3)


def test_the_detail_gives_the_spread_as_figures_and_never_who_gave_what(client, closed_round):
    body = client.get(f"{BASE}/{closed_round.pk}", **token()).json()
    line = next(row for row in body["subcriteria"] if row["code"] == "1.1")
    assert (line["agreed"], line["assessors_scored"], line["own_min"], line["own_max"], line["own_mean"]) == (
        30, 2, 20, 40, 30.0
    )  # fmt: skip
    assert line["band"] == "Plan"
    text = str(body)
    for assessor in closed_round.assessors.all():
        assert assessor.username not in text and str(assessor) not in text


def test_results_stay_hidden_while_the_assessors_score(client, db):
    round_ = make_round(UnitFactory(), [UserFactory()])
    body = client.get(f"{BASE}/{round_.pk}", **token()).json()
    assert body["criteria"] is None and body["subcriteria"] is None


def test_a_token_limited_to_services_reads_only_the_rounds_of_their_units(client, closed_round):
    elsewhere = ServiceFactory()
    assert client.get(BASE, **token(services=[elsewhere])).json()["items"] == []
    assert client.get(f"{BASE}/{closed_round.pk}", **token(services=[elsewhere])).status_code == 404
    here = ServiceFactory(unit=closed_round.unit)
    assert len(client.get(BASE, **token(services=[here])).json()["items"]) == 1


def test_a_session_reads_the_rounds_its_person_may_see(client, closed_round):
    client.force_login(unit_member(closed_round.unit))
    assert len(client.get(BASE).json()["items"]) == 1
    client.force_login(UserFactory())
    assert client.get(BASE).json()["items"] == []
    assert client.get(f"{BASE}/{closed_round.pk}").status_code == 404


def test_an_ingest_token_cannot_read_rounds(client, closed_round):
    headers = {"HTTP_AUTHORIZATION": "Bearer " + ApiToken.issue("CRM", scopes=[Scope.INGEST])[1]}
    assert client.get(BASE, **headers).status_code == 403
