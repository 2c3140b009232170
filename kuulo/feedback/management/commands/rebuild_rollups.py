from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kuulo.feedback import rollups
from kuulo.feedback.models import DailyAggregate, DailyResponseCount, DailyTotal, MonthlyTotal, Response


class Command(BaseCommand):
    help = (
        "Rebuilds the rollups (daily aggregates, their daily and monthly totals and the response counts) from the raw "
        "answers, or with --check only compares them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare only; exit 1 when they differ.")

    def handle(self, *args, check: bool = False, **options) -> None:
        accepted = Response.objects.filter(status=Response.Status.ACCEPTED)
        expected = rollups.counts_from_answers(accepted)
        expected_responses = rollups.response_counts(accepted)
        if not check:
            with transaction.atomic():
                for model in (DailyAggregate, DailyTotal, MonthlyTotal, DailyResponseCount):
                    model.objects.all().delete()
                rollups.add(expected, responses=expected_responses)
            self.stdout.write(f"Rebuilt {len(expected)} rollup cells from {accepted.count()} responses.")
        problems = [
            ("rollup cells", expected, rollups.stored_counts()),
            ("total cells", rollups.totals_of(expected), rollups.stored_totals()),
            ("monthly total cells", rollups.monthly_of(rollups.totals_of(expected)), rollups.stored_monthly()),
            ("response counts", expected_responses, rollups.stored_response_counts()),
        ]
        differing = [
            f"{len(bad)} {name}"
            for name, wanted, stored in problems
            if (bad := {key for key in wanted.keys() | stored.keys() if wanted.get(key, 0) != stored.get(key, 0)})
        ]
        if differing:
            raise CommandError(f"{', '.join(differing)} differ from the raw answers.")
        self.stdout.write(self.style.SUCCESS(f"Rollups match the raw answers ({sum(expected.values())} answers)."))
