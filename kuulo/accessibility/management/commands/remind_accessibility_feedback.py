from django.core.management.base import BaseCommand

from kuulo.accessibility.actions import remind_due


class Command(BaseCommand):
    help = "Reminds organisation admins of accessibility feedback due within three days or overdue (safe to run again)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Accessibility feedback reminders made: {remind_due()}.")
