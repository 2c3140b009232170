from django.core.management.base import BaseCommand

from kuulo.exports.actions import purge_expired_exports


class Command(BaseCommand):
    help = "Deletes export files past their expiry (run daily from cron or beside the task worker)."

    def handle(self, *args, **options) -> None:
        deleted = purge_expired_exports()
        self.stdout.write(f"Deleted {deleted} expired exports.")
