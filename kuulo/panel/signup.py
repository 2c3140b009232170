"""Joining the panel: the public sign-up with e-mail double opt-in, confirmation, the purge of
unconfirmed sign-ups, and a member added by staff after agreeing in person."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from kuulo.panel import tokens
from kuulo.panel.mail import message, send, site_url
from kuulo.panel.models import ConsentRecord, MemberEvent, PanelMember, ScreenerAnswer

UNCONFIRMED_DAYS = 7


def _save_details(member: PanelMember, data: dict) -> None:
    member.name = data["name"]
    member.email = data["email"]
    member.phone = data.get("phone", "")
    member.language = data["language"]
    member.contact_channel = data["contact_channel"]
    member.outcome_notices = bool(data.get("outcome_notices"))
    member.save()
    member.services.set(data.get("services") or [])
    member.life_events.set(data.get("life_events") or [])


def _save_screener(member: PanelMember, answers: list[tuple]) -> None:
    member.screener_answers.all().delete()
    segments = set()
    for question, option_ids, number, text in answers:
        answer = ScreenerAnswer.objects.create(member=member, question=question, number=number, text=text)
        if option_ids:
            options = question.options.filter(pk__in=option_ids)
            answer.options.set(options)
            segments |= {option.segment_id for option in options if option.segment_id}
    member.self_segments.set(segments)


@transaction.atomic
def sign_up(data: dict, answers: list[tuple], consent_text) -> PanelMember | None:
    """Stores a sign-up waiting for confirmation and e-mails the confirmation link. An address
    already in the panel gets a link to the member's own page instead, and nothing changes (the
    page does not tell whether an address is a member). Returns the pending member, or None."""
    existing = PanelMember.objects.filter(email=data["email"]).first()
    if existing and existing.status != PanelMember.Status.PENDING:
        if existing.status != PanelMember.Status.ERASED:
            transaction.on_commit(lambda: send_magic_link.enqueue(existing.pk))
        return None
    member = existing or PanelMember(status=PanelMember.Status.PENDING)
    member.created_at = timezone.now()
    _save_details(member, data)
    _save_screener(member, answers)
    member.consents.all().delete()
    ConsentRecord.objects.create(member=member, consent_text=consent_text, method=ConsentRecord.Method.ONLINE)
    MemberEvent.objects.create(member=member, kind=MemberEvent.Kind.SIGNED_UP)
    transaction.on_commit(lambda: send_confirmation.enqueue(member.pk))
    return member


@transaction.atomic
def confirm(member: PanelMember) -> bool:
    """The member clicked the link: the consent counts from now. False when already confirmed."""
    member = PanelMember.objects.select_for_update().get(pk=member.pk)
    if member.status != PanelMember.Status.PENDING:
        return False
    now = timezone.now()
    member.status = PanelMember.Status.ACTIVE
    member.confirmed_at = member.last_activity_at = now
    member.save(update_fields=["status", "confirmed_at", "last_activity_at"])
    member.consents.filter(withdrawn_at__isnull=True).update(given_at=now)
    MemberEvent.objects.create(member=member, kind=MemberEvent.Kind.CONFIRMED)
    return True


@transaction.atomic
def add_in_person(data: dict, user) -> PanelMember:
    PanelMember.objects.filter(email=data["email"], status=PanelMember.Status.PENDING).delete()
    member = PanelMember(status=PanelMember.Status.ACTIVE, confirmed_at=data["given_at"])
    _save_details(member, data)
    ConsentRecord.objects.create(
        member=member,
        consent_text=data["consent_text"],
        method=ConsentRecord.Method.IN_PERSON,
        given_at=data["given_at"],
        recorded_by=user,
    )
    MemberEvent.objects.create(member=member, kind=MemberEvent.Kind.ADDED, by=user)
    return member


def purge_unconfirmed(now: datetime.datetime | None = None) -> int:
    """Deletes every sign-up not confirmed within UNCONFIRMED_DAYS, with all that came with it."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=UNCONFIRMED_DAYS)
    pending = PanelMember.objects.filter(status=PanelMember.Status.PENDING, created_at__lt=cutoff)
    count = pending.count()
    for member in pending:
        member.consents.all().delete()
        member.delete()
    return count


@task()
def send_confirmation(member_id: int) -> bool:
    member = PanelMember.objects.filter(pk=member_id, status=PanelMember.Status.PENDING).first()
    if member is None or not member.email:
        return False
    link = site_url(reverse("panel_public:confirm", args=[tokens.confirm_token(member)]), member.language)
    with translation.override(member.language):
        subject = _("Confirm that you are joining the customer panel")
        body = _(
            "Hello,\n\nYou signed up for the customer panel. Confirm your e-mail address by opening this "
            "link within %(days)s days:\n\n%(url)s\n\nIf you did not sign up, ignore this message: "
            "your details are deleted automatically."
        ) % {"days": UNCONFIRMED_DAYS, "url": link}
    send(message(member, subject, body, unsubscribe=False))
    return True


@task()
def send_magic_link(member_id: int) -> bool:
    member = PanelMember.objects.filter(pk=member_id).exclude(status=PanelMember.Status.ERASED).first()
    if member is None or not member.email:
        return False
    link = site_url(reverse("panel_public:my_page", args=[tokens.magic_token(member)]), member.language)
    with translation.override(member.language):
        subject = _("Your page in the customer panel")
        body = _(
            "Hello,\n\nHere is the link to your own page in the customer panel. There you can see your "
            "studies and what came of them, and download, correct or erase your details. The link works "
            "for %(hours)s hours:\n\n%(url)s"
        ) % {"hours": tokens.MAGIC_LINK_HOURS, "url": link}
    send(message(member, subject, body))
    return True
