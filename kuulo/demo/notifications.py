"""A few notifications for the demo's product owner and team member, so the bell shows a count.

Made directly (not through notify) so that loading the demo sends no e-mail;
each has a key, so loading again adds nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.board.models import Retro
from kuulo.notifications.models import Notification
from kuulo.plans.models import Checkpoint

SERVICE = "housing-allowance-online"
UNREAD = 4


def _add(user, kind: str, url: str, key: str, *, read: bool = False, **params) -> None:
    notification, created = Notification.objects.get_or_create(
        recipient=user, key=f"demo:{key}", defaults={"kind": kind, "url": url, "params": params}
    )
    if created and read:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def load_demo_notifications() -> int:
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["owner", "team"])}
    items = BacklogItem.objects.filter(service__slug=SERVICE).select_related("service").order_by("rank")
    for number, item in enumerate(items[:3]):
        user = users.get("owner" if number == 0 else "team")
        if user is not None:
            url = reverse("backlog:item_detail", args=[item.service_id, item.pk])
            _add(
                user,
                "item_assigned",
                url,
                f"item:{item.pk}",
                read=number == 2,
                title=item.title,
                service=str(item.service),
            )
    retro = (
        Retro.objects.filter(service__memberships__user__username="team")
        .select_related("service")
        .order_by("-held_on")
        .first()
    )
    if retro is not None and "team" in users:
        url = reverse("board:retro_detail", args=[retro.service_id, retro.pk])
        _add(
            users["team"],
            "retro_action_created",
            url,
            f"retro:{retro.pk}",
            date=retro.held_on.isoformat(),
            service=str(retro.service),
        )
    upcoming = (
        Checkpoint.objects.filter(starts_at__gte=timezone.now() - datetime.timedelta(days=1))
        .select_related("plan")
        .order_by("starts_at")
        .first()
    )
    if upcoming is not None:
        url = reverse("plans:plan_detail", args=[upcoming.plan_id])
        for user in users.values():
            _add(
                user,
                "checkpoint_upcoming",
                url,
                f"checkpoint:{upcoming.pk}",
                title=upcoming.title,
                plan=str(upcoming.plan),
                when=upcoming.starts_at.isoformat(),
                place=upcoming.location,
            )
    # The demo's own items assigned people as they were made: keep the newest few unread.
    for user in users.values():
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
        keep = list(unread.order_by("-created_at", "-id").values_list("pk", flat=True)[:UNREAD])
        unread.exclude(pk__in=keep).update(read_at=timezone.now())
    return Notification.objects.filter(key__startswith="demo:").count()
