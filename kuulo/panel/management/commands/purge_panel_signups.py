from django.core.management.base import BaseCommand

from kuulo.panel.signup import purge_unconfirmed


class Command(BaseCommand):
    help = "Deletes panel sign-ups that were not confirmed within 7 days (run hourly by run_periodic)."

    def handle(self, *args, **options) -> None:
        deleted = purge_unconfirmed()
        self.stdout.write(f"Deleted {deleted} unconfirmed panel sign-ups.")
