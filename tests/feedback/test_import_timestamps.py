"""The answer times other survey tools write are read as the moment they name."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuulo.feedback.timestamps import parse_moment

HELSINKI = ZoneInfo("Europe/Helsinki")
moments = st.datetimes(min_value=datetime(1960, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0)
)
offsets = st.integers(-12 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-01-01 06:21:05 UTC", datetime(2025, 1, 1, 6, 21, 5, tzinfo=UTC)),
        ("2026-10-31 00:17:29 GMT+2", datetime(2026, 10, 30, 22, 17, 29, tzinfo=UTC)),
        ("2026-10-31 00:17:29 GMT-05:30", datetime(2026, 10, 31, 5, 47, 29, tzinfo=UTC)),
        ("2025-03-04T10:00:00Z", datetime(2025, 3, 4, 10, tzinfo=UTC)),
        ("2025-03-04T12:00:00+02:00", datetime(2025, 3, 4, 10, tzinfo=UTC)),
        ("2025-03-04 12:00:00+0200", datetime(2025, 3, 4, 10, tzinfo=UTC)),
        ("2025-03-04 12:00:00.250 UTC", datetime(2025, 3, 4, 12, 0, 0, 250000, tzinfo=UTC)),
        ("4.3.2025 12:05", datetime(2025, 3, 4, 10, 5, tzinfo=UTC)),  # Helsinki winter time, UTC+2
        ("4.7.2025 12:05", datetime(2025, 7, 4, 9, 5, tzinfo=UTC)),  # summer time, UTC+3
        ("2025-03-04", datetime(2025, 3, 3, 22, tzinfo=UTC)),
        ("'2025-03-04 12:00", datetime(2025, 3, 4, 10, tzinfo=UTC)),
        ("45658.5", datetime(2025, 1, 1, 10, tzinfo=UTC)),  # Excel serial day: 2025-01-01 12:00 in Helsinki
        ("2025-01-01 12:00:00", datetime(2025, 1, 1, 10, tzinfo=UTC)),  # an XLSX date cell as the reader writes it
    ],
)
def test_every_form_that_survey_tools_write_is_read(text, expected):
    assert parse_moment(text, HELSINKI) == expected


@pytest.mark.parametrize("text", ["", "eilen", "2025-13-01", "32.1.2025", "12345", "2025-01-01 10:00 GMT+25", "1.5"])
def test_text_that_is_no_time_is_none(text):
    assert parse_moment(text, HELSINKI) is None


@given(moment=moments, offset=offsets, separator=st.sampled_from([" ", "T"]))
def test_any_iso_time_with_an_offset_is_that_moment(moment, offset, separator):
    aware = moment.replace(tzinfo=offset)
    assert parse_moment(aware.isoformat(sep=separator), HELSINKI) == aware


@given(moment=moments, suffix=st.sampled_from([" UTC", " GMT", "Z", " Z", " utc"]))
def test_any_time_marked_utc_is_read_as_utc(moment, suffix):
    assert parse_moment(moment.strftime("%Y-%m-%d %H:%M:%S") + suffix, HELSINKI) == moment.replace(tzinfo=UTC)


@given(moment=moments, hours=st.integers(-12, 14))
def test_any_formbricks_gmt_offset_is_read(moment, hours):
    text = moment.strftime("%Y-%m-%d %H:%M:%S") + f" GMT{hours:+d}"
    assert parse_moment(text, HELSINKI) == moment.replace(tzinfo=timezone(timedelta(hours=hours)))


@given(moment=moments, zone=st.sampled_from(["Europe/Helsinki", "America/New_York", "UTC", "Asia/Kolkata"]))
def test_a_finnish_date_without_a_zone_is_read_in_the_zone_given(moment, zone):
    text = f"{moment.day}.{moment.month}.{moment.year} {moment.hour}:{moment.minute:02d}"
    assert parse_moment(text, ZoneInfo(zone)) == moment.replace(second=0, tzinfo=ZoneInfo(zone))


@given(moment=moments.filter(lambda m: datetime(1955, 1, 1) < m < datetime(2118, 1, 1)))
def test_an_excel_serial_day_is_the_moment_excel_shows(moment):
    serial = (moment - datetime(1899, 12, 30)) / timedelta(days=1)
    assert parse_moment(repr(serial), UTC) == moment.replace(tzinfo=UTC)


@given(text=st.text(max_size=40))
def test_no_text_makes_the_parser_fail(text):
    result = parse_moment(text, HELSINKI)
    assert result is None or result.tzinfo is not None
