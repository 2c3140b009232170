"""Experiments: create and edit by team members, the decision by the product
owner, and the result computed from the service's own answers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.effects import effect
from kuulo.effects.models import Experiment
from kuulo.metrics.models import Metric
from tests.backlog.effect_data import answer_daily, csat_survey

LOW = [2, 3, 4, 5, 3]  # 40 % top-2-box
HIGH = [4, 5, 4, 5, 3]  # 80 %


def csat() -> Metric:
    return Metric.objects.get(code="csat", version=1)


def experiment_of(service, days_ago: int = 40, length: int = 28, **fields) -> Experiment:
    today = timezone.localdate()
    values = {
        "title": "Takaisinsoitto neuvontaan",
        "hypothesis": "Takaisinsoitto lyhentää koettua jonotusta.",
        "change": "Asiakas voi varata takaisinsoiton.",
        "metric": csat(),
        "direction": "up",
        "minimum_change": 5,
        "starts_on": today - timedelta(days=days_ago),
        "ends_on": today - timedelta(days=days_ago - length + 1),
    }
    return Experiment.objects.create(service=service, **(values | fields))


def form_data(**changes) -> dict:
    today = timezone.localdate()
    return {
        "title": "Chatbot",
        "hypothesis": "Chatbot vastaa yleisimpiin kysymyksiin.",
        "change": "Chatbot verkkosivulle.",
        "metric": csat().pk,
        "direction": "up",
        "minimum_change": "5",
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=30)).isoformat(),
    } | changes


def test_a_lift_during_the_experiment_meets_the_success_criterion(service):
    experiment = experiment_of(service)
    survey = csat_survey(service)
    before, during = effect.experiment_periods(experiment)
    answer_daily(survey, before.start, before.days, LOW)
    answer_daily(survey, during.start, during.days, HIGH)

    result = effect.experiment_result(experiment)

    assert before.days == during.days == 28
    assert result.comparison.before.n == result.comparison.after.n == 140
    assert result.comparison.difference == pytest.approx(40)
    assert result.comparison.significant
    assert result.complete and result.success
    assert "The change was at least +5." in result.expectation


def test_a_change_smaller_than_the_minimum_is_no_success(service):
    experiment = experiment_of(service, minimum_change=50)
    survey = csat_survey(service)
    before, during = effect.experiment_periods(experiment)
    answer_daily(survey, before.start, before.days, LOW)
    answer_daily(survey, during.start, during.days, HIGH)

    result = effect.experiment_result(experiment)

    assert result.comparison.significant
    assert result.success is False
    assert "smaller than +50" in result.expectation


def test_a_running_experiment_shows_the_result_so_far(client_as, service):
    experiment = experiment_of(service, days_ago=10, length=30)
    survey = csat_survey(service)
    before, during = effect.experiment_periods(experiment)
    answer_daily(survey, before.start, before.days, LOW)
    answer_daily(survey, during.start, 10, HIGH)

    response = client_as("viewer").get(reverse("effects:experiment_detail", args=[service.pk, experiment.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert "still running" in body
    assert "rose from 40% to 80%" in body
    assert "(so far)" in body


def test_a_future_experiment_has_no_result_yet(client_as, service):
    experiment = experiment_of(service, days_ago=-5)

    response = client_as("viewer").get(reverse("effects:experiment_detail", args=[service.pk, experiment.pk]))

    assert "the result shows from then on" in response.content.decode()


def test_too_few_answers_give_no_verdict(service):
    experiment = experiment_of(service)
    survey = csat_survey(service)
    _before, during = effect.experiment_periods(experiment)
    answer_daily(survey, during.start, 2, HIGH)

    result = effect.experiment_result(experiment)

    assert result.comparison.suppressed and result.success is None


def test_a_team_member_creates_an_experiment_linked_to_items(client_as, service):
    item = BacklogItem.objects.create(service=service, title="Takaisinsoitto")
    client = client_as("team_member")

    response = client.post(reverse("effects:experiment_create", args=[service.pk]), form_data(items=[item.pk]))

    experiment = Experiment.objects.get(service=service)
    assert response.status_code == 302
    assert response["Location"] == reverse("effects:experiment_detail", args=[service.pk, experiment.pk])
    assert list(experiment.items.all()) == [item]
    assert experiment.created_by.username == "team"


def test_items_of_another_service_cannot_be_linked(client_as, service, outsider):
    foreign = BacklogItem.objects.create(service=outsider.memberships.get().service, title="Vieras")

    response = client_as("team_member").post(
        reverse("effects:experiment_create", args=[service.pk]), form_data(items=[foreign.pk])
    )

    assert response.status_code == 422
    assert not Experiment.objects.exists()


def test_the_end_must_not_be_before_the_start(client_as, service):
    today = timezone.localdate()
    data = form_data(ends_on=(today - timedelta(days=1)).isoformat())

    response = client_as("team_member").post(reverse("effects:experiment_create", args=[service.pk]), data)

    assert response.status_code == 422
    assert not Experiment.objects.exists()


def test_a_negative_minimum_change_is_refused(client_as, service):
    response = client_as("team_member").post(
        reverse("effects:experiment_create", args=[service.pk]), form_data(minimum_change="-3")
    )

    assert response.status_code == 422


def test_a_team_member_edits_an_experiment(client_as, service):
    experiment = experiment_of(service)

    client_as("team_member").post(
        reverse("effects:experiment_edit", args=[service.pk, experiment.pk]), form_data(title="Uusi nimi")
    )

    experiment.refresh_from_db()
    assert experiment.title == "Uusi nimi"


def test_the_product_owner_records_the_decision_and_learning(client_as, service):
    experiment = experiment_of(service)
    url = reverse("effects:experiment_decision", args=[service.pk, experiment.pk])

    response = client_as("product_owner").post(url, {"decision": "continue", "learning": "Jonot lyhenivät."})

    assert response.status_code == 302
    experiment.refresh_from_db()
    assert (experiment.decision, experiment.learning) == ("continue", "Jonot lyhenivät.")
    page = client_as("viewer").get(reverse("effects:experiment_detail", args=[service.pk, experiment.pk]))
    assert "Jonot lyhenivät." in page.content.decode()


def test_a_decision_is_required(client_as, service):
    experiment = experiment_of(service)

    response = client_as("product_owner").post(
        reverse("effects:experiment_decision", args=[service.pk, experiment.pk]), {"learning": "x"}
    )

    assert response.status_code == 422


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_the_product_owner_decides(client_as, service, role, status):
    experiment = experiment_of(service)

    response = client_as(role).post(
        reverse("effects:experiment_decision", args=[service.pk, experiment.pk]), {"decision": "stop"}
    )

    assert response.status_code == status
    experiment.refresh_from_db()
    assert experiment.decision == ""


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_create(client_as, service, role, status):
    response = client_as(role).post(reverse("effects:experiment_create", args=[service.pk]), form_data())

    assert response.status_code == status
    assert not Experiment.objects.exists()


def test_an_experiment_of_another_service_is_not_found(client_as, service, outsider):
    foreign = experiment_of(outsider.memberships.get().service)

    response = client_as("product_owner").get(reverse("effects:experiment_detail", args=[service.pk, foreign.pk]))

    assert response.status_code == 404


def test_the_list_shows_the_service_experiments_and_the_new_button_to_contributors(client_as, service):
    experiment_of(service)

    as_viewer = client_as("viewer").get(reverse("effects:experiment_list", args=[service.pk])).content.decode()
    as_member = client_as("team_member").get(reverse("effects:experiment_list", args=[service.pk])).content.decode()

    assert "Takaisinsoitto neuvontaan" in as_viewer
    assert "New experiment" not in as_viewer
    assert "New experiment" in as_member


def test_the_item_include_lists_the_linked_experiments(service):
    from django.template.loader import render_to_string

    item = BacklogItem.objects.create(service=service, title="Takaisinsoitto")
    experiment_of(service).items.add(item)

    html = render_to_string("effects/_item_experiments.html", {"service": service, "item": item})

    assert "Takaisinsoitto neuvontaan" in html
    assert reverse("effects:experiment_detail", args=[service.pk, item.experiments.get().pk]) in html


def test_the_list_says_which_experiments_are_planned_running_or_ended(client_as, service):
    experiment_of(service, title="Ended one")
    experiment_of(service, days_ago=5, length=30, title="Running one")
    experiment_of(service, days_ago=-10, title="Planned one")

    body = client_as("viewer").get(reverse("effects:experiment_list", args=[service.pk])).content.decode()

    assert "<td>Ended</td>" in body and "<td>Running</td>" in body and "<td>Planned</td>" in body


@pytest.mark.parametrize(
    ("role", "may_edit"), [("viewer", False), ("team_member", True), ("product_owner", True), ("admin", True)]
)
def test_the_edit_button_goes_to_every_role_from_team_member_up(client_as, service, role, may_edit):
    experiment = experiment_of(service)
    edit_url = reverse("effects:experiment_edit", args=[service.pk, experiment.pk])

    page = client_as(role).get(reverse("effects:experiment_detail", args=[service.pk, experiment.pk]))

    assert (edit_url in page.content.decode()) == may_edit
    assert client_as(role).get(edit_url).status_code == (200 if may_edit else 403)
