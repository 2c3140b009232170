"""Sparring partners and role guides, as staff use them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.notifications.models import Notification
from kuulo.playbook.models import HelpRequest, SparringPartner
from tests.playbook.pages import SLUG

pytestmark = pytest.mark.django_db


def test_staff_volunteer_and_the_card_shows_them(client_as, team_member):
    client = client_as("team_member")
    response = client.post(reverse("playbook:volunteer", args=[SLUG]), {"note": "Olen piirtänyt kolme polkua."})
    assert response.status_code == 302
    page = client_as("viewer").get(reverse("playbook:method_detail", args=[SLUG])).content.decode()
    assert str(team_member) in page and "Olen piirtänyt kolme polkua." in page
    client_as("team_member").post(reverse("playbook:withdraw", args=[SLUG]))
    assert not SparringPartner.objects.filter(user=team_member).exists()


def test_a_request_for_help_notifies_the_partner_who_answers_and_the_requester_hears(client_as, team_member, viewer):
    SparringPartner.objects.create(method_id=_method_id(), user=team_member)
    response = client_as("viewer").post(
        reverse("playbook:request_help", args=[SLUG]), {"partner": team_member.pk, "message": "Miten aloitan?"}
    )
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    assert help_request.status == HelpRequest.Status.OPEN
    notice = Notification.objects.get(recipient=team_member, kind="help_requested")
    assert "Miten aloitan?" in client_as("team_member").get(notice.url).content.decode()

    client_as("team_member").post(reverse("playbook:help_request_close", args=[help_request.pk]), {"status": "helped"})
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.HELPED and help_request.closed_at
    assert Notification.objects.filter(recipient=viewer, kind="help_answered").exists()


def test_help_can_be_asked_only_of_the_cards_partners(client_as, product_owner):
    response = client_as("viewer").post(
        reverse("playbook:request_help", args=[SLUG]), {"partner": product_owner.pk, "message": "Apua"}
    )
    assert response.status_code == 422
    assert not HelpRequest.objects.exists()


def test_only_the_partner_answers_a_request_and_only_once(client_as, team_member, viewer):
    method_id = _method_id()
    help_request = HelpRequest.objects.create(method_id=method_id, requester=viewer, partner=team_member, message="?")
    url = reverse("playbook:help_request_close", args=[help_request.pk])
    assert client_as("viewer").post(url, {"status": "helped"}).status_code == 404
    client_as("team_member").post(url, {"status": "nonsense"})
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.OPEN
    client_as("team_member").post(url, {"status": "declined"})
    client_as("team_member").post(url, {"status": "helped"})
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.DECLINED


def test_a_role_guide_reads_in_swedish_with_the_readers_own_open_work(client_as, service, team_member):
    BacklogItem.objects.create(service=service, title="Selkeämpi lomake", assignee=team_member)
    BacklogItem.objects.create(
        service=service, title="Valmis jo", assignee=team_member, status=BacklogItem.Status.DONE,
        done_at=timezone.now() - datetime.timedelta(days=1),
    )  # fmt: skip
    page = client_as("team_member").get(
        reverse("playbook:role_guide", args=["team_member"]), headers={"accept-language": "sv"}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Guide för medlemmar i utvecklingsteamet" in text
    assert "Selkeämpi lomake" in text and "Valmis jo" not in text
    assert "Kommentera" not in text  # no English or Finnish headings leak in
    assert "Kort för den här rollen" in text


def test_an_unknown_role_guide_does_not_exist(client_as):
    assert client_as("viewer").get(reverse("playbook:role_guide", args=["janitor"])).status_code == 404


def _method_id() -> int:
    from kuulo.playbook.models import Method

    return Method.objects.get(slug=SLUG).pk
