"""Triggers: an item assigned to someone, new actions from a retrospective.

They listen to the backlog's own writes (BacklogItem created, ItemChange of
the assignee) so the backlog's actions need no change.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse

from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.notifications.actions import notify
from kuulo.organisation.models import Membership, Role


def _assigned(item: BacklogItem, by) -> None:
    assignee = item.assignee
    if assignee is None or (by is not None and by.pk == assignee.pk):
        return
    notify(
        assignee,
        "item_assigned",
        reverse("backlog:item_detail", args=[item.service_id, item.pk]),
        title=item.title,
        service=str(item.service),
    )


@receiver(post_save, sender=BacklogItem, dispatch_uid="notifications_item_created")
def item_created(sender, instance: BacklogItem, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    if instance.assignee_id:
        _assigned(instance, instance.created_by)
    if instance.retro_id:
        retro = instance.retro
        members = Membership.objects.filter(
            service_id=instance.service_id, role__in=[Role.TEAM_MEMBER, Role.PRODUCT_OWNER]
        ).select_related("user")
        url = reverse("backlog:retro_detail", args=[instance.service_id, retro.pk])
        for membership in members:
            if membership.user_id == instance.created_by_id:
                continue
            notify(
                membership.user,
                "retro_action_created",
                url,
                key=f"retro:{retro.pk}",
                date=retro.held_on.isoformat(),
                service=str(instance.service),
            )


@receiver(post_save, sender=ItemChange, dispatch_uid="notifications_item_assigned")
def assignee_changed(sender, instance: ItemChange, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw or instance.field != "assignee" or not instance.new:
        return
    item_id, by = instance.item_id, instance.changed_by

    def after_save() -> None:
        # update_item records the change before it saves the item: read the item once it is saved.
        item = BacklogItem.objects.select_related("assignee", "service").filter(pk=item_id).first()
        if item is not None:
            _assigned(item, by)

    transaction.on_commit(after_save)
