"""The celebrations feed, its reactions, and the weekly digest e-mail."""

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from kuulo.backlog import actions as backlog_actions
from kuulo.backlog.models import BacklogItem
from kuulo.games.digest import send_digests
from kuulo.games.models import Preference, Reaction
from kuulo.journeys.models import JourneyMap
from tests.comments.pages import make_comment


def verified_item(service, user, title="Shorter form") -> BacklogItem:
    item = backlog_actions.create_item(service, user, title=title)
    backlog_actions.change_status(item, user, BacklogItem.Status.VERIFIED)
    return item


def test_a_verified_effect_a_we_did_praise_and_a_badge_appear_in_the_feed(client_as, service, product_owner):
    verified_item(service, product_owner)
    item = backlog_actions.create_item(service, product_owner, title="Clearer letter")
    backlog_actions.update_item(item, product_owner, we_did_en="We rewrote the letter.", published=True)
    make_comment(service, "Wonderful service, thank you!", sentiment="positive", score=100, language="en")
    page = client_as("viewer").get(reverse("games:celebrations")).content.decode()
    assert "Effect verified: Shorter form" in page
    assert "Customers were told: Clearer letter" in page
    assert "We rewrote the letter." in page
    assert "Wonderful service, thank you!" in page
    assert "earned the badge Effect verified" in page


def test_an_outsider_sees_no_successes_of_a_service_they_cannot_see(client_as, service, product_owner):
    verified_item(service, product_owner)
    page = client_as("outsider").get(reverse("games:celebrations")).content.decode()
    assert "Effect verified: Shorter form" not in page


def test_a_person_reacts_once_per_kind_and_can_take_it_back(client_as, service, product_owner, viewer):
    item = verified_item(service, product_owner)
    client = client_as("viewer")
    url = reverse("games:react", args=["effect", item.pk])
    response = client.post(url, {"reaction": "applause"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.content.decode()
    client.post(url, {"reaction": "heart"})
    assert Reaction.objects.filter(user=viewer).count() == 2
    client.post(url, {"reaction": "applause"})
    assert list(Reaction.objects.filter(user=viewer).values_list("kind", flat=True)) == ["heart"]


def test_the_database_refuses_a_second_reaction_of_the_same_kind(service, viewer):
    Reaction.objects.create(user=viewer, entry_kind="effect", entry_id=1, kind="applause")
    with pytest.raises(IntegrityError):
        Reaction.objects.create(user=viewer, entry_kind="effect", entry_id=1, kind="applause")


@pytest.mark.parametrize(("kind", "reaction"), [("effect", "boo"), ("effect", "")])
def test_an_unknown_reaction_is_refused(client_as, service, product_owner, kind, reaction):
    item = verified_item(service, product_owner)
    response = client_as("viewer").post(reverse("games:react", args=[kind, item.pk]), {"reaction": reaction})
    assert response.status_code == 400
    assert not Reaction.objects.exists()


def test_no_one_reacts_to_an_entry_they_cannot_see(client_as, service, product_owner):
    item = verified_item(service, product_owner)
    response = client_as("outsider").post(reverse("games:react", args=["effect", item.pk]), {"reaction": "heart"})
    assert response.status_code == 404
    response = client_as("viewer").post(reverse("games:react", args=["nothing", item.pk]), {"reaction": "heart"})
    assert response.status_code == 404
    assert not Reaction.objects.exists()


def test_the_weekly_digest_goes_only_to_those_who_asked(service, product_owner, viewer, team_member):
    verified_item(service, product_owner)
    viewer.email, team_member.email = "viewer@example.org", "team@example.org"
    viewer.language = "en"
    viewer.save(update_fields=["email", "language"])
    team_member.save(update_fields=["email"])
    Preference.objects.create(user=viewer, weekly_digest=True)
    send_digests()
    assert [message.to for message in mail.outbox] == [["viewer@example.org"]]
    assert "Effect verified: Shorter form" in mail.outbox[0].body
    assert "/successes/" in mail.outbox[0].body
    send_digests()  # the periodic job runs again the same week
    assert len(mail.outbox) == 1


def test_no_digest_is_sent_when_nothing_happened(service, viewer):
    viewer.email = "viewer@example.org"
    viewer.save(update_fields=["email"])
    Preference.objects.create(user=viewer, weekly_digest=True)
    send_digests()
    assert mail.outbox == []


def test_a_journey_badge_shows_with_a_link_to_the_persons_badges(client_as, service, team_member):
    JourneyMap.objects.create(service=service, title="Moving house", owner=team_member)
    page = client_as("viewer").get(reverse("games:celebrations")).content.decode()
    assert reverse("games:profile", args=[team_member.pk]) in page
