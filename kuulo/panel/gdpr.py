"""A member's rights over their data: see and download it, correct it, withdraw consent, erase it.
The member does these on their own page; a panel manager does them on request, and each action is
recorded in the member's history with who did it.

Erasure removes every piece of personal data (name, e-mail, phone, answers, notes, segments,
interests, the access log and the history's notes) and keeps the member row as an anonymous
"erased member" so that studies keep their participation counts."""

from django.db import transaction
from django.utils import timezone

from kuulo.panel.models import ContactAccess, MemberEvent, PanelMember, RewardEntry


def member_data(member: PanelMember) -> dict:
    """Everything Kuulo holds about the member, as plain data (for JSON and the readable page)."""
    return {
        "name": member.name,
        "email": member.email,
        "phone": member.phone,
        "language": member.language,
        "contact_channel": member.contact_channel,
        "status": member.status,
        "outcome_notices": member.outcome_notices,
        "signed_up_at": member.created_at.isoformat(),
        "confirmed_at": member.confirmed_at.isoformat() if member.confirmed_at else None,
        "segments_reported_by_you": [segment.name for segment in member.self_segments.all()],
        "segments_set_by_staff": [segment.name for segment in member.staff_segments.all()],
        "services_of_interest": [service.name for service in member.services.all()],
        "life_events_of_interest": [event.name for event in member.life_events.all()],
        "screener_answers": [
            {
                "question": answer.question.text,
                "answer": ", ".join(option.label for option in answer.options.all())
                or (str(answer.number) if answer.number is not None else answer.text),
            }
            for answer in member.screener_answers.select_related("question").prefetch_related("options")
        ],
        "consents": [
            {
                "version": record.consent_text.version,
                "text": record.consent_text.text,
                "given_at": record.given_at.isoformat(),
                "how": record.get_method_display(),
                "withdrawn_at": record.withdrawn_at.isoformat() if record.withdrawn_at else None,
            }
            for record in member.consents.select_related("consent_text")
        ],
        "invitations": [
            {
                "study": invitation.study.title,
                "status": invitation.get_status_display(),
                "sent_at": invitation.sent_at.isoformat() if invitation.sent_at else None,
            }
            for invitation in member.invitations.select_related("study")
        ],
        "participations": [
            {
                "study": participation.study.title,
                "status": participation.get_status_display(),
                "time": participation.slot.starts_at.isoformat() if participation.slot else None,
                "notes": participation.notes,
                "rewards": [
                    {
                        "entry": reward.get_kind_display(),
                        "reward": reward.get_reward_display(),
                        "value": str(reward.amount),
                    }
                    for reward in participation.rewards.all()
                ],
            }
            for participation in member.participations.select_related("study", "slot").prefetch_related("rewards")
        ],
        "history": [
            {"event": event.get_kind_display(), "at": event.at.isoformat(), "note": event.note}
            for event in member.events.all()
        ],
        "views_of_your_contact_details": [
            {"by": str(access.user) if access.user else "", "at": access.viewed_at.isoformat()}
            for access in member.contact_accesses.select_related("user")
        ],
    }


def record(member: PanelMember, kind: str, by=None, note: str = "") -> None:
    MemberEvent.objects.create(member=member, kind=kind, by=by, note=note)
    PanelMember.objects.filter(pk=member.pk).update(last_activity_at=timezone.now())


@transaction.atomic
def correct(member: PanelMember, data: dict, by=None) -> None:
    fields = ["name", "email", "phone", "language", "contact_channel", "outcome_notices"]
    changed = [field for field in fields if field in data and getattr(member, field) != data[field]]
    for field in changed:
        setattr(member, field, data[field])
    member.save(update_fields=changed or ["name"])
    if "services" in data:
        member.services.set(data["services"])
    if "life_events" in data:
        member.life_events.set(data["life_events"])
    record(member, MemberEvent.Kind.CORRECTED, by, ", ".join(changed))


@transaction.atomic
def withdraw_consent(member: PanelMember, by=None) -> None:
    """No more invitations: the consent records get their withdrawal time, the member opts out."""
    member.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    if member.status == PanelMember.Status.ACTIVE:
        member.status = PanelMember.Status.OPTED_OUT
        member.save(update_fields=["status"])
    record(member, MemberEvent.Kind.WITHDRAWN, by)


@transaction.atomic
def erase(member: PanelMember, by=None) -> None:
    now = timezone.now()
    member.name = ""
    member.email = None
    member.phone = ""
    member.status = PanelMember.Status.ERASED
    member.outcome_notices = False
    member.erased_at = now
    member.save()
    member.self_segments.clear()
    member.staff_segments.clear()
    member.services.clear()
    member.life_events.clear()
    member.screener_answers.all().delete()
    member.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
    member.participations.update(notes="")
    member.invitations.update(override_reason="")
    RewardEntry.objects.filter(participation__member=member).update(note="")
    member.events.update(note="")
    ContactAccess.objects.filter(member=member).delete()
    MemberEvent.objects.create(member=member, kind=MemberEvent.Kind.ERASED, by=by)
