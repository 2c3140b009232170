"""Status changes made in Kuulo go to Jira; those that came from Jira do not go back."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from kuulo.backlog.models import ItemChange
from kuulo.integrations.models import JiraLink
from kuulo.integrations.sync import JIRA_USERNAME


@receiver(post_save, sender=ItemChange, dispatch_uid="integrations_push_status")
def push_status_change(sender, instance: ItemChange, created: bool, **kwargs) -> None:
    if not created or instance.field != "status":
        return
    if instance.changed_by is not None and instance.changed_by.username == JIRA_USERNAME:
        return
    link_id = (
        JiraLink.objects.filter(item_id=instance.item_id, item__service__jira_config__enabled=True)
        .values_list("pk", flat=True)
        .first()
    )
    if link_id is None:
        return
    from kuulo.integrations.tasks import push_jira_status

    transaction.on_commit(lambda: push_jira_status.enqueue(link_id))
