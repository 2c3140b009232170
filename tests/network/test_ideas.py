"""The staff idea board as staff, product owners and guests see it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from kuulo.backlog import actions as backlog_actions
from kuulo.backlog.models import BacklogItem
from kuulo.network import actions
from kuulo.network.models import Follow, Guest, Idea, StatusChange, Vote
from kuulo.notifications.models import Notification
from kuulo.traceability.models import Link
from tests.factories import UserFactory
from tests.network.data import idea_for

pytestmark = pytest.mark.django_db


def test_a_staff_member_posts_an_idea_with_a_service_and_an_attachment(client, service, outsider):
    client.force_login(outsider)
    upload = SimpleUploadedFile("luonnos.txt", b"sketch", content_type="text/plain")
    data = {
        "title": "Chat-palvelu",
        "description": "Vastaukset nopeammin.",
        "services": [service.pk],
        "attachments": upload,
    }
    response = client.post(reverse("network:idea_create"), data)
    idea = Idea.objects.get()
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert list(idea.services.all()) == [service]
    assert idea.author == outsider and idea.votes.count() == 1 and idea.follows.count() == 1
    download = client.get(reverse("network:attachment_download", args=[idea.pk, idea.attachments.get().pk]))
    assert download.status_code == 200 and b"".join(download) == b"sketch"
    assert "attachment" in download["Content-Disposition"]


def test_an_idea_without_a_title_is_refused_and_nothing_is_stored(client, outsider):
    client.force_login(outsider)
    response = client.post(reverse("network:idea_create"), {"title": "", "description": "x"})
    assert response.status_code == 422
    assert not Idea.objects.exists()


def test_a_vote_is_one_per_person_and_can_be_removed(client, service, team_member):
    idea = idea_for(service)
    client.force_login(team_member)
    url = reverse("network:idea_vote", args=[idea.pk])
    client.post(url)
    client.post(url)
    assert idea.votes.filter(voter=team_member).count() == 1
    client.post(url, {"vote": "remove"})
    assert not idea.votes.filter(voter=team_member).exists()


def test_the_database_refuses_a_second_vote_by_the_same_person(service):
    idea = idea_for(service)
    with pytest.raises(IntegrityError):
        Vote.objects.create(idea=idea, voter=idea.author)


@pytest.mark.parametrize("status", [Idea.Status.DONE, Idea.Status.DECLINED])
def test_votes_freeze_once_the_idea_is_decided(client, service, team_member, status):
    idea = idea_for(service, status=status)
    client.force_login(team_member)
    response = client.post(reverse("network:idea_vote", args=[idea.pk]))
    assert response.status_code == 409
    assert idea.votes.count() == 1
    response = client.post(reverse("network:idea_vote", args=[idea.pk]), {"vote": "remove"})
    client.force_login(idea.author)
    assert client.post(reverse("network:idea_vote", args=[idea.pk]), {"vote": "remove"}).status_code == 409
    assert idea.votes.count() == 1


def test_a_status_change_needs_a_response_and_followers_are_notified_in_their_language(
    client, service, product_owner, team_member
):
    idea = idea_for(service)
    team_member.language = "fi"
    team_member.save()
    actions.follow(idea, team_member)
    client.force_login(product_owner)
    url = reverse("network:idea_status", args=[idea.pk])
    assert client.post(url, {"status": "planned", "response": ""}).status_code == 422
    assert client.post(url, {"status": "planned", "response": "Otamme tämän syksyn suunnitelmaan."}).status_code == 302
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PLANNED
    assert StatusChange.objects.get(idea=idea).response == "Otamme tämän syksyn suunnitelmaan."
    notice = Notification.objects.get(recipient=team_member, kind="idea_status")
    assert notice.params["status"] == "Suunnitteilla"
    assert notice.url == idea.get_absolute_url()
    assert Notification.objects.filter(recipient=idea.author, kind="idea_status").exists()
    assert not Notification.objects.filter(recipient=product_owner).exists()


def test_a_team_member_may_not_change_the_status(client, service, team_member):
    idea = idea_for(service)
    client.force_login(team_member)
    response = client.post(reverse("network:idea_status", args=[idea.pk]), {"status": "declined", "response": "Ei."})
    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.status == Idea.Status.OPEN


def test_a_duplicate_merges_its_votes_and_followers_into_the_original(client, service, product_owner):
    original = idea_for(service, title="Alkuperäinen")
    duplicate = idea_for(service, title="Sama uudelleen")
    both, only_duplicate = UserFactory(), UserFactory()
    for user in (both, only_duplicate):
        actions.vote(duplicate, user)
        actions.follow(duplicate, user)
    actions.vote(original, both)
    client.force_login(product_owner)
    url = reverse("network:idea_status", args=[duplicate.pk])
    refused = client.post(url, {"status": "duplicate", "response": "Sama idea.", "duplicate_of": duplicate.pk})
    assert refused.status_code == 422
    client.post(
        url, {"status": "duplicate", "response": "Sama idea kuin numero alkuperäinen.", "duplicate_of": original.pk}
    )
    duplicate.refresh_from_db()
    assert duplicate.status == Idea.Status.DUPLICATE and duplicate.duplicate_of == original
    voters = set(original.votes.values_list("voter", flat=True))
    assert voters == {original.author_id, duplicate.author_id, both.pk, only_duplicate.pk}
    assert Follow.objects.filter(idea=original, follower=only_duplicate).exists()


def test_a_product_owner_promotes_an_idea_to_a_backlog_item_linked_both_ways(client, service, product_owner):
    idea = idea_for(service)
    client.force_login(product_owner)
    response = client.post(
        reverse("network:idea_promote", args=[idea.pk]),
        {"service": service.pk, "title": "Esitäytetty lomake", "response": "Tämä tehdään."},
    )
    assert response.status_code == 302
    item = BacklogItem.objects.get(service=service)
    assert Link.objects.filter(source_kind="idea", source_id=idea.pk, target_kind="item", target_id=item.pk).exists()
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PLANNED and idea.service == service
    page = client.get(idea.get_absolute_url())
    assert "Esitäytetty lomake" in page.content.decode()

    backlog_actions.change_status(item, product_owner, BacklogItem.Status.DONE)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.DONE
    assert "The backlog item made from this idea was done." in client.get(idea.get_absolute_url()).content.decode()


def test_a_product_owner_cannot_promote_to_a_service_they_do_not_own(client, service, outsider):
    idea = idea_for(service)
    client.force_login(outsider)
    response = client.post(
        reverse("network:idea_promote", args=[idea.pk]), {"service": service.pk, "title": "X", "response": "Y"}
    )
    assert response.status_code == 422
    assert not BacklogItem.objects.exists()


def test_a_guest_gets_404_on_the_idea_board_and_on_service_pages(client, service):
    idea = idea_for(service)
    guest = UserFactory()
    Guest.objects.create(user=guest, organisation="Kumppani Oy")
    client.force_login(guest)
    for url in (
        reverse("network:idea_list"),
        reverse("network:idea_create"),
        idea.get_absolute_url(),
        reverse("organisation:service_detail", args=[service.pk]),
        reverse("backlog:item_list", args=[service.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("network:idea_vote", args=[idea.pk])).status_code == 404


def test_the_list_sorts_by_votes_newest_and_status_and_filters(client, service, team_member):
    popular = idea_for(service, title="Suosittu")
    for _n in range(3):
        actions.vote(popular, UserFactory())
    newest = idea_for(service, title="Uusin", status=Idea.Status.PLANNED)
    client.force_login(team_member)
    url = reverse("network:idea_list")
    assert [i.pk for i in client.get(url).context["page"].object_list] == [popular.pk, newest.pk]
    assert [i.pk for i in client.get(url, {"sort": "newest"}).context["page"].object_list] == [newest.pk, popular.pk]
    assert [i.pk for i in client.get(url, {"status": "planned"}).context["page"].object_list] == [newest.pk]
    assert [i.pk for i in client.get(url, {"q": "suosi"}).context["page"].object_list] == [popular.pk]


def test_the_list_costs_the_same_queries_for_many_ideas(client, service, team_member, django_assert_max_num_queries):
    client.force_login(team_member)
    url = reverse("network:idea_list")
    idea_for(service)
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for n in range(40):
        actions.vote(idea_for(service, title=f"Idea {n}"), team_member)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"].object_list) == 25
