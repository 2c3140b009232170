"""A person's own open work in Kuulo, for their role guide: the backlog items assigned to them,
the checkpoints they attend, and the comments waiting for review in their services."""

from django.db.models import Count
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.feedback.models import Comment
from kuulo.organisation.access import services_with_role
from kuulo.organisation.models import Role
from kuulo.plans.models import Checkpoint
from kuulo.playbook.models import HelpRequest

OPEN_STATUSES = [BacklogItem.Status.IDEA, BacklogItem.Status.READY, BacklogItem.Status.IN_PROGRESS]


def my_items(user, limit: int = 10) -> list[BacklogItem]:
    return list(
        BacklogItem.objects.filter(assignee=user, status__in=OPEN_STATUSES)
        .select_related("service")
        .order_by("service_id", "rank", "pk")[:limit]
    )


def my_checkpoints(user, limit: int = 5) -> list[Checkpoint]:
    return list(
        Checkpoint.objects.filter(attendees=user, starts_at__gte=timezone.now())
        .select_related("plan")
        .order_by("starts_at")[:limit]
    )


def my_reviews(user) -> list[dict]:
    """Per service where the user works (team member or more): comments not yet reviewed."""
    services = services_with_role(user, Role.TEAM_MEMBER)
    rows = (
        Comment.objects.filter(service__in=services, review__isnull=True)
        .values("service_id")
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    names = {service.pk: service for service in services.filter(pk__in=[row["service_id"] for row in rows])}
    return [{"service": names[row["service_id"]], "count": row["count"]} for row in rows if row["service_id"] in names]


def my_help_requests(user) -> int:
    return HelpRequest.objects.filter(partner=user, status=HelpRequest.Status.OPEN).count()
