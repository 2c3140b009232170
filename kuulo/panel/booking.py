"""Booking a time slot: one live booking per slot, kept by a database constraint (not by a check
that two requests could both pass), and recruitment that closes when the quotas are full."""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from kuulo.panel.models import Invitation, Participation, Slot, Study


class SlotTaken(Exception):
    pass


class StudyFull(Exception):
    pass


def live(participations):
    return participations.exclude(status=Participation.Status.CANCELLED)


def quota_left(study: Study, member) -> bool:
    """Whether a place is left for `member`: in a quota of one of their segments, or in the
    quota for anyone. A study with no quotas has no limit."""
    quotas = list(study.quotas.select_related("segment"))
    if not quotas:
        return True
    segment_ids = set(member.self_segments.values_list("pk", flat=True)) | set(
        member.staff_segments.values_list("pk", flat=True)
    )
    taken = live(study.participations.all())
    for quota in quotas:
        if quota.segment_id is None or quota.segment_id in segment_ids:
            in_quota = (
                taken
                if quota.segment_id is None
                else taken.filter(
                    Q(member__self_segments=quota.segment_id) | Q(member__staff_segments=quota.segment_id)
                ).distinct()
            )
            if in_quota.count() < quota.size:
                return True
    return False


def is_full(study: Study) -> bool:
    """No place is left for anyone: the quota for anyone (a cap on everyone) is taken, or, with no
    such quota, every segment's quota is. A study with no quotas is never full."""
    quotas = list(study.quotas.all())
    if not quotas:
        return False
    taken = live(study.participations.all())
    anyone = [quota for quota in quotas if quota.segment_id is None]
    if anyone:
        return taken.count() >= anyone[0].size
    return all(
        taken.filter(Q(member__self_segments=quota.segment_id) | Q(member__staff_segments=quota.segment_id))
        .distinct()
        .count()
        >= quota.size
        for quota in quotas
    )


def close_when_full(study: Study) -> None:
    if study.status == Study.Status.RECRUITING and is_full(study):
        Study.objects.filter(pk=study.pk).update(status=Study.Status.FULL)
        study.status = Study.Status.FULL


def free_slots(study: Study):
    return (
        study.slots.filter(starts_at__gt=timezone.now())
        .annotate(live=Count("bookings", filter=~Q(bookings__status=Participation.Status.CANCELLED)))
        .filter(live=0)
    )


def book(invitation: Invitation, slot: Slot | None) -> Participation:
    """The member of `invitation` takes part in its study, in `slot` for a study with slots.
    Raises SlotTaken when someone else has the slot, StudyFull when no place is left."""
    study, member = invitation.study, invitation.member
    if study.status != Study.Status.RECRUITING or not quota_left(study, member):
        raise StudyFull
    try:
        with transaction.atomic():
            participation, _created = Participation.objects.update_or_create(
                study=study, member=member, defaults={"slot": slot, "status": Participation.Status.BOOKED}
            )
            Invitation.objects.filter(pk=invitation.pk).update(status=Invitation.Status.ACCEPTED)
    except IntegrityError as error:
        raise SlotTaken from error
    close_when_full(study)
    return participation
