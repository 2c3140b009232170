from kuulo.integrations.models import JiraConfig
from kuulo.lib.secrets import encrypt


def service_with_jira(service) -> list:
    """The persona service with a saved (not in use) Jira connection, so the page shows its facts and buttons."""
    JiraConfig.objects.get_or_create(
        service=service,
        defaults={
            "base_url": "https://example.atlassian.net",
            "project_key": "KUU",
            "email": "jira@example.org",
            "api_token_encrypted": encrypt("secret-token-value"),
        },
    )
    return [service.pk]
