"""Receiving accessibility feedback, recording the reply, and reminding before the deadline."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kuulo.accessibility.models import Feedback, deadline_for
from kuulo.accounts.models import User
from kuulo.feedback.redaction import redact
from kuulo.notifications.actions import notify

REMIND_DAYS_BEFORE = 3


def receive(data: dict, language: str) -> Feedback:
    """A new case from the public form; the message is stored with personal identifiers redacted
    (the contact the customer gave for the reply is kept, for that reply only)."""
    now = timezone.now()
    return Feedback.objects.create(
        received_at=now,
        message=redact(data["message"]),
        page=data.get("page", ""),
        contact=data.get("contact", ""),
        language=language,
        deadline=deadline_for(now),
    )


@transaction.atomic
def record_reply(case: Feedback, reply: str, user) -> None:
    case.reply = reply
    case.replied_at = timezone.now()
    case.replied_by = user
    case.save(update_fields=["reply", "replied_at", "replied_by"])


def remind_due(today=None) -> int:
    """Notifies the organisation admins of each open case due within REMIND_DAYS_BEFORE days, and
    again when it is overdue; once for each. Returns the notifications made."""
    today = today or timezone.localdate()
    admins = list(User.objects.filter(is_superuser=True, is_active=True))
    made = 0
    for case in Feedback.objects.filter(replied_at__isnull=True):
        days_left = case.days_left(today)
        if days_left > REMIND_DAYS_BEFORE:
            continue
        stage = "overdue" if days_left < 0 else "due"
        url = reverse("accessibility:case", args=[case.pk])
        for admin in admins:
            made += bool(
                notify(
                    admin,
                    "accessibility_feedback_due",
                    url,
                    key=f"accessibility:{case.pk}:{stage}",
                    number=case.pk,
                    date=case.deadline.isoformat(),
                    overdue=stage == "overdue",
                )
            )
    return made
