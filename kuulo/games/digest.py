"""The weekly digest of successes by e-mail, for those who asked for it (Preference.weekly_digest).

Sent by `manage.py send_games_digest`, a periodic job (KUULO_PERIODIC_JOBS)
that may run often: a person gets at most one digest per ISO week. Each
e-mail goes through the task layer and honours the person's choice of no
e-mail in the notification settings (kuulo.notifications.actions.wants_email).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from kuulo.games.feed import entries_for
from kuulo.games.models import Preference
from kuulo.notifications.actions import site_link, wants_email


def this_week() -> str:
    year, week, _day = timezone.localdate().isocalendar()
    return f"{year}-W{week:02d}"


def recipients() -> list[int]:
    return list(
        Preference.objects.filter(weekly_digest=True, user__is_active=True)
        .exclude(digest_sent_week=this_week())
        .values_list("user_id", flat=True)
    )


@task()
def send_digest(user_id: int) -> bool:
    """One person's digest of the last seven days; nothing is sent when there is nothing to celebrate."""
    preference = Preference.objects.select_related("user").filter(user_id=user_id, weekly_digest=True).first()
    if preference is None or preference.digest_sent_week == this_week() or not wants_email(preference.user):
        return False
    user = preference.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        entries = entries_for(user, days=7, limit=30)
        if not entries:
            return False
        subject = _("Successes of the week in Kuulo")
        context = {
            "entries": entries,
            "feed_url": site_link(reverse("games:celebrations")),
            "settings_url": site_link(reverse("games:profile", args=[user.pk])),
        }
        body = render_to_string("games/digest_email.txt", context)
    send_mail(subject, body, None, [user.email])
    Preference.objects.filter(pk=preference.pk).update(digest_sent_week=this_week())
    return True


def send_digests() -> int:
    due = recipients()
    for user_id in due:
        send_digest.enqueue(user_id)
    return len(due)
