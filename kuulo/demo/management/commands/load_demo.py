from django.core.management.base import BaseCommand

from kuulo.demo.organisation import DEMO_PASSWORD, LOGINS, load_organisation


class Command(BaseCommand):
    help = "Loads (or refreshes) the demo organisation. Safe to run again."

    def handle(self, *args, **options) -> None:
        load_organisation()
        self.stdout.write(self.style.SUCCESS("Demo organisation loaded: Permits and Housing Agency."))
        self.stdout.write("Log in at http://127.0.0.1:8000/ with one of these (password for all: %s):" % DEMO_PASSWORD)
        for username, role in LOGINS:
            self.stdout.write(f"  {username:<8} {role}")
