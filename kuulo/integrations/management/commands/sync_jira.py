from django.core.management.base import BaseCommand

from kuulo.integrations.jira import error_text
from kuulo.integrations.models import JiraConfig
from kuulo.integrations.sync import sync_service


class Command(BaseCommand):
    help = "Reads the status of every linked Jira issue into the backlog (services with Jira in use)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--service", type=int, help="Only this service (id).")

    def handle(self, *args, service: int | None = None, **options) -> None:
        configs = JiraConfig.objects.filter(enabled=True).select_related("service")
        if service:
            configs = configs.filter(service_id=service)
        for config in configs:
            result = sync_service(config)
            if result.error:
                self.stderr.write(f"{config.service}: {error_text(result.error)}")
                continue
            self.stdout.write(
                f"{config.service}: {result.checked} issues checked, {len(result.moved)} items moved, "
                f"{len(result.pushed)} sent to Jira again, {len(result.missing)} missing in Jira."
            )
