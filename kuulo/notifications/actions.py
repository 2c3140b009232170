"""The one way to notify someone: `notify(user, kind, url, **params)`.

It stores the notification (shown in the app at once) and, after the commit,
enqueues its e-mail. The e-mail goes only to users with an address who have
not turned e-mail off (NotificationPreference).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django_tasks import task

from kuulo.notifications import texts
from kuulo.notifications.models import Notification, NotificationPreference


def wants_email(user) -> bool:
    # .invalid (RFC 2606) never delivers: the demo's users have such addresses.
    if not user.email or not user.is_active or user.email.lower().endswith(".invalid"):
        return False
    preference = NotificationPreference.objects.filter(user=user).only("email").first()
    return preference is None or preference.email


def notify(user, kind: str, url: str = "", *, key: str = "", **params) -> Notification | None:
    """Stores a notification of `kind` (Notification.Kind) for `user`; `params` fill its text.

    A non-empty `key` makes it once-only per user: a second call with the same key
    does nothing and returns None (e.g. one reminder per checkpoint).
    """
    Notification.Kind(kind)
    if key and Notification.objects.filter(recipient=user, key=key).exists():
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(recipient=user, kind=kind, url=url, key=key, params=params)
    except IntegrityError:  # the same key from a parallel run
        return None
    if wants_email(user):
        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def site_link(url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.KUULO_SITE_URL + url


@task()
def send_notification_email(notification_id: int) -> bool:
    """Sends one notification by e-mail in the recipient's language; once only."""
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at or not wants_email(notification.recipient):
        return False
    user = notification.recipient
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = texts.subject(notification)
        body = texts.email_body(notification, site_link(notification.url))
    send_mail(subject, body, None, [user.email])
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True
