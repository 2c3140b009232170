from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from kuulo.feedback import import_layouts, import_setup, imports
from kuulo.lib import jsonbody
from kuulo.lib.exports import csv_writer
from kuulo.organisation.models import Service
from kuulo.surveys.models import Survey

MAPPING_LIMIT = 1024 * 1024

HELP = """Imports a CSV or XLSX file of responses, as another survey tool exported it.

  import_responses FILE --service SLUG [--survey ID] [--format auto|touchpoints|formbricks|
                   webropol|qualtrics|msforms|googleforms] [--mapping NAME|FILE.json]
                   [--time-zone TZ] [--errors FILE.csv] [--dry-run]

With --format auto (the default) the file's layout is recognised from its
header (GSA Touchpoints, Formbricks, Webropol, Qualtrics, Microsoft Forms,
Google Forms); response ids, answer times and languages come from the columns
that tool writes, and question columns are matched to metrics by their text in
Finnish, Swedish or English. The survey is --survey, or the one a saved
mapping belongs to, or the service's survey whose questions the file matches
best; when none has them, an import survey of the recognised metrics is
created for the service. The mapping used is printed: check it, and save a
corrected one with the import page or give it as a file.

--mapping NAME uses a mapping saved on the import page (for next month's
export of the same tool); --mapping FILE.json reads this format:

  {
    "columns": {
      "<column name>": "metric:csat",           single-item metric by code
      "<column name>": "metric:umux_lite:1",    item 1 of a multi-item metric
      "<column name>": "open:<question id>",    an open question
      "<column name>": "response_id" | "responded_at" | "language" | "service"
                       | "channel" | "customer_group" | "touchpoint"
    },
    "labels": {"<column name>": {"Erittäin tyytyväinen": 5, "Ei kokemusta": null}},
    "values": {"<channel, group, touchpoint or service column>": {"Puhelin": "phone"}},
    "defaults": {"language": "fi", "channel": "web", "time_zone": "Europe/Helsinki",
                 "label_languages": ["fi", "sv"]}
  }

Columns not named are ignored; columns the file lacks are left out while the
mapping still maps a question. Cells of metric columns may be numbers or the
metric's own scale labels in "label_languages" (default: the survey's
languages; a label of several values is a row error); "labels" adds texts per
column, null meaning "no answer" (the question is skipped, the rest of the row
kept). "En osaa sanoa", "Vet ej", "N/A" and "Don't know" are no answer unless
mapped otherwise. A language column may hold codes, names or web addresses
(/fi/..., ?lang=sv). Channel, customer group and touchpoint values are mapped
with "values", else matched to Kuulo's codes and names in any language; an
unknown value gets the default and is reported as a warning. A "service"
column lets one file hold several services: rows of other services than
--service are skipped and counted. Times without a zone are read in
--time-zone (else the zone the tool states, else the server's).

Rows are stored in chunks of 2,000, each in one transaction, validated like
any other response. Importing the same file again adds nothing. Blank rows and
respondents who answered nothing are skipped; rows with errors are rejected
and listed with the number a spreadsheet shows. The command exits non-zero
only when it cannot read the file or find anything in it to import."""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "paths", nargs="+", metavar="FILE", help="A .csv or .xlsx file (the form SURVEY_ID FILE also works)."
        )
        parser.add_argument("--service", default="", help="The slug of the service the responses belong to.")
        parser.add_argument("--survey", type=int, help="The id of the survey to import into.")
        parser.add_argument(
            "--format",
            default=import_layouts.AUTO,
            choices=[code for code, _name in import_layouts.FORMAT_CHOICES],
            help="The tool that wrote the file (default: recognise it).",
        )
        parser.add_argument("--mapping", default="", help="A saved mapping's name or a mapping JSON file.")
        parser.add_argument(
            "--time-zone",
            default="",
            help="The IANA zone of times written without one, e.g. Europe/Helsinki (default: the server's zone).",
        )
        parser.add_argument("--errors", type=Path, help="Write each rejected row's number and reason to this CSV.")
        parser.add_argument("--dry-run", action="store_true", help="Read and check everything, store nothing.")
        parser.add_argument("--chunk", type=int, default=imports.CHUNK, help="Rows per transaction.")
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")

    def handle(self, *args, paths: list[str], chunk: int, no_progress: bool, **options):
        survey_id, file = _survey_and_file(paths, options.get("survey"))
        survey = None
        if survey_id is not None:
            survey = Survey.objects.select_related("service").filter(pk=survey_id).first()
            if survey is None:
                raise CommandError(f"No survey has the id {survey_id}.")
        service = _service(options.get("service") or "", survey)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        mapping_name, mapping_data = options.get("mapping") or "", None
        try:
            table = imports.read_table(file)
            if mapping_name and (mapping_name.endswith(".json") or Path(mapping_name).is_file()):
                mapping_data = jsonbody.parse(Path(mapping_name).read_bytes(), limit=MAPPING_LIMIT)
                mapping_name = ""
            plan = import_setup.plan(
                service,
                table,
                survey=survey,
                format_code=options.get("format") or import_layouts.AUTO,
                mapping_name=mapping_name,
                mapping_data=mapping_data,
            )
            if plan is not None and options.get("time_zone"):
                plan.mapping.time_zone = imports.valid_zone(options["time_zone"])
        except (OSError, ValueError, imports.ImportFileError) as error:
            raise CommandError(str(error)) from error
        if plan is None:
            raise CommandError(
                "No column of the file reads as a question of the metric library. "
                f"Its columns: {', '.join(table.headers)}. Give a mapping with --mapping."
            )
        self._describe(plan, table)
        dry_run = options.get("dry_run", False)
        total = None if no_progress else _count_rows(file)
        with tqdm(total=total, unit="rows", disable=no_progress, file=self.stderr._out) as bar:
            result = imports.run(plan.version, table, plan.mapping, store=not dry_run, chunk=chunk, progress=bar.update)
        self._report(result, options.get("errors"), dry_run)

    def _describe(self, plan: import_setup.Plan, table: imports.Table) -> None:
        survey = plan.version.survey
        if plan.layout:
            self.stdout.write(f"Format: {plan.layout.name}")
        if plan.created_survey:
            self.stdout.write(f'Created survey {survey.pk} "{survey.name}" with a file import collection point.')
        self.stdout.write(f'Survey {survey.pk} "{survey.name}", version {plan.version.number}')
        if plan.saved:
            self.stdout.write(f'Mapping: saved mapping "{plan.saved.name}"')
        for index, target in sorted(plan.mapping.columns.items()):
            if target != imports.IGNORE:
                self.stdout.write(f"  {table.headers[index]!r} -> {target}")

    def _report(self, result: imports.ImportResult, errors_file: Path | None, dry_run: bool) -> None:
        for error in result.errors:
            self.stdout.write(f"Row {error.row}: {error.field}: {error.message}")
        for warning in result.warnings:
            self.stdout.write(f"Warning: {warning.message}")
        if errors_file:
            with open(errors_file, "w", newline="", encoding="utf-8") as handle:
                writer = csv_writer(handle)
                writer.writerow(["row", "field", "reason"])
                for error in result.errors:
                    writer.writerow([error.row, error.field, error.message])
        other = f", for another service {result.other_service}" if result.other_service else ""
        counts = (
            f"created {result.created}, already imported {result.duplicates}, "
            f"skipped {result.skipped}{other}, rejected {result.rejected}."
        )
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"Dry run, nothing stored: would have {counts}"))
        else:
            self.stdout.write(self.style.SUCCESS(counts[0].upper() + counts[1:]))


def _survey_and_file(paths: list[str], survey_option: int | None) -> tuple[int | None, Path]:
    """(survey id, file) from `FILE` or the older `SURVEY_ID FILE`."""
    if len(paths) == 2 and paths[0].isdigit():
        return int(paths[0]), Path(paths[1])
    if len(paths) != 1:
        raise CommandError("Give one file: import_responses FILE --service SLUG [...]")
    return survey_option, Path(paths[0])


def _service(slug: str, survey: Survey | None) -> Service:
    if survey is not None:
        if slug and survey.service.slug != slug:
            raise CommandError(f"Survey {survey.pk} belongs to service {survey.service.slug!r}, not {slug!r}.")
        return survey.service
    if not slug:
        raise CommandError("Give the service with --service SLUG (or the survey with --survey ID).")
    service = Service.objects.filter(slug=slug).first()
    if service is None:
        raise CommandError(f"No service has the slug {slug!r}.")
    return service


def _count_rows(file: Path) -> int | None:
    try:
        return sum(1 for _row in imports.read_table(file).rows)
    except imports.ImportFileError:
        return None
