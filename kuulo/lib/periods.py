"""Periods of days, and the weeks or months a chart groups them into."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import formats
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))


def buckets(period: Period, grain: str) -> list[date]:
    """The first day of every week (Monday) or month that touches the period."""
    if grain == "week":
        first = period.start - timedelta(days=period.start.weekday())
        return [first + timedelta(weeks=n) for n in range((period.end - first).days // 7 + 1)]
    found, day = [], period.start.replace(day=1)
    while day <= period.end:
        found.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return found


def bucket_label(start: date, grain: str) -> str:
    if grain == "week":
        year, week, _weekday = start.isocalendar()
        return _("Week %(week)s, %(year)s") % {"week": week, "year": year}
    return formats.date_format(start, "YEAR_MONTH_FORMAT")
