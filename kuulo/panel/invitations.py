"""Inviting members to a study under the contact rules, and sending the invitations.

`invite` decides, for each chosen member, whether an invitation may be queued: never for
members whom nothing may contact (opted out, do not contact, no consent…); past the cooldown
or the rolling limit only with a panel manager's override and a reason, logged on the
invitation and in the member's history. Then ONE background task, `send_invitations`, sends
every queued invitation of the study, checking the never-overridable rules once more."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from kuulo.panel import rules, tokens
from kuulo.panel.access import can_manage_panel
from kuulo.panel.ical import session_calendar
from kuulo.panel.mail import message, send, site_url
from kuulo.panel.models import ContactPolicy, Invitation, MemberEvent, Participation, Study


@dataclass
class Outcome:
    queued: list = field(default_factory=list)
    overridden: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # [(member, Refusal)]
    already: list = field(default_factory=list)


class OverrideNotAllowed(PermissionError):
    pass


def invite(study: Study, members, user, override_reason: str = "") -> Outcome:
    """Queues invitations to `members` under the rules and enqueues the one sending task."""
    override_reason = override_reason.strip()
    if override_reason and not can_manage_panel(user):
        raise OverrideNotAllowed
    policy = ContactPolicy.current()
    outcome = Outcome()
    invited = set(Invitation.objects.filter(study=study).values_list("member_id", flat=True))
    with transaction.atomic():
        for member in members:
            if member.pk in invited:
                outcome.already.append(member)
                continue
            refusal = rules.refusal(member, policy)
            if refusal and not (refusal.overridable and override_reason):
                outcome.refused.append((member, refusal))
                continue
            Invitation.objects.create(
                study=study,
                member=member,
                invited_by=user,
                override_reason=override_reason if refusal else "",
            )
            if refusal:
                MemberEvent.objects.create(
                    member=member, kind=MemberEvent.Kind.OVERRIDE, by=user, note=f"{refusal.code}: {override_reason}"
                )
                outcome.overridden.append(member)
            else:
                outcome.queued.append(member)
        if outcome.queued or outcome.overridden:
            transaction.on_commit(lambda: send_invitations.enqueue(study.pk))
    return outcome


def invitation_url(invitation: Invitation) -> str:
    path = reverse("panel_public:invitation", args=[tokens.invitation_token(invitation)])
    return site_url(path, invitation.member.language)


def invitation_message(invitation: Invitation):
    member, study = invitation.member, invitation.study
    with translation.override(member.language):
        subject = _("Invitation: %(study)s") % {"study": study.title}
        body = _(
            "Hello,\n\nWe invite you to take part in a study: %(study)s (%(kind)s).\n\n%(description)s\n\n"
            "Reward: %(reward)s\n\nRead more and tell us whether you take part:\n%(url)s"
        ) % {
            "study": study.title,
            "kind": study.get_kind_display(),
            "description": study.description,
            "reward": study.get_reward_display(),
            "url": invitation_url(invitation),
        }
    return message(member, subject, body)


@task()
def send_invitations(study_id: int) -> int:
    """Sends every queued invitation of the study over one SMTP connection; returns how many."""
    queued = Invitation.objects.filter(study_id=study_id, status=Invitation.Status.QUEUED).select_related(
        "member", "study__service"
    )
    sent = 0
    connection = get_connection()
    connection.open()
    try:
        for invitation in queued.iterator(chunk_size=500):
            member = invitation.member
            never = rules.NOT_CONTACTABLE.get(member.status) or (
                None if member.consents.filter(withdrawn_at__isnull=True).exists() else rules.NO_CONSENT
            )
            if never or not member.email:
                Invitation.objects.filter(pk=invitation.pk).update(status=Invitation.Status.BLOCKED)
                continue
            email = invitation_message(invitation)
            email.connection = connection
            send(email)
            now = timezone.now()
            Invitation.objects.filter(pk=invitation.pk).update(status=Invitation.Status.SENT, sent_at=now)
            sent += 1
    finally:
        connection.close()
    return sent


def host() -> str:
    return settings.KUULO_SITE_URL.split("://", 1)[-1] or "localhost"


@task()
def send_booking_confirmation(participation_id: int) -> bool:
    """The member and the study's staff get the session as an iCalendar invitation."""
    participation = (
        Participation.objects.select_related("member", "slot", "study__service")
        .filter(pk=participation_id, slot__isnull=False)
        .first()
    )
    if participation is None or not participation.member.email:
        return False
    member, study, slot = participation.member, participation.study, participation.slot
    ics = session_calendar(participation, host(), settings.DEFAULT_FROM_EMAIL)
    attachment = [("session.ics", ics, "text/calendar; method=REQUEST")]
    with translation.override(member.language):
        when = timezone.localtime(slot.starts_at).strftime("%d.%m.%Y %H:%M")
        subject = _("Your time is booked: %(study)s") % {"study": study.title}
        body = _(
            "Hello,\n\nThank you! Your time is booked:\n\n%(study)s\n%(when)s\n%(place)s\n\n"
            "The calendar invitation is attached."
        ) % {"study": study.title, "when": when, "place": slot.location}
    send(message(member, subject, body, attachments=attachment))
    staff = [person for person in study.staff.all() if person.email and not person.email.endswith(".invalid")]
    for person in staff:
        with translation.override(person.language or settings.LANGUAGE_CODE):
            subject = _("A panel member booked a time: %(study)s") % {"study": study.title}
            body = _("A time was booked in the study %(study)s: %(when)s, %(place)s.") % {
                "study": study.title,
                "when": when,
                "place": slot.location,
            }
        email = EmailMessage(subject, body, None, [person.email])
        email.attach(*attachment[0])
        send(email)
    return True
