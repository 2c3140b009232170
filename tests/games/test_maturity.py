"""The maturity self-assessment: answering, the small-group rule, the heat map, observed levels, suggestions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.board.models import Retro
from kuulo.games.actions import record_assessment
from kuulo.games.models import Assessment, Suggestion
from kuulo.games.observed import observe
from kuulo.games.results import MIN_RESPONDENTS, period_of, unit_rounds
from kuulo.organisation.models import Role
from tests.factories import MembershipFactory, UserFactory
from tests.games.pages import SHIPPED, shipped_model


def answer_all(model, user, unit, level: int):
    return record_assessment(model, user, unit, dict.fromkeys(model.dimensions.all(), level))


def crowd(service, count: int, level: int = 3) -> list:
    model = shipped_model()
    users = []
    for _ in range(count):
        user = MembershipFactory(service=service, role=Role.VIEWER).user
        answer_all(model, user, service.unit, level)
        users.append(user)
    return users


def test_the_shipped_model_has_five_dimensions_five_levels_and_texts_in_three_languages(db):
    model = shipped_model()
    assert model.levels.count() == 5
    assert model.dimensions.count() == 5
    for dimension in model.dimensions.all():
        assert sorted(dimension.descriptors.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
        for descriptor in dimension.descriptors.all():
            assert descriptor.text_fi and descriptor.text_sv and descriptor.text_en
        assert dimension.suggestions.filter(kind=Suggestion.Kind.READ).exists()
        assert dimension.suggestions.filter(kind=Suggestion.Kind.ACT).exists()


def test_a_viewer_answers_for_the_unit_of_their_service(client_as, service):
    model = shipped_model()
    data = {"unit": service.unit_id} | {f"dimension_{d.pk}": 2 for d in model.dimensions.all()}
    response = client_as("viewer").post(reverse("games:assess", args=[SHIPPED]), data)
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.unit == service.unit
    assert assessment.period == period_of(timezone.now())
    assert set(assessment.answers.values_list("level", flat=True)) == {2}


def test_answering_again_in_the_same_quarter_replaces_the_answer(client_as, service):
    model = shipped_model()
    url = reverse("games:assess", args=[SHIPPED])
    for level in (2, 4):
        data = {"unit": service.unit_id} | {f"dimension_{d.pk}": level for d in model.dimensions.all()}
        client_as("viewer").post(url, data)
    assert Assessment.objects.count() == 1
    assert set(Assessment.objects.get().answers.values_list("level", flat=True)) == {4}


@pytest.mark.parametrize("bad", ["0", "6", "x", ""])
def test_a_level_outside_one_to_five_is_refused_and_nothing_is_stored(client_as, service, bad):
    model = shipped_model()
    data = {"unit": service.unit_id} | {f"dimension_{d.pk}": 3 for d in model.dimensions.all()}
    data[f"dimension_{model.dimensions.first().pk}"] = bad
    response = client_as("viewer").post(reverse("games:assess", args=[SHIPPED]), data)
    assert response.status_code == 422
    assert not Assessment.objects.exists()


def test_no_one_answers_for_a_unit_they_do_not_belong_to(client_as, service, outsider):
    model = shipped_model()
    data = {"unit": service.unit_id} | {f"dimension_{d.pk}": 3 for d in model.dimensions.all()}
    response = client_as("outsider").post(reverse("games:assess", args=[SHIPPED]), data)
    assert response.status_code == 422
    assert not Assessment.objects.exists()


def test_a_round_with_fewer_than_five_respondents_is_not_shown_at_all(client_as, service):
    crowd(service, MIN_RESPONDENTS - 1, level=4)
    response = client_as("viewer").get(reverse("games:unit_results", args=[SHIPPED, service.unit_id]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "too few answers" in page
    assert "4,0" not in page and "4.0" not in page
    assert f"fewer than {MIN_RESPONDENTS}" in page
    assert "maturity-trend" not in page
    (round_,) = unit_rounds(shipped_model(), service.unit)
    assert round_.hidden and all(mean.value is None for mean in round_.dimensions.values())


def test_a_round_with_five_respondents_shows_the_unit_average_and_never_a_person(client_as, service):
    users = crowd(service, MIN_RESPONDENTS, level=4)
    response = client_as("viewer").get(reverse("games:unit_results", args=[SHIPPED, service.unit_id]))
    page = response.content.decode()
    assert "4.0" in page
    assert "heat--4" in page
    assert "maturity-trend" in page  # the trend chart with its text and table
    for user in users:
        assert user.username not in page


def test_the_weakest_dimension_suggests_cards_and_actions(client_as, service):
    model = shipped_model()
    weakest = model.dimensions.get(code="leadership")
    for _ in range(MIN_RESPONDENTS):
        user = MembershipFactory(service=service, role=Role.VIEWER).user
        levels = {d: (1 if d == weakest else 4) for d in model.dimensions.all()}
        record_assessment(model, user, service.unit, levels)
    page = client_as("viewer").get(reverse("games:unit_results", args=[SHIPPED, service.unit_id])).content.decode()
    assert f"Next steps: {weakest.name_en}" in page
    assert "Backlog prioritisation" in page  # the card's stored title, no playbook on this branch
    assert "Add to the backlog" not in page  # a viewer owns no service


def test_a_product_owner_turns_a_suggested_action_into_a_backlog_item(client_as, service):
    suggestion = Suggestion.objects.filter(dimension__model__slug=SHIPPED, kind=Suggestion.Kind.ACT).first()
    url = reverse("games:suggestion_to_backlog", args=[SHIPPED, service.unit_id, suggestion.pk])
    response = client_as("product_owner").post(url, {"service": service.pk})
    assert response.status_code == 302
    item = BacklogItem.objects.get(service=service)
    assert item.title == suggestion.title_en
    assert item.status == BacklogItem.Status.IDEA


def test_a_product_owner_cannot_put_the_action_on_a_service_of_another_unit(client_as, service, outsider):
    suggestion = Suggestion.objects.filter(dimension__model__slug=SHIPPED, kind=Suggestion.Kind.ACT).first()
    url = reverse("games:suggestion_to_backlog", args=[SHIPPED, service.unit_id, suggestion.pk])
    other = outsider.memberships.get().service
    client_as("product_owner").post(url, {"service": other.pk})
    assert not BacklogItem.objects.exists()


def test_an_outsider_does_not_see_the_results_of_another_unit(client_as, service):
    crowd(service, MIN_RESPONDENTS)
    response = client_as("outsider").get(reverse("games:unit_results", args=[SHIPPED, service.unit_id]))
    assert response.status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, service):
    response = client.get(reverse("games:unit_results", args=[SHIPPED, service.unit_id]))
    assert response.status_code == 302


def test_the_observed_level_follows_what_the_unit_does(service):
    codes = ["insight", "metrics", "co_development", "leadership", "ways_of_working"]
    empty = observe(service.unit, codes)
    assert all(observation.level is None for observation in empty.values())
    owner = UserFactory()
    today = timezone.localdate()
    for index in range(4):
        BacklogItem.objects.create(
            service=service,
            title=f"Item {index}",
            status=BacklogItem.Status.VERIFIED if index < 3 else BacklogItem.Status.DONE,
            done_at=today,
            published=index == 0,
            created_by=owner,
        )
    retro = Retro.objects.create(service=service, held_on=today, created_by=owner)
    BacklogItem.objects.filter(title="Item 0").update(retro=retro)
    seen = observe(service.unit, codes)
    assert seen["insight"].level == 1  # no evidence on any of the four
    assert seen["metrics"].level == 4  # 3 of 4 verified: 75 %
    assert seen["co_development"].level == 2  # one "we did", no journey maps
    assert seen["ways_of_working"].level == 4  # a retro, its one action done
    assert seen["leadership"].level is None  # no plans
    assert "3 of 4" in seen["metrics"].facts


def test_a_unit_that_believes_more_than_it_practises_is_told_so(client_as, service):
    crowd(service, MIN_RESPONDENTS, level=4)
    owner = UserFactory()
    for index in range(4):  # four new items, none with evidence: observed customer insight is 1
        BacklogItem.objects.create(service=service, title=f"Item {index}", created_by=owner)
    page = client_as("viewer").get(reverse("games:unit_results", args=[SHIPPED, service.unit_id])).content.decode()
    assert page.count("(believed higher than practised)") == 1
