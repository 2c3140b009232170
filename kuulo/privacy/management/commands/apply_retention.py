from django.core.management.base import BaseCommand

from kuulo.privacy import retention


class Command(BaseCommand):
    help = "Deletes customers' comment text past the retention period, keeping its analysis (run daily)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only print what would be removed, per service.")

    def handle(self, *args, dry_run: bool, **options) -> None:
        limit = retention.cutoff()
        if limit is None:
            self.stdout.write("The retention policy keeps comment text; nothing to remove.")
            return
        rows = retention.report()
        verb = "Would remove" if dry_run else "Removing"
        self.stdout.write(f"{verb} the text of comments answered before {limit:%Y-%m-%d}:")
        for row in rows:
            self.stdout.write(f"  {row.service}: {row.comments} comments")
        total = sum(row.comments for row in rows)
        if dry_run:
            self.stdout.write(f"Would remove the text of {total} comments in all; nothing was changed.")
            return
        removed = retention.apply()
        self.stdout.write(f"Removed the text of {removed} comments; their analysis and counts stay.")
