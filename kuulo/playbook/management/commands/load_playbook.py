from django.core.management.base import BaseCommand

from kuulo.playbook.pack import import_pack, shipped_pack


class Command(BaseCommand):
    help = "Adds the playbook cards, glossary terms and role guides shipped with Kuulo that are missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace", action="store_true", help="Also overwrite existing ones (a card gets a new version)."
        )

    def handle(self, *args, **options):
        counts = import_pack(shipped_pack(), replace=options["replace"])
        self.stdout.write(f"Playbook: {counts['added']} added, {counts['updated']} updated, {counts['skipped']} kept.")
