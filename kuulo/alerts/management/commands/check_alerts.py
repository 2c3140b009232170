from django.core.management.base import BaseCommand

from kuulo.alerts.checks import check_alerts


class Command(BaseCommand):
    help = "Checks the alert subscriptions against the last complete week (run daily; safe to run again)."

    def handle(self, *args, **options) -> None:
        raised = check_alerts()
        self.stdout.write(f"Alerts raised: {raised}.")
