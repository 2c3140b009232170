from django_tasks import task

from kuulo.integrations.models import JiraConfig, JiraLink
from kuulo.integrations.sync import push_status, sync_service


@task()
def sync_jira(service_id: int) -> dict:
    """Reads the statuses of a service's Jira issues into its backlog."""
    config = JiraConfig.objects.filter(service_id=service_id, enabled=True).first()
    if config is None:
        return {"checked": 0}
    result = sync_service(config)
    return {"checked": result.checked, "moved": result.moved, "pushed": result.pushed, "error": result.error}


@task()
def push_jira_status(link_id: int) -> bool:
    """Sends a status change made in Kuulo to the item's Jira issue."""
    link = JiraLink.objects.select_related("item__service__jira_config").filter(pk=link_id).first()
    if link is None:
        return False
    config = getattr(link.item.service, "jira_config", None)
    if config is None or not config.enabled:
        return False
    return push_status(link, config)
