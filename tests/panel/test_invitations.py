import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kuulo.feedback import abuse
from kuulo.panel import tokens
from kuulo.panel.invitations import OverrideNotAllowed, invite, send_invitations
from kuulo.panel.models import ContactPolicy, Invitation, MemberEvent, PanelMember, Participation, Quota, Study
from tests.factories import AdminFactory, UserFactory
from tests.panel.factories import InvitationFactory, MemberFactory, SlotFactory, StudyFactory, organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def policy(db):
    return ContactPolicy.objects.create(organisation=organisation(), cooldown_days=60, invitations_per_90_days=2)


@pytest.fixture
def manager():
    return AdminFactory()


def in_cooldown() -> PanelMember:
    member = MemberFactory()
    Participation.objects.create(study=StudyFactory(), member=member)
    return member


def test_free_members_are_invited_by_one_task_with_an_unsubscribe_link_and_header(
    manager, django_capture_on_commit_callbacks
):
    study = StudyFactory()
    members = [MemberFactory(language=language) for language in ("fi", "sv", "en")]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        outcome = invite(study, members, manager)
    assert len(callbacks) == 1  # one background task for the whole batch
    assert len(outcome.queued) == 3
    assert len(mail.outbox) == 3
    assert set(Invitation.objects.values_list("status", flat=True)) == {Invitation.Status.SENT}
    for message in mail.outbox:
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/panel/unsubscribe/" in message.body
    swedish = next(message for message in mail.outbox if message.to == [members[1].email])
    assert "Inbjudan" in swedish.subject


@pytest.mark.parametrize("status", [PanelMember.Status.OPTED_OUT, PanelMember.Status.DO_NOT_CONTACT])
def test_opted_out_and_do_not_contact_are_not_invited_even_with_an_override(manager, status):
    member = MemberFactory(status=status)
    outcome = invite(StudyFactory(), [member], manager, override_reason="We really need them")
    assert outcome.refused and not Invitation.objects.exists()


def test_members_in_cooldown_or_over_the_limit_are_refused_without_an_override(manager):
    over_limit = MemberFactory()
    InvitationFactory(member=over_limit)
    InvitationFactory(member=over_limit)
    outcome = invite(StudyFactory(), [in_cooldown(), over_limit], manager)
    assert [refusal.code for _member, refusal in outcome.refused] == ["cooldown", "limit"]
    assert not Invitation.objects.filter(status=Invitation.Status.QUEUED).exists()


def test_a_panel_manager_overrides_the_cooldown_with_a_reason_and_it_is_logged(manager):
    member = in_cooldown()
    study = StudyFactory()
    outcome = invite(study, [member], manager, override_reason="Only user of the old service")
    assert outcome.overridden == [member]
    invitation = Invitation.objects.get(study=study)
    assert invitation.override_reason == "Only user of the old service"
    event = member.events.get(kind=MemberEvent.Kind.OVERRIDE)
    assert event.by == manager and "cooldown" in event.note


def test_only_a_panel_manager_may_override(db):
    with pytest.raises(OverrideNotAllowed):
        invite(StudyFactory(), [in_cooldown()], UserFactory(), override_reason="Please")


def test_the_sending_task_checks_the_never_overridable_rules_again(manager):
    study = StudyFactory()
    member = MemberFactory()
    Invitation.objects.create(study=study, member=member)
    PanelMember.objects.filter(pk=member.pk).update(status=PanelMember.Status.OPTED_OUT)
    assert send_invitations.call(study.pk) == 0
    assert Invitation.objects.get().status == Invitation.Status.BLOCKED and not mail.outbox


def test_the_limit_counts_the_invitations_sent(manager, django_capture_on_commit_callbacks):
    member = MemberFactory()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            invite(StudyFactory(), [member], manager)
    outcome = invite(StudyFactory(), [member], manager)
    assert outcome.refused[0][1].code == "limit"


def book_form(slot=None) -> dict:
    data = {"started": abuse.start_token(), "website": ""}
    if slot is not None:
        data["slot"] = slot.pk
    return data


@pytest.fixture
def slow_enough(settings):
    settings.KUULO_MIN_FILL_SECONDS = 0


def test_a_member_books_a_slot_and_member_and_staff_get_an_ics(client, slow_enough):
    staff = UserFactory(email="researcher@example.org")
    slot = SlotFactory(location="Room 2")
    slot.study.staff.add(staff)
    invitation = InvitationFactory(study=slot.study)
    url = reverse("panel_public:invitation", args=[tokens.invitation_token(invitation)])
    assert client.get(url).status_code == 200
    response = client.post(url, book_form(slot))
    assert response.status_code == 200
    participation = Participation.objects.get()
    assert participation.slot == slot and participation.member == invitation.member
    assert {tuple(message.to) for message in mail.outbox} == {(invitation.member.email,), ("researcher@example.org",)}
    for message in mail.outbox:
        name, content, _mimetype = message.attachments[0]
        content = content.decode() if isinstance(content, bytes) else content
        assert name == "session.ics" and "BEGIN:VEVENT" in content and "Room 2" in content
    ics = client.get(reverse("panel_public:invitation_ics", args=[tokens.invitation_token(invitation)]))
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert b"DTSTART:" in ics.content


def test_a_slot_someone_else_booked_answers_409(client, slow_enough):
    slot = SlotFactory()
    first, second = InvitationFactory(study=slot.study), InvitationFactory(study=slot.study)
    client.post(reverse("panel_public:invitation", args=[tokens.invitation_token(first)]), book_form(slot))
    response = client.post(reverse("panel_public:invitation", args=[tokens.invitation_token(second)]), book_form(slot))
    assert response.status_code == 409
    assert Participation.objects.count() == 1


def test_booking_without_choosing_a_time_answers_422(client, slow_enough):
    slot = SlotFactory()
    invitation = InvitationFactory(study=slot.study)
    url = reverse("panel_public:invitation", args=[tokens.invitation_token(invitation)])
    assert client.post(url, book_form()).status_code == 422
    assert client.post(url, {**book_form(), "slot": "abc"}).status_code == 422
    assert not Participation.objects.exists()


def test_a_bot_filling_the_honeypot_books_nothing(client, slow_enough):
    slot = SlotFactory()
    invitation = InvitationFactory(study=slot.study)
    url = reverse("panel_public:invitation", args=[tokens.invitation_token(invitation)])
    assert client.post(url, {**book_form(slot), "website": "x"}).status_code == 400
    assert not Participation.objects.exists()


def test_the_last_place_of_the_quota_closes_recruitment(client, slow_enough):
    study = StudyFactory(kind=Study.Kind.SURVEY)
    Quota.objects.create(study=study, size=1)
    first, second = InvitationFactory(study=study), InvitationFactory(study=study)
    client.post(reverse("panel_public:invitation", args=[tokens.invitation_token(first)]), book_form())
    study.refresh_from_db()
    assert study.status == Study.Status.FULL
    response = client.post(reverse("panel_public:invitation", args=[tokens.invitation_token(second)]), book_form())
    assert response.status_code == 409


def test_an_opted_out_member_cannot_open_an_old_invitation(client):
    invitation = InvitationFactory(member=MemberFactory(status=PanelMember.Status.OPTED_OUT))
    url = reverse("panel_public:invitation", args=[tokens.invitation_token(invitation)])
    assert client.get(url).status_code == 404


def test_past_slots_are_not_offered(client):
    slot = SlotFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    invitation = InvitationFactory(study=slot.study)
    response = client.get(reverse("panel_public:invitation", args=[tokens.invitation_token(invitation)]))
    assert f'value="{slot.pk}"' not in response.content.decode()
