"""The demo's Jira connection: configured for the housing allowance service but not in use,
so the settings page shows a believable set-up and nothing ever goes to the network."""

from kuulo.integrations.models import JiraConfig
from kuulo.organisation.models import Service

SERVICE = "housing-allowance-online"


def load_demo_jira() -> JiraConfig | None:
    service = Service.objects.filter(slug=SERVICE).first()
    if service is None:
        return None
    config, _ = JiraConfig.objects.get_or_create(
        service=service,
        defaults={
            "enabled": False,
            "base_url": "https://asumisvirasto.atlassian.net",
            "project_key": "ASU",
            "issue_type": "Task",
            "email": "owner@demo.kuulo.invalid",
        },
    )
    return config
