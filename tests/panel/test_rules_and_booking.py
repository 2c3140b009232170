import datetime
import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone

from kuulo.panel import rules
from kuulo.panel.access import MANAGERS_GROUP, can_manage_panel
from kuulo.panel.booking import SlotTaken, StudyFull, book
from kuulo.panel.models import ContactPolicy, PanelMember, Participation, Quota, Study
from tests.factories import UserFactory
from tests.panel.factories import (
    ConsentTextFactory,
    InvitationFactory,
    MemberFactory,
    SegmentFactory,
    SlotFactory,
    StudyFactory,
    organisation,
)


@pytest.fixture
def policy(db):
    return ContactPolicy.objects.create(organisation=organisation(), cooldown_days=30, invitations_per_90_days=2)


def test_a_member_with_consent_and_no_history_is_free_to_contact(policy):
    member = MemberFactory()
    assert rules.refusal(member, policy) is None
    assert rules.contact_status(member, policy) == "Free to contact"


@pytest.mark.parametrize("status", [PanelMember.Status.OPTED_OUT, PanelMember.Status.DO_NOT_CONTACT])
def test_opted_out_and_do_not_contact_are_never_overridable(policy, status):
    member = MemberFactory(status=status)
    refusal = rules.refusal(member, policy)
    assert refusal is not None and not refusal.overridable


def test_a_withdrawn_consent_stops_invitations_for_good(policy):
    member = MemberFactory()
    member.consents.update(withdrawn_at=timezone.now())
    assert rules.refusal(member, policy) == rules.NO_CONSENT
    assert not rules.NO_CONSENT.overridable


def test_a_member_who_took_part_is_in_cooldown_until_the_policy_days_pass(policy):
    member = MemberFactory()
    Participation.objects.create(study=StudyFactory(), member=member)
    assert rules.refusal(member, policy) == rules.COOLDOWN
    assert rules.contact_status(member, policy) == "In cooldown after taking part"
    Participation.objects.filter(member=member).update(created_at=timezone.now() - datetime.timedelta(days=31))
    assert rules.refusal(member, policy) is None


def test_the_rolling_limit_counts_invitations_of_the_last_90_days(policy):
    member = MemberFactory()
    InvitationFactory(member=member)
    InvitationFactory(member=member, sent_at=timezone.now() - datetime.timedelta(days=91))
    assert rules.refusal(member, policy) is None
    InvitationFactory(member=member)
    assert rules.refusal(member, policy) == rules.LIMIT
    assert rules.LIMIT.overridable


def test_consent_texts_are_versioned_and_records_keep_the_version_agreed_to(db):
    first = ConsentTextFactory(version=1)
    member = MemberFactory()
    second = ConsentTextFactory(version=2, text_en="New wording.")
    assert member.consents.get().consent_text == first
    from kuulo.panel.models import ConsentText

    assert ConsentText.current() == second


def test_panel_managers_are_organisation_admins_and_members_of_the_group(db):
    assert can_manage_panel(UserFactory(is_superuser=True))
    plain = UserFactory()
    assert not can_manage_panel(plain)
    plain.groups.add(Group.objects.get(name=MANAGERS_GROUP))
    plain = type(plain).objects.get(pk=plain.pk)  # permissions are cached per object
    assert can_manage_panel(plain)


def test_a_booked_slot_cannot_be_booked_by_another_member(db):
    slot = SlotFactory()
    book(InvitationFactory(study=slot.study), slot)
    with pytest.raises(SlotTaken):
        book(InvitationFactory(study=slot.study), slot)
    assert Participation.objects.filter(slot=slot).count() == 1


def test_a_cancelled_booking_frees_its_slot(db):
    slot = SlotFactory()
    first = book(InvitationFactory(study=slot.study), slot)
    Participation.objects.filter(pk=first.pk).update(status=Participation.Status.CANCELLED)
    second = book(InvitationFactory(study=slot.study), slot)
    assert second.slot == slot


def test_a_full_quota_closes_recruitment(db):
    segment = SegmentFactory()
    study = StudyFactory()
    Quota.objects.create(study=study, segment=segment, size=1)
    in_segment = MemberFactory()
    in_segment.self_segments.add(segment)
    with pytest.raises(StudyFull):
        book(InvitationFactory(study=study), None)  # not in the segment
    book(InvitationFactory(study=study, member=in_segment), None)
    study.refresh_from_db()
    assert study.status == Study.Status.FULL
    with pytest.raises(StudyFull):
        book(InvitationFactory(study=study), None)


@pytest.mark.django_db(transaction=True)
def test_two_members_booking_one_slot_at_the_same_moment_get_it_once():
    """The race: every thread passes the same checks and reaches the insert together; the
    database constraint lets exactly one through. Runs on SQLite and on PostgreSQL."""
    slot = SlotFactory()
    invitations = [InvitationFactory(study=slot.study) for _ in range(4)]
    barrier = threading.Barrier(len(invitations))
    outcomes = []

    def attempt(invitation):
        try:
            barrier.wait()
            for _ in range(500):  # SQLite answers "locked" to a writer that comes too soon: try again
                try:
                    book(invitation, slot)
                    outcomes.append("booked")
                    return
                except OperationalError:
                    time.sleep(0.01)
            outcomes.append("locked")
        except SlotTaken:
            outcomes.append("taken")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=attempt, args=(invitation,)) for invitation in invitations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked", "taken", "taken", "taken"]
    assert Participation.objects.filter(slot=slot).count() == 1


def test_the_quota_for_anyone_caps_everyone_and_segment_quotas_reserve_places(db):
    segment = SegmentFactory()
    study = StudyFactory()
    Quota.objects.create(study=study, segment=segment, size=1)
    Quota.objects.create(study=study, segment=None, size=2)
    book(InvitationFactory(study=study), None)
    study.refresh_from_db()
    assert study.status == Study.Status.RECRUITING
    in_segment = MemberFactory()
    in_segment.self_segments.add(segment)
    book(InvitationFactory(study=study, member=in_segment), None)
    study.refresh_from_db()
    assert study.status == Study.Status.FULL
