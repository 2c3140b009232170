from django.contrib.auth import get_user_model

from kuulo.notifications.actions import notify
from kuulo.organisation.models import Membership, Role


def with_notifications(service) -> list:
    """Every user gets one unread and one read notification, so the list shows both."""
    for user in get_user_model().objects.all():
        notify(user, "item_assigned", "/", title="Chat on the front page", service=str(service))
        read = notify(user, "checkpoint_upcoming", "", title="Review", plan="Plan", when="2026-01-02T10:00:00+02:00")
        read.read_at = read.created_at
        read.save()
    return []


def team_members_notification(service) -> list:
    """One unread notification of the persona service's team member, who alone may mark it read."""
    team_member = Membership.objects.get(service=service, role=Role.TEAM_MEMBER).user
    return [notify(team_member, "item_assigned", "/", title="Chat on the front page", service=str(service)).pk]
