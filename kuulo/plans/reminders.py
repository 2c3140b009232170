import datetime

from django.urls import reverse

from kuulo.notifications.actions import notify
from kuulo.plans.queries import upcoming_checkpoints

REMIND_WITHIN = datetime.timedelta(days=2)


def send_checkpoint_reminders(now: datetime.datetime | None = None) -> int:
    """Notifies the attendees of every checkpoint in the next two days, once per checkpoint.

    Idempotent: the key holds the checkpoint and its sequence, so a rerun sends
    nothing new, and a moved checkpoint (its sequence goes up) is reminded again.
    Returns how many notifications were made."""
    made = 0
    for checkpoint in upcoming_checkpoints(REMIND_WITHIN, now=now):
        url = reverse("plans:plan_detail", args=[checkpoint.plan_id])
        for attendee in checkpoint.attendees.all():
            if not attendee.is_active:
                continue
            made += bool(
                notify(
                    attendee,
                    "checkpoint_upcoming",
                    url,
                    key=f"checkpoint:{checkpoint.pk}:{checkpoint.sequence}",
                    title=checkpoint.title,
                    plan=str(checkpoint.plan),
                    when=checkpoint.starts_at.isoformat(),
                    place=checkpoint.location,
                )
            )
    return made
