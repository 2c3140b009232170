from django.core.management.base import BaseCommand

from kuulo.selfassessment.importing import load_builtin


class Command(BaseCommand):
    help = "Store or update the self-assessment frameworks shipped with Kuulo (CAF 2020, digital service quality)."

    def handle(self, *args, **options):
        codes = load_builtin()
        self.stdout.write(f"Frameworks up to date: {', '.join(codes)}")
