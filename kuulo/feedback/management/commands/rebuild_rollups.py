from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kuulo.feedback import rollups
from kuulo.feedback.models import DailyAggregate, Response


class Command(BaseCommand):
    help = "Rebuilds the daily rollups from the raw answers, or with --check only compares them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare only; exit 1 when they differ.")

    def handle(self, *args, check: bool = False, **options) -> None:
        accepted = Response.objects.filter(status=Response.Status.ACCEPTED)
        expected = rollups.counts_from_answers(accepted)
        if not check:
            with transaction.atomic():
                DailyAggregate.objects.all().delete()
                rollups.add(expected)
            self.stdout.write(f"Rebuilt {len(expected)} rollup cells from {accepted.count()} responses.")
        stored = rollups.stored_counts()
        differing = {key for key in expected.keys() | stored.keys() if expected.get(key, 0) != stored.get(key, 0)}
        if differing:
            raise CommandError(f"{len(differing)} rollup cells differ from the raw answers.")
        self.stdout.write(self.style.SUCCESS(f"Rollups match the raw answers ({sum(expected.values())} answers)."))
