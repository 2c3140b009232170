"""What makes a notification: an assignment, actions from a retrospective, an upcoming checkpoint."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kuulo.backlog import actions
from kuulo.board.retro_views import create_retro
from kuulo.notifications.models import Notification
from kuulo.plans.models import Checkpoint, Plan
from kuulo.plans.reminders import send_checkpoint_reminders


@pytest.fixture(autouse=True)
def _locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def kinds(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


@pytest.mark.django_db(transaction=True)
def test_assigning_an_item_notifies_the_assignee(service, product_owner, team_member):
    item = actions.create_item(service, product_owner, title="Chat etusivulle")
    actions.update_item(item, product_owner, assignee=team_member)
    notification = Notification.objects.get(recipient=team_member)
    assert notification.kind == "item_assigned"
    assert notification.params == {"title": "Chat etusivulle", "service": str(service)}
    assert notification.url == f"/services/{service.pk}/backlog/{item.pk}/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [team_member.email]
    # Saving again without a change, or taking an item oneself, notifies nobody.
    actions.update_item(item, product_owner, assignee=team_member, title="Chat etusivulle")
    actions.update_item(item, product_owner, assignee=None)
    actions.update_item(item, product_owner, assignee=product_owner)
    assert Notification.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_item_created_with_an_assignee_notifies_them(service, product_owner, team_member):
    actions.create_item(service, product_owner, title="Chat etusivulle", assignee=team_member)
    assert kinds(team_member) == ["item_assigned"]


@pytest.mark.django_db(transaction=True)
def test_retro_actions_notify_the_team_and_product_owners_once(service, product_owner, team_member, viewer):
    retro = create_retro(
        service,
        team_member,
        held_on=datetime.date(2026, 11, 20),
        went_well="",
        to_improve="",
        action_titles=["Jonotiedote", "Takaisinsoitto", "Selkokieli"],
    )
    assert kinds(product_owner) == ["retro_action_created"]
    assert kinds(team_member) == []  # who held the retro knows
    assert kinds(viewer) == []
    notification = Notification.objects.get(recipient=product_owner)
    assert notification.url == f"/services/{service.pk}/retros/{retro.pk}/"
    assert notification.params["date"] == "2026-11-20"


@pytest.fixture
def checkpoint(service, product_owner, team_member):
    today = timezone.localdate()
    plan = Plan.objects.create(
        service=service, title="Asumistuen suunnitelma", starts_on=today, ends_on=today + datetime.timedelta(days=90)
    )
    soon = Checkpoint.objects.create(
        plan=plan, title="Katselmointi", starts_at=timezone.now() + datetime.timedelta(days=1)
    )
    later = Checkpoint.objects.create(
        plan=plan, title="Myöhemmin", starts_at=timezone.now() + datetime.timedelta(days=5)
    )
    for each in (soon, later):
        each.attendees.set([product_owner, team_member])
    return soon


@pytest.mark.django_db
def test_reminders_go_to_attendees_once_per_checkpoint(
    checkpoint, product_owner, team_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_checkpoint_reminders() == 2
    assert kinds(product_owner) == ["checkpoint_upcoming"] and kinds(team_member) == ["checkpoint_upcoming"]
    assert Notification.objects.get(recipient=product_owner).params["title"] == "Katselmointi"
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert send_checkpoint_reminders() == 0
        call_command("send_reminders")
    assert Notification.objects.count() == 2
    # A moved checkpoint (its sequence goes up) is reminded again.
    checkpoint.sequence += 1
    checkpoint.save()
    assert send_checkpoint_reminders() == 2
