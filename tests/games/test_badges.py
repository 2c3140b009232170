"""Badges come from real events only; the leaderboard counts only those who opted in."""

import pytest
from django.urls import reverse

from kuulo.backlog import actions as backlog_actions
from kuulo.backlog.models import BacklogItem
from kuulo.games.badges import RULES, BadgeRule, award, register_badge
from kuulo.games.models import Badge, Preference, Quiz
from kuulo.games.quiz_actions import answer_question, start_attempt
from kuulo.insights.models import Insight
from kuulo.journeys.models import JourneyMap
from kuulo.traceability.actions import link
from tests.comments.pages import make_comment


def codes(user) -> set[str]:
    return set(Badge.objects.filter(user=user).values_list("code", flat=True))


def test_an_insight_earns_its_badge_only_when_evidence_is_linked(service, product_owner):
    insight = Insight.objects.create(service=service, statement="Forms are too long.", created_by=product_owner)
    assert codes(product_owner) == set()
    link(make_comment(service, "The form asks the same thing twice."), insight, product_owner)
    assert codes(product_owner) == {"first-insight-with-evidence"}
    assert Badge.objects.get().unit == service.unit


def test_verifying_an_effect_earns_the_badge_for_the_person_who_verified_it(service, product_owner, team_member):
    item = backlog_actions.create_item(service, team_member, title="Shorter form")
    backlog_actions.change_status(item, team_member, BacklogItem.Status.DONE)
    assert codes(product_owner) == set()
    backlog_actions.change_status(item, product_owner, BacklogItem.Status.VERIFIED)
    assert codes(product_owner) == {"first-effect-verified"}
    assert codes(team_member) == set()


def test_publishing_a_we_did_entry_earns_the_badge(service, product_owner):
    item = backlog_actions.create_item(service, product_owner, title="Shorter form")
    backlog_actions.update_item(item, product_owner, we_did_en="We cut the form in half.")
    assert codes(product_owner) == set()
    backlog_actions.update_item(item, product_owner, published=True)
    assert codes(product_owner) == {"first-we-did"}


def test_mapping_a_journey_earns_the_badge_for_its_owner(service, team_member):
    JourneyMap.objects.create(service=service, title="Moving house", owner=team_member)
    JourneyMap.objects.create(service=service, title="Moving again", owner=team_member)
    assert list(Badge.objects.filter(user=team_member).values_list("code", flat=True)) == ["first-journey-mapped"]


def test_passing_a_quiz_earns_a_badge_and_failing_does_not(service, viewer):
    quiz = Quiz.objects.get(slug="the-loop")
    for right in (False, True):
        attempt = start_attempt(quiz, viewer)
        for question in quiz.questions.prefetch_related("choices"):
            chosen = [c for c in question.choices.all() if c.correct == right][:1]
            answer_question(attempt, question, chosen)
        assert codes(viewer) == ({"quiz-passed"} if right else set())
    assert Badge.objects.get(user=viewer).key == "the-loop"


def test_looking_at_pages_earns_nothing(client_as, service):
    client = client_as("team_member")
    for name, args in [("games:home", []), ("games:quiz_detail", ["the-loop"]), ("games:leaderboard", [])]:
        client.get(reverse(name, args=args))
    client.post(reverse("games:quiz_start", args=["the-loop"]))
    assert not Badge.objects.exists()


def test_another_app_adds_a_badge_by_registering_a_rule(service, product_owner):
    rule = register_badge(BadgeRule("panel-study-run", "Panel study run", "Ran a study with the panel.", points=20))
    try:
        assert award(product_owner, rule.code, unit=service.unit, source="study:1").points == 20
        assert award(product_owner, rule.code) is None  # once
    finally:
        RULES.pop(rule.code)


def test_an_unregistered_badge_cannot_be_awarded(product_owner):
    with pytest.raises(KeyError):
        award(product_owner, "clicked-a-lot")


def test_the_profile_shows_a_persons_badges(client_as, service, team_member):
    JourneyMap.objects.create(service=service, title="Moving house", owner=team_member)
    page = client_as("viewer").get(reverse("games:profile", args=[team_member.pk])).content.decode()
    assert "Journey mapped" in page
    assert "Save choices" not in page  # only the person changes their own choices


def test_the_leaderboard_counts_only_people_who_opted_in(client_as, service, team_member, product_owner):
    JourneyMap.objects.create(service=service, title="Moving house", owner=team_member)
    JourneyMap.objects.create(service=service, title="Applying", owner=product_owner)
    client = client_as("team_member")
    page = client.get(reverse("games:leaderboard")).content.decode()
    assert service.unit.name_en not in page
    client.post(reverse("games:preferences"), {"team_leaderboard": "on"})
    assert Preference.objects.get(user=team_member).team_leaderboard
    page = client.get(reverse("games:leaderboard")).content.decode()
    assert service.unit.name_en in page
    assert "<td>15</td>" in page  # one person's 15 points, not both
    assert reverse("games:profile", args=[team_member.pk]) not in page  # no individual ranking unless chosen


def test_my_badges_leads_to_ones_own_profile(client_as, service, viewer):
    response = client_as("viewer").get(reverse("games:my_profile"))
    assert response["Location"] == reverse("games:profile", args=[viewer.pk])
