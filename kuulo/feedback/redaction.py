"""Personal data out of free text, before anything is stored.

``redact`` replaces Finnish and Swedish personal identity codes, e-mail
addresses, Finnish and Swedish phone numbers and IBANs with language-neutral
placeholders: ``[ID]``, ``[EMAIL]``, ``[PHONE]``, ``[IBAN]``.

Identity codes and IBANs are only replaced when their checksum holds, so
that ordinary numbers survive: dates, amounts, invoice references, case
numbers, postal codes. Phone numbers have no checksum; they are recognised by
shape (a ``+358``/``+46``/``00358``/``0046`` prefix, or a leading 0 followed by
7–12 digits in all), and a few shapes that are clearly something else are let
through (dates like ``05-12-2024``, ID-shaped ``050390-1234``).

Known limits, on purpose: a bare ten-digit number that starts with 0 reads as
a phone number even if it was meant as something else; numbers spelled out in
words and e-mail addresses written as "matti at example dot fi" are not found.

This runs on every comment, so patterns are compiled once and a text without
digits or ``@`` returns at once.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from stdnum import iban, luhn
from stdnum.fi import hetu


class Kind(StrEnum):
    ID = "ID"
    EMAIL = "EMAIL"
    PHONE = "PHONE"
    IBAN = "IBAN"


@dataclass(frozen=True, slots=True)
class Match:
    kind: Kind
    start: int
    end: int

    @property
    def placeholder(self) -> str:
        return f"[{self.kind}]"


Span: TypeAlias = tuple[int, int]

# A number starts where no word, and no number with a joining mark (2024-, 12.),
# precedes it, and ends where no word or such a continuation follows. This
# keeps parts of dates, amounts and longer codes from being read on their own.
_START = r"(?<!\w)(?<!\d[.,:/+-])"
_END = r"(?!\w)(?![.,:/+-]\d)"

_MAYBE_PERSONAL = re.compile(r"[\d@]")

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@(?:[\w-]+\.)+[^\W\d_]{2,}(?![^\W\d_]|-)")

# Printed in groups of four ("FI21 1234 5600 0007 85") or compact.
_IBAN = re.compile(
    r"(?<!\w)[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ][A-Za-z0-9]{1,3})?)(?!\w)"
)

# ISO 13616 check digits run 02..98; python-stdnum also lets 00, 01 and 99
# through, which only pass mod 97 by aliasing 97, 98 and 02.
_IBAN_CHECK_DIGITS = re.compile(r"..(?:0[2-9]|[1-8]\d|9[0-8])")

# ddmmyy, century sign (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s),
# individual number, control character.
_HETU = re.compile(_START + r"\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]" + _END, re.IGNORECASE)

# (yy|yyyy)mmdd, optional separator, three-digit serial and Luhn digit.
_PERSONNUMMER = re.compile(_START + r"(?P<date>\d{8}|\d{6})[-+ ]?(?P<serial>\d{4})" + _END)

# A 0 right after another number and a space continues that number
# ("RF18 5390 0754 7034", "12345 06789", "FI00 0000 0046 …"); it does not
# start a phone number.
_PHONE_START = _START + r"(?<!\d )"
_PHONE_INTERNATIONAL = re.compile(
    _PHONE_START + r"(?:\+|00)(?P<country>358|46)(?:[ -]?\(0\))?[ -]?\d++(?:[ -]\d{2,}+)*+" + _END
)
_PHONE_DOMESTIC = re.compile(_PHONE_START + r"(?:\(0\d{1,3}\)[ ]?|0[1-9])\d*+(?:[ -]\d{2,}+)*+" + _END)

_DATE_SHAPED = re.compile(r"\d{1,2}([ -])\d{1,2}\1\d{2,4}")
_ID_SHAPED = re.compile(r"(?:\d{6}|\d{8})[-+ ]\d{4}")
_DIGIT = re.compile(r"\d")


# Detectors: each yields the spans it is sure of.


def _find_emails(text: str) -> Iterator[Span]:
    if "@" in text:
        for found in _EMAIL.finditer(text):
            yield found.span()


def _find_ibans(text: str) -> Iterator[Span]:
    """The longest run of groups that makes a valid IBAN.

    The pattern may take a following number as one more group
    ("SE45 5000 0000 0583 9825 7466 2024"), so shorter runs are tried before
    giving up.
    """
    for found in _IBAN.finditer(text):
        groups = found.group().split(" ")
        for size in range(len(groups), 0, -1):
            candidate = " ".join(groups[:size])
            if len(candidate) >= 15 and _IBAN_CHECK_DIGITS.match(candidate) and iban.is_valid(candidate):
                yield found.start(), found.start() + len(candidate)
                break


def _find_hetus(text: str) -> Iterator[Span]:
    # Temporary identifiers (individual number 900–999) belong to people too.
    for found in _HETU.finditer(text):
        if hetu.is_valid(found.group(), allow_temporary=True):
            yield found.span()


def _is_personnummer(date: str, serial: str) -> bool:
    """Checks the date and the Luhn digit; a day above 60 is a samordningsnummer.

    With a two-digit year the century is unknown; the date only has to exist
    in one of them (29 February 1900 did not, in 2000 it did).
    """
    if len(date) == 8 and date[:2] not in ("18", "19", "20"):
        return False
    years = [int(date[:4])] if len(date) == 8 else [1900 + int(date[:2]), 2000 + int(date[:2])]
    month, day = int(date[-4:-2]), int(date[-2:])
    if day > 60:
        day -= 60
    if not any(_is_date(year, month, day) for year in years):
        return False
    return luhn.is_valid(date[-6:] + serial)


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _find_personnummer(text: str) -> Iterator[Span]:
    for found in _PERSONNUMMER.finditer(text):
        if _is_personnummer(found.group("date"), found.group("serial")):
            yield found.span()


def _digit_count(text: str) -> int:
    return len(_DIGIT.findall(text))


def _trimmed(text: str, start: int, end: int, minimum: int, maximum: int, offset: int = 0) -> Span | None:
    """Drop trailing groups until the number has at most ``maximum`` digits.

    "Soita 040 123 4567 2 kertaa" would otherwise lose the count, and
    "040 123 4567 2024" the year. ``offset`` digits (the country code) do not
    count.
    """
    while _digit_count(text[start:end]) - offset > maximum:
        cut = max(text.rfind(" ", start, end), text.rfind("-", start, end))
        if cut <= start:
            return None
        end = cut
    if _digit_count(text[start:end]) - offset < minimum:
        return None
    return start, end


def _find_phones(text: str) -> Iterator[Span]:
    for found in _PHONE_INTERNATIONAL.finditer(text):
        offset = len(found.group("country")) + found.group().count("(0)")
        span = _trimmed(text, *found.span(), minimum=6, maximum=12, offset=offset)
        if span:
            yield span
    for found in _PHONE_DOMESTIC.finditer(text):
        if _DATE_SHAPED.fullmatch(found.group()) or _ID_SHAPED.fullmatch(found.group()):
            continue
        span = _trimmed(text, *found.span(), minimum=7, maximum=12)
        if span:
            yield span


# Earlier detectors win where matches overlap: an e-mail address may hold
# digits, an IBAN may hold a phone-shaped run.
_DETECTORS: tuple[tuple[Kind, Callable[[str], Iterator[Span]]], ...] = (
    (Kind.EMAIL, _find_emails),
    (Kind.IBAN, _find_ibans),
    (Kind.ID, _find_hetus),
    (Kind.ID, _find_personnummer),
    (Kind.PHONE, _find_phones),
)


def find_personal_data(text: str) -> list[Match]:
    """Personal data in ``text``, as non-overlapping matches in text order.

    One pass: an item glued to another (see ``redact``) shows up only once the
    first is replaced.
    """
    if not _MAYBE_PERSONAL.search(text):
        return []
    matches: list[Match] = []
    for kind, detector in _DETECTORS:
        for start, end in detector(text):
            if not any(start < other.end and other.start < end for other in matches):
                matches.append(Match(kind, start, end))
    return sorted(matches, key=lambda match: match.start)


def _redact_once(text: str) -> str:
    parts: list[str] = []
    position = 0
    for match in find_personal_data(text):
        parts += [text[position : match.start], match.placeholder]
        position = match.end
    parts.append(text[position:])
    return "".join(parts)


def redact(text: str) -> str:
    """``text`` with personal data replaced by ``[ID]``, ``[EMAIL]``, ``[PHONE]``, ``[IBAN]``.

    Replacing one item can expose another that was glued to it
    ("a@b.fi0401234567"), so this repeats until nothing changes; that makes
    ``redact`` idempotent. Every round removes digits or an ``@`` and the
    placeholders hold neither, so it ends; a plain comment takes one round.
    """
    while True:
        redacted = _redact_once(text)
        if redacted == text:
            return text
        text = redacted
