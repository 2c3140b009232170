"""Reading the answer times that other survey tools write into their exports.

Accepted: ISO 8601 with or without `T`, with `Z` or an offset (`+02:00`, `+0200`);
a `UTC`/`GMT` suffix with or without an offset (GSA Touchpoints writes
`2025-01-01 06:21:05 UTC`, Formbricks `2026-10-31 00:17:29 GMT+2`); Finnish
`d.m.yyyy H:mm[:ss]` and `d.m.yyyy H.mm[.ss]` (Excel and Google Sheets in a Finnish
locale); `yyyy-mm-dd`; `dd/mm/yyyy`; 12-hour times with AM/PM (Google Forms writes
`2025/01/31 10:15:03 AM GMT+2`); Excel serial day numbers
(`45658.2645`) and the datetimes of real XLSX date cells. A time without a zone is
read in the zone the importer is given.
"""

import re
from datetime import UTC, datetime, timedelta, tzinfo
from datetime import timezone as dt_timezone

FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H.%M.%S",
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y klo %H.%M",
    "%Y/%m/%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M:%S %p",
    "%d.%m.%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M:%S %p",  # with AM/PM a slashed date is the US order (Microsoft Forms in English)
    "%m/%d/%Y %I:%M %p",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
]
EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 1 is 1900-01-01 after Excel's leap-year bug
EXCEL_RANGE = (20000, 80000)  # 1954 to 2119: a bare number outside it is no date

_ZONE = re.compile(
    r"(?:\s*(?P<name>UTC|GMT|Z)(?![A-Za-z]))?\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)


def parse_moment(text: str, zone: tzinfo) -> datetime | None:
    """The aware datetime that `text` names, naive times read in `zone`; None when it is no time."""
    text = text.strip().lstrip("'").strip()
    if not text:
        return None
    serial = _excel_serial(text)
    if serial is not None:
        return serial.replace(tzinfo=zone) if serial.tzinfo is None else serial
    body, offset = _split_zone(text)
    moment = _naive(body)
    if moment is None:
        return None
    if moment.tzinfo is not None:
        return moment
    if offset is not None:
        return moment.replace(tzinfo=offset)
    return moment.replace(tzinfo=zone)  # zoneinfo zones: replace() picks the offset valid at that time


def _excel_serial(text: str) -> datetime | None:
    if not re.fullmatch(r"\d{5}(?:[.,]\d+)?", text):
        return None
    days = float(text.replace(",", "."))
    if not EXCEL_RANGE[0] <= days <= EXCEL_RANGE[1]:
        return None
    moment = EXCEL_EPOCH + timedelta(days=days)
    return moment.replace(microsecond=0) + timedelta(seconds=round(moment.microsecond / 1_000_000))


def _split_zone(text: str) -> tuple[str, tzinfo | None]:
    """The text without a trailing zone, and that zone (None when there is none)."""
    match = _ZONE.search(text)
    if not match or not (match.group("name") or match.group("offset")):
        return text, None
    body = text[: match.start()].strip()
    offset = match.group("offset")
    # a bare offset must follow a time (`10:00+02:00`), not be part of a date (`2025-01-01`)
    if offset and not match.group("name") and not re.search(r"\d:\d{2}(?::\d{2}(?:\.\d+)?)?$", body):
        return text, None
    zone = _offset(offset) if offset else UTC
    if not body or zone is None:
        return text, None
    return body, zone


def _offset(text: str) -> tzinfo | None:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    if hours > 14 or minutes > 59:
        return None
    return dt_timezone(sign * timedelta(hours=hours, minutes=minutes))


def _naive(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for pattern in FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None
