"""Sparring partners: staff who volunteer to help colleagues with a method, and the requests
for help that reach them through the notifications."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kuulo.notifications.actions import notify
from kuulo.playbook.models import HelpRequest, Method


@transaction.atomic
def request_help(method: Method, requester, partner, message: str) -> HelpRequest:
    help_request = HelpRequest.objects.create(method=method, requester=requester, partner=partner, message=message)
    notify(
        partner,
        "help_requested",
        reverse("playbook:help_request_list") + f"#request-{help_request.pk}",
        requester=str(requester),
        method=method.title,
    )
    return help_request


@transaction.atomic
def close_help_request(help_request: HelpRequest, status: str) -> HelpRequest:
    """The partner answers: helped or declined. The requester hears of it."""
    help_request.status = status
    help_request.closed_at = timezone.now()
    help_request.save(update_fields=["status", "closed_at"])
    notify(
        help_request.requester,
        "help_answered",
        help_request.method.get_absolute_url(),
        partner=str(help_request.partner),
        method=help_request.method.title,
        status=status,
    )
    return help_request
