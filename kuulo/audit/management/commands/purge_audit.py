from django.core.management.base import BaseCommand

from kuulo.audit.log import purge


class Command(BaseCommand):
    help = "Deletes audit entries older than KUULO_AUDIT_RETENTION_DAYS and records how many (run daily)."

    def handle(self, *args, **options) -> None:
        deleted = purge()
        self.stdout.write(f"Purged {deleted} audit entries.")
