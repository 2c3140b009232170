"""The one way Kuulo writes CSV: a csv.writer whose cells a spreadsheet never
runs as formulas, and a streamed response built on it, so a large export never
sits in memory.

Text that begins with =, +, -, @, a tab or a carriage return is what Excel and
LibreOffice may read as a formula (OWASP, "CSV injection"): such a cell is
written with a leading apostrophe, which the spreadsheet shows as text. Numbers
stay numbers: ints and floats are written as they are, and so is text that is
only a number, such as "-12.5". Every CSV Kuulo writes goes through
`csv_writer`; the XLSX files of exports/writers.py type text cells as text.
"""

import csv
import re
from collections.abc import Iterable

from django.http import StreamingHttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def defused(value):
    """The cell `value` as a spreadsheet should read it: text it would run as a formula
    gets a leading apostrophe; anything else is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class GuardedWriter:
    """csv.writer that defuses every cell it writes."""

    def __init__(self, file, **options):
        self._writer = csv.writer(file, **options)

    def writerow(self, row: Iterable):
        return self._writer.writerow([defused(value) for value in row])


def csv_writer(file, **options) -> GuardedWriter:
    return GuardedWriter(file, **options)


class _Echo:
    """A file-like object whose write returns the line, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    writer = csv_writer(_Echo())

    def lines():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
