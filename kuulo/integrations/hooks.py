"""The integration's side of kuulo.backlog.hooks: a status changed in Kuulo goes to Jira."""

from django.db import transaction

from kuulo.integrations.models import JiraLink
from kuulo.integrations.tasks import push_jira_status


def push_status_change(item, origin: str) -> None:
    """Sends the item's new status to its Jira issue after commit, unless the change came from Jira."""
    if origin == "jira":
        return
    link_id = (
        JiraLink.objects.filter(item_id=item.pk, item__service__jira_config__enabled=True)
        .values_list("pk", flat=True)
        .first()
    )
    if link_id is not None:
        transaction.on_commit(lambda: push_jira_status.enqueue(link_id))
