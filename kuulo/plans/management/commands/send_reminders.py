from django.core.management.base import BaseCommand

from kuulo.plans.reminders import send_checkpoint_reminders


class Command(BaseCommand):
    help = "Reminds attendees of the checkpoints in the next two days (run daily; safe to run again)."

    def handle(self, *args, **options) -> None:
        made = send_checkpoint_reminders()
        self.stdout.write(f"Checkpoint reminders made: {made}.")
