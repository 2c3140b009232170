"""notify(): stored in the app, e-mailed in the recipient's language through a local SMTP server."""

import datetime

import pytest
from django.core import mail
from django.utils import translation

from kuulo.notifications import texts
from kuulo.notifications.actions import notify, unread_count
from kuulo.notifications.models import Notification, NotificationPreference
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

WHEN = "2026-01-02T10:00:00+02:00"


def checkpoint_params():
    return {"title": "Puolivuotiskatsaus", "plan": "Asumisen kehittämissuunnitelma", "when": WHEN}


def test_the_email_arrives_through_smtp_in_the_recipients_language(smtp_inbox):
    finn = UserFactory(email="maija@example.org", language="fi")
    notification = notify(finn, "checkpoint_upcoming", "/plans/1/", **checkpoint_params())
    assert len(smtp_inbox.messages) == 1
    arrived = smtp_inbox.messages[0]
    assert arrived["to"] == ["maija@example.org"]
    with translation.override("fi"):
        assert arrived["message"]["Subject"] == texts.subject(notification)
        expected_title = texts.title(notification)
    body = arrived["message"].get_content()
    assert expected_title in body
    assert "2.1.2026" in body  # the date as Finnish writes it, though the sender's language is English
    assert "/plans/1/" in body
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_the_link_in_the_email_is_a_full_address_on_the_site(smtp_inbox, settings):
    settings.KUULO_SITE_URL = "https://kuulo.example.fi"
    notify(
        UserFactory(email="maija@example.org", language="fi"), "checkpoint_upcoming", "/plans/1/", **checkpoint_params()
    )
    assert "https://kuulo.example.fi/plans/1/" in smtp_inbox.messages[0]["message"].get_content()


def test_an_english_recipient_gets_english(smtp_inbox):
    user = UserFactory(email="anna@example.org", language="en")
    notify(user, "checkpoint_upcoming", "/plans/1/", **checkpoint_params())
    body = smtp_inbox.messages[0]["message"].get_content()
    assert "01/02/2026" in body
    assert "checkpoint" in smtp_inbox.messages[0]["message"]["Subject"]


def test_no_email_without_an_address_or_when_turned_off(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    without = UserFactory(email="")
    notify(without, "item_assigned", "/", title="A", service="B")
    quiet = UserFactory(email="quiet@example.org")
    NotificationPreference.objects.create(user=quiet, email=False)
    notify(quiet, "item_assigned", "/", title="A", service="B")
    assert mail.outbox == []
    assert unread_count(without) == 1 and unread_count(quiet) == 1


def test_a_key_makes_it_once_only(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user = UserFactory(email="a@example.org")
    assert notify(user, "checkpoint_upcoming", "/", key="checkpoint:1:0", **checkpoint_params())
    assert notify(user, "checkpoint_upcoming", "/", key="checkpoint:1:0", **checkpoint_params()) is None
    assert Notification.objects.filter(recipient=user).count() == 1
    assert len(mail.outbox) == 1


def test_the_text_is_made_when_shown_in_the_active_language():
    user = UserFactory(language="fi")
    notification = notify(user, "checkpoint_upcoming", "/", **checkpoint_params())
    with translation.override("fi"):
        finnish = texts.title(notification)
    with translation.override("en"):
        english = texts.title(notification)
    assert "2.1.2026" in finnish and "01/02/2026" in english
    assert notification.params["when"] == WHEN  # stored as data, not as text


def test_unknown_kinds_are_refused():
    with pytest.raises(ValueError):
        notify(UserFactory(), "nonsense", "/")


def test_the_email_task_sends_once(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from kuulo.notifications.actions import send_notification_email

    user = UserFactory(email="a@example.org")
    notification = notify(user, "item_assigned", "/", title="A", service="B")
    assert len(mail.outbox) == 1
    send_notification_email.enqueue(notification.pk)
    assert len(mail.outbox) == 1
    assert datetime.datetime.now(datetime.UTC) >= Notification.objects.get(pk=notification.pk).emailed_at
