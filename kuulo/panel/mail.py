"""E-mail to panel members, who have no account: sent by django-tasks tasks in the member's
language. Every message that is not the sign-up confirmation carries a one-click unsubscribe
link in its text and in the List-Unsubscribe header (RFC 2369, one-click per RFC 8058)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation

from kuulo.panel import tokens


def site_url(path: str, language: str = "") -> str:
    return settings.KUULO_SITE_URL + path + (f"?lang={language}" if language else "")


def unsubscribe_url(member) -> str:
    return site_url(reverse("panel_public:unsubscribe", args=[tokens.unsubscribe_token(member)]), member.language)


def message(member, subject: str, body: str, *, unsubscribe: bool = True, attachments=()) -> EmailMessage:
    headers = {}
    if unsubscribe:
        link = unsubscribe_url(member)
        with translation.override(member.language):
            body += "\n\n-- \n" + translation.gettext("Stop all messages from the customer panel: %(url)s") % {
                "url": link
            }
        headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    email = EmailMessage(subject, body, None, [member.email], headers=headers)
    for name, content, mimetype in attachments:
        email.attach(name, content, mimetype)
    return email


def send(email: EmailMessage) -> int:
    """Sends `email` to its deliverable recipients: .invalid addresses (RFC 2606, the demo's) never
    deliver, so they are skipped as kuulo.notifications skips them."""
    email.to = [address for address in email.to if not address.lower().endswith(".invalid")]
    return email.send() if email.to else 0
