"""The notifications a backlog change sends: an item assigned to someone, and actions from a
retrospective. The backlog's actions call these explicitly, after the change is saved."""

from django.db import transaction
from django.urls import reverse

from kuulo.backlog.models import BacklogItem
from kuulo.notifications.actions import notify
from kuulo.organisation.access import roles_from
from kuulo.organisation.models import Membership, Role


def item_assigned(item: BacklogItem, by) -> None:
    """Tells the assignee, unless they assigned it themselves."""
    assignee = item.assignee
    if assignee is None or (by is not None and by.pk == assignee.pk):
        return
    url = reverse("backlog:item_detail", args=[item.service_id, item.pk])
    notify(assignee, "item_assigned", url, title=item.title, service=str(item.service))


def assignee_changed(item: BacklogItem, by) -> None:
    """Tells the new assignee once the change is committed (an edit saves more than the assignee)."""
    item_id = item.pk

    def after_commit() -> None:
        saved = BacklogItem.objects.select_related("assignee", "service").filter(pk=item_id).first()
        if saved is not None:
            item_assigned(saved, by)

    transaction.on_commit(after_commit)


def item_created(item: BacklogItem, by) -> None:
    if item.assignee_id:
        item_assigned(item, by)
    if item.retro_id:
        retro_action_created(item, by)


def retro_action_created(item: BacklogItem, by) -> None:
    """Tells the service's team that a retrospective added an action (one notice per retrospective)."""
    retro = item.retro
    url = reverse("board:retro_detail", args=[item.service_id, retro.pk])
    members = Membership.objects.filter(
        service_id=item.service_id, role__in=roles_from(Role.TEAM_MEMBER)
    ).select_related("user")
    for membership in members:
        if by is not None and membership.user_id == by.pk:
            continue
        notify(
            membership.user,
            "retro_action_created",
            url,
            key=f"retro:{retro.pk}",
            date=retro.held_on.isoformat(),
            service=str(item.service),
        )
