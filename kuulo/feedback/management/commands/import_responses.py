from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from kuulo.feedback import imports
from kuulo.lib import jsonbody
from kuulo.lib.exports import csv_writer
from kuulo.surveys.models import Survey

MAPPING_LIMIT = 1024 * 1024

HELP = """Imports a CSV or XLSX file of responses to the live version of a survey.

Rows are stored in chunks of 2,000, each in one transaction; every row is
validated like any other response and rows with errors are counted and left
out. Importing the same file again adds nothing: a row's key is its response
id when a column is mapped to response_id, else a hash of the row.

The mapping file is JSON:

  {
    "columns": {
      "<column name>": "metric:csat",           single-item metric by code
      "<column name>": "metric:umux_lite:1",    item 1 of a multi-item metric
      "<column name>": "open:<question id>",    an open question
      "<column name>": "response_id" | "responded_at" | "language"
                       | "channel" | "customer_group" | "touchpoint"
    },
    "labels": {"<column name>": {"Erittäin tyytyväinen": 5, "Ei kokemusta": null}},
    "defaults": {"language": "fi", "channel": "web", "time_zone": "Europe/Helsinki",
                 "label_languages": ["fi", "sv"]}
  }

Columns not named are ignored. Cells of metric columns may be numbers or the
metric's own scale labels in "label_languages" (default: the survey's languages;
matched without regard to case; a label of several values is a row error);
"labels" adds or overrides texts per column, null meaning "no answer" (the
question is skipped, the rest of the row kept). "En osaa sanoa", "Vet ej", "N/A"
and "Don't know" are no answer unless mapped otherwise. Times without a
time zone are read in "defaults": {"time_zone": "Europe/Helsinki"} or --time-zone
(else the server's zone). Blank rows and respondents who answered nothing are
skipped; rows with errors are rejected and listed with the number a spreadsheet
shows. The command exits non-zero only when the file cannot be read. Run with a wrong mapping to see the
file's columns and the valid targets."""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser) -> None:
        parser.add_argument("survey_id", type=int)
        parser.add_argument("file", type=Path, help="A .csv or .xlsx file.")
        parser.add_argument("--mapping", type=Path, required=True, help="The mapping JSON file (see above).")
        parser.add_argument(
            "--time-zone",
            default="",
            help="The IANA zone of times written without one, e.g. Europe/Helsinki (default: the server's zone).",
        )
        parser.add_argument("--errors", type=Path, help="Write each rejected row's number and reason to this CSV.")
        parser.add_argument("--chunk", type=int, default=imports.CHUNK, help="Rows per transaction.")
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")

    def handle(self, *args, survey_id: int, file: Path, mapping: Path, chunk: int, no_progress: bool, **options):
        time_zone, errors_file = options.get("time_zone") or "", options.get("errors")
        survey = Survey.objects.filter(pk=survey_id).first()
        if survey is None:
            raise CommandError(f"No survey has the id {survey_id}.")
        version = survey.live_version()
        if version is None:
            raise CommandError("The survey has no published version.")
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            table = imports.read_table(file)
            rules = imports.Mapping.from_json(
                jsonbody.parse(mapping.read_bytes(), limit=MAPPING_LIMIT), table.headers, version
            )
            if time_zone:
                rules.time_zone = imports.valid_zone(time_zone)
        except (OSError, ValueError, imports.ImportFileError) as error:
            raise CommandError(str(error)) from error
        total = _count_rows(file) if not no_progress else None
        with tqdm(total=total, unit="rows", disable=no_progress, file=self.stderr._out) as bar:
            result = imports.import_rows(version, table, rules, chunk=chunk, progress=bar.update)
        for error in result.errors:
            self.stdout.write(f"Row {error.row}: {error.field}: {error.message}")
        if errors_file:
            with open(errors_file, "w", newline="", encoding="utf-8") as handle:
                writer = csv_writer(handle)
                writer.writerow(["row", "field", "reason"])
                for error in result.errors:
                    writer.writerow([error.row, error.field, error.message])
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {result.created}, already imported {result.duplicates}, "
                f"skipped {result.skipped}, rejected {result.rejected}."
            )
        )


def _count_rows(file: Path) -> int | None:
    try:
        return sum(1 for _row in imports.read_table(file).rows)
    except imports.ImportFileError:
        return None
