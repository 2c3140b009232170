from django.core.management.base import BaseCommand

from kuulo.games.digest import send_digests


class Command(BaseCommand):
    help = "Sends the weekly digest of successes to those who asked for it, at most once a week each (a periodic job)."

    def handle(self, *args, **options):
        count = send_digests()
        self.stdout.write(f"Digests queued: {count}")
