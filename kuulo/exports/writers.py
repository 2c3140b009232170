"""The rows of each kind of export, and the two file formats they are written in.

Rows come from kuulo.api.feeds, page by page, the same functions the read API
serves; a file is written as the pages arrive, so memory stays flat however
many rows there are. Column names are stable codes (as in the API), not
translated labels, so a BI tool's import keeps working whatever language the
person who exported spoke.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kuulo.api import feeds
from kuulo.feedback.models import DailyAggregate
from kuulo.lib.exports import csv_writer
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service
from kuulo.surveys.models import Question

CHUNK = 2000
XLSX_MAX_ROWS = 1_048_576  # a worksheet's limit, header included; more rows go on to another sheet


@dataclass
class Table:
    header: list[str]
    rows: Iterator[list]
    total: int


def filters_of(job_filters: dict) -> feeds.Filters:
    return feeds.Filters(
        start=date.fromisoformat(job_filters["start"]),
        end=date.fromisoformat(job_filters["end"]),
        channel=job_filters.get("channel", ""),
        language=job_filters.get("language", ""),
        sentiment=job_filters.get("sentiment", ""),
        theme=job_filters.get("theme"),
    )


def local(moment, zone=None) -> str:
    return moment.astimezone(zone or timezone.get_current_timezone()).isoformat(timespec="seconds") if moment else ""


def metric_label(metric: Metric) -> str:
    return metric.code if metric.version == 1 else f"{metric.code}_v{metric.version}"


# Responses: one row per response, one column per metric (and item), the comments


def responses_table(service_ids: list[int], filters: feeds.Filters) -> Table:
    metric_ids = (
        Question.objects.filter(kind=Question.Kind.METRIC, version__survey__service_id__in=service_ids)
        .values_list("metric_id", flat=True)
        .distinct()
    )
    metrics = sorted(Metric.objects.filter(pk__in=list(metric_ids)), key=lambda m: (m.code, m.version))
    columns: list[tuple[int, int]] = []  # (metric id, item) per answer column
    header = [
        "response_id",
        "responded_at",
        "service",
        "channel",
        "language",
        "customer_group",
        "touchpoint",
        "survey_version",
    ]
    for metric in metrics:
        for item in range(metric.item_count):
            columns.append((metric.pk, item))
            header.append(metric_label(metric) if metric.item_count == 1 else f"{metric_label(metric)}_{item + 1}")
    header += ["comment", "comment_language", "comment_sentiment"]
    position = {column: index for index, column in enumerate(columns)}
    slugs = dict(Service.objects.filter(pk__in=service_ids).values_list("pk", "slug"))
    total = feeds.accepted_responses(service_ids, filters).count()

    def rows() -> Iterator[list]:
        zone = timezone.get_current_timezone()
        for response in feeds.walk(feeds.responses_page, service_ids, filters, size=CHUNK):
            values: list = [""] * len(columns)
            for metric_id, item, value in response.answers:
                if (metric_id, item) in position:
                    values[position[(metric_id, item)]] = value
            comments = response.comments
            yield [
                response.id,
                local(response.responded_at, zone),
                slugs.get(response.service_id, ""),
                response.channel,
                response.language,
                response.customer_group,
                response.touchpoint,
                response.survey_version_id,
                *values,
                "\n\n".join(comment["text"] for comment in comments),
                " ".join(comment["detected_language"] or comment["language"] for comment in comments),
                " ".join(comment["sentiment"] for comment in comments if comment["sentiment"]),
            ]

    return Table(header, rows(), total)


# Daily scores: the same rows as /api/v1/scores/daily


def daily_table(service_ids: list[int], filters: feeds.Filters) -> Table:
    header = ["day", "service", "service_name", "metric", "metric_version", "n", "score", "ci_low", "ci_high"]
    header += ["suppressed"]
    metrics_by_id = {metric.pk: metric for metric in Metric.objects.all()}
    services = Service.objects.in_bulk(service_ids)
    cells = DailyAggregate.objects.filter(
        service_id__in=service_ids, day__gte=filters.start, day__lte=filters.end, **filters.segment()
    )
    total = cells.values("day", "service_id", "metric_id").distinct().count()

    def rows() -> Iterator[list]:
        for group in feeds.scored_rollups(service_ids, metrics_by_id, filters):
            service, score = services[group.service_id], group.score
            yield [
                group.bucket.isoformat(),
                service.slug,
                service.name,
                group.metric.code,
                group.metric.version,
                score.n,
                _figure(score.value),
                _figure(score.ci_low),
                _figure(score.ci_high),
                "true" if score.suppressed else "false",
            ]

    return Table(header, rows(), total)


def _figure(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)


# Comments with their themes, sentiment and language


def comments_table(service_ids: list[int], filters: feeds.Filters) -> Table:
    header = ["comment_id", "response_id", "responded_at", "service", "channel", "language"]
    header += ["detected_language", "sentiment", "score", "themes", "insights", "text"]
    slugs = dict(Service.objects.filter(pk__in=service_ids).values_list("pk", "slug"))
    total = feeds.accepted_comments(service_ids, filters).count()

    def rows() -> Iterator[list]:
        for comment in feeds.walk(feeds.comments_page, service_ids, filters, size=CHUNK):
            yield [
                comment.id,
                comment.response_id,
                local(comment.responded_at),
                slugs.get(comment.service_id, ""),
                comment.channel,
                comment.language,
                comment.detected_language,
                comment.sentiment,
                "" if comment.score is None else comment.score,
                "; ".join(name for _id, name in comment.themes),
                " ".join(str(pk) for pk in comment.insight_ids),
                comment.text,
            ]

    return Table(header, rows(), total)


TABLES: dict[str, Callable[[list[int], feeds.Filters], Table]] = {
    "responses": responses_table,
    "daily": daily_table,
    "comments": comments_table,
}


# File formats


def write_csv(path: Path, table: Table, progress: Callable[[int], None]) -> int:
    """UTF-8 with a byte-order mark, so Excel opens ä and å right; Power BI reads it as well."""
    written = 0
    with path.open("w", newline="", encoding="utf-8-sig") as file:
        writer = csv_writer(file)
        writer.writerow(table.header)
        for row in table.rows:
            writer.writerow(row)
            written += 1
            if written % CHUNK == 0:
                progress(written)
    return written


def write_xlsx(path: Path, table: Table, progress: Callable[[int], None]) -> int:
    """openpyxl's write-only mode streams rows to disk; a sheet holds at most about a million rows."""
    workbook = Workbook(write_only=True)
    sheet, sheet_rows, sheets, written = None, XLSX_MAX_ROWS, 0, 0
    for row in table.rows:
        if sheet_rows >= XLSX_MAX_ROWS:
            sheets += 1
            sheet = workbook.create_sheet(title="kuulo" if sheets == 1 else f"kuulo {sheets}")
            sheet.append(table.header)
            sheet_rows = 1
        sheet.append([_xlsx_cell(sheet, value) for value in row])
        sheet_rows += 1
        written += 1
        if written % CHUNK == 0:
            progress(written)
    if sheet is None:
        workbook.create_sheet(title="kuulo").append(table.header)
    workbook.save(path)
    return written


def _xlsx_cell(sheet, value):
    """Numbers go in as they are; text loses the control characters XLSX cannot hold, and
    text beginning with "=" is typed as text so that it is never a formula. (Other text,
    whatever it begins with, is stored as a string cell, which a spreadsheet never runs.)"""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


WRITERS: dict[str, Callable[[Path, Table, Callable[[int], None]], int]] = {"csv": write_csv, "xlsx": write_xlsx}


def table_for(kind: str, service_ids: list[int], job_filters: dict) -> Table:
    return TABLES[kind](service_ids, filters_of(job_filters))
