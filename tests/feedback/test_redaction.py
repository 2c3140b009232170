"""Redaction of personal data from free text.

The generators compute every checksum themselves (hetu mod 31, Luhn, IBAN
mod 97, Finnish reference 7-3-1), independently of python-stdnum, so the tests
check the module against the standards rather than against itself.
"""

import datetime
import itertools
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kuulo.feedback.redaction import Kind, Match, find_personal_data, redact

HETU_CONTROL = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY_SIGNS = {1800: "+", 1900: "-YXWVU", 2000: "ABCDEF"}

SENTENCES = [
    "{}",
    "Hetuni on {}, tarkistakaa se.",
    "Mitt nummer är {}. Tack!",
    "My details ({}) were asked twice.",
    "Tiedot: {}",
    "{} – ring mig gärna.",
]


# Checksums, written from the standards


def luhn_digit(digits: str) -> str:
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def luhn_ok(digits: str) -> bool:
    return luhn_digit(digits[:-1]) == digits[-1]


def hetu_control(ddmmyy: str, individual: str) -> str:
    return HETU_CONTROL[int(ddmmyy + individual) % 31]


def hetu_ok(code: str) -> bool:
    found = re.fullmatch(r"(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})(.)", code.upper())
    if not found:
        return False
    day, month, year, sign, individual, control = found.groups()
    century = next(century for century, signs in CENTURY_SIGNS.items() if sign in signs)
    return (
        is_date(century + int(year), int(month), int(day))
        and int(individual) >= 2
        and hetu_control(day + month + year, individual) == control
    )


def personnummer_ok(code: str) -> bool:
    digits = re.sub(r"[-+ ]", "", code)
    if not re.fullmatch(r"\d{10}|\d{12}", digits):
        return False
    date, tail = digits[:-4], digits[-4:]
    day = int(date[-2:])
    day = day - 60 if day > 60 else day
    years = [int(date[:4])] if len(date) == 8 else [1900 + int(date[:2]), 2000 + int(date[:2])]
    return any(is_date(year, int(date[-4:-2]), day) for year in years) and luhn_ok(date[-6:] + tail)


def iban_check_digits(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = int("".join(str(int(char, 36)) for char in rearranged))
    return f"{98 - number % 97:02d}"


def reference_digit(base: str) -> str:
    weights = [7, 3, 1]
    total = sum(int(digit) * weights[position % 3] for position, digit in enumerate(reversed(base)))
    return str((10 - total % 10) % 10)


def is_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def grouped(text: str, size: int, from_right: bool = False) -> str:
    if from_right:
        return grouped(text[::-1], size)[::-1]
    return " ".join(text[index : index + size] for index in range(0, len(text), size))


# Generators of valid codes

dates = st.dates(datetime.date(1800, 1, 1), datetime.date(2099, 12, 31))


@st.composite
def valid_hetus(draw: st.DrawFn) -> str:
    born = draw(dates)
    sign = draw(st.sampled_from(CENTURY_SIGNS[born.year // 100 * 100]))
    ddmmyy = born.strftime("%d%m") + f"{born.year % 100:02d}"
    individual = f"{draw(st.integers(2, 999)):03d}"
    code = ddmmyy + sign + individual + hetu_control(ddmmyy, individual)
    return code.lower() if draw(st.booleans()) else code


@st.composite
def valid_personnummer(draw: st.DrawFn) -> str:
    born = draw(st.dates(datetime.date(1850, 1, 1), datetime.date(2099, 12, 31)))
    day = born.day + (60 if draw(st.booleans()) else 0)  # samordningsnummer
    yymmdd = f"{born.year % 100:02d}{born.month:02d}{day:02d}"
    serial = f"{draw(st.integers(0, 999)):03d}"
    check = luhn_digit(yymmdd + serial)
    if draw(st.booleans()):
        return f"{born.year // 100}{yymmdd}{draw(st.sampled_from(['', '-', ' ']))}{serial}{check}"
    return f"{yymmdd}{draw(st.sampled_from(['', '-', '+', ' ']))}{serial}{check}"


@st.composite
def valid_ibans(draw: st.DrawFn) -> str:
    country, length = draw(st.sampled_from([("FI", 14), ("SE", 20), ("DE", 18)]))
    bban = draw(st.text("0123456789", min_size=length, max_size=length))
    number = country + iban_check_digits(country, bban) + bban
    if draw(st.booleans()):
        number = grouped(number, 4)
    return number.lower() if draw(st.booleans()) else number


emails = st.builds(
    "{}@{}.{}".format,
    st.from_regex(r"[a-zäö0-9][a-zäö0-9._+-]{0,20}", fullmatch=True),
    st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?(\.[a-z0-9]{1,10})?", fullmatch=True),
    st.from_regex(r"[a-z]{2,6}", fullmatch=True),
)


def digits(size: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=size, max_size=size)


finnish_phones = st.one_of(
    st.builds("04{} {} {}".format, st.sampled_from("0123456789"), digits(3), digits(4)),
    st.builds("050{}".format, digits(7)),
    st.builds("04{}-{}".format, st.sampled_from("0123456789"), digits(7)),
    st.builds("09 {} {}".format, digits(4), digits(3)),
    st.builds("(09) {} {}".format, digits(3), digits(4)),
    st.builds("0{} {}".format, st.sampled_from(["2", "3", "13", "17", "19"]), digits(7)),
    st.builds("+358 4{} {} {}".format, st.sampled_from("0123456789"), digits(3), digits(4)),
    st.builds("+358 (0)9 {} {}".format, digits(4), digits(3)),
    st.builds("+3584{}".format, digits(8)),
    st.builds("00358 50 {}".format, digits(7)),
)
swedish_phones = st.one_of(
    st.builds("07{}-{} {} {}".format, st.sampled_from("0236"), digits(3), digits(2), digits(2)),
    st.builds("07{} {} {} {}".format, st.sampled_from("0236"), digits(3), digits(2), digits(2)),
    st.builds("08-{} {} {}".format, digits(3), digits(3), digits(2)),
    st.builds("031-{} {} {}".format, digits(2), digits(2), digits(2)),
    st.builds("+46 7{} {} {} {}".format, st.sampled_from("0236"), digits(3), digits(2), digits(2)),
    st.builds("+46 (0)8-{} {} {}".format, digits(3), digits(3), digits(2)),
    st.builds("+467{}".format, digits(8)),
    st.builds("0046 8 {} {}".format, digits(3), digits(4)),
)


# Generators of things that must survive


@st.composite
def invalid_hetus(draw: st.DrawFn) -> str:
    valid = draw(valid_hetus()).upper()
    wrong = draw(st.sampled_from(HETU_CONTROL.replace(valid[-1], "")))
    code = valid[:-1] + wrong
    # A digit control can turn a hetu into a Swedish number: 131052-3081.
    assume(not personnummer_ok(code))
    return code


@st.composite
def invalid_personnummer(draw: st.DrawFn) -> str:
    valid = draw(valid_personnummer())
    code = valid[:-1] + draw(st.sampled_from("0123456789".replace(valid[-1], "")))
    # Bare ten digits starting with 0 read as a phone number, by design.
    assume(not re.fullmatch(r"0\d{9}", code))
    assume(not hetu_ok(code))
    return code


@st.composite
def invalid_ibans(draw: st.DrawFn) -> str:
    valid = draw(valid_ibans())
    check = valid[2:4]
    wrong = draw(st.integers(0, 99).map("{:02d}".format).filter(lambda digits: digits != check))
    return valid[:2] + wrong + valid[4:]


@st.composite
def invoice_references(draw: st.DrawFn) -> str:
    """Finnish creditor references, grouped in fives from the right as printed.

    Ungrouped they are only drawn at lengths that cannot be read as a Swedish
    personnummer: a bare 10- or 12-digit number is checked as one.
    """
    base = draw(st.from_regex(r"[1-9][0-9]{2,18}", fullmatch=True))
    reference = base + reference_digit(base)
    if draw(st.booleans()):
        return grouped(reference, 5, from_right=True)
    assume(len(reference) not in (10, 12))
    return reference


ordinary_numbers = st.one_of(
    st.builds(lambda day: f"{day.day}.{day.month}.{day.year}", dates),
    st.builds(lambda day: day.strftime("%d.%m.%Y"), dates),
    st.builds(lambda day: day.isoformat(), st.dates(datetime.date(1900, 1, 1))),
    st.builds(lambda day: day.strftime("%d-%m-%Y"), dates),
    st.builds(lambda day: day.strftime("%d/%m/%Y"), dates),
    st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("klo {:02d}.{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds(
        lambda euros, cents: f"{euros:,}".replace(",", " ") + f",{cents:02d} €",
        st.integers(0, 10**7),
        st.integers(0, 99),
    ),
    st.builds("{} kr".format, st.integers(0, 10**6)),
    st.builds("{:.1f} %".format, st.floats(0, 100)),
    st.integers(1800, 2100).map(str),
    st.integers(0, 99999).map("{:05d}".format),  # Finnish postal code
    st.builds("{} {:02d}".format, st.integers(100, 999), st.integers(0, 99)),  # Swedish postal code
    st.builds("HEL {}-{:06d}".format, st.integers(2000, 2030), st.integers(0, 999999)),
    st.builds("Dnro {}/{}".format, st.integers(1, 9999), st.integers(2000, 2030)),
    st.builds("VN/{}/{}".format, st.integers(1, 99999), st.integers(2000, 2030)),
    invoice_references(),
)


def placeholders_only(result: str, sentence: str, kinds: set[str]) -> bool:
    before, after = sentence.split("{}")
    if not (result.startswith(before) and result.endswith(after)):
        return False
    middle = result[len(before) : len(result) - len(after)]
    return middle in {f"[{kind}]" for kind in kinds}


# Worked examples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hetuni on 131052-308T, tarkistakaa.", "Hetuni on [ID], tarkistakaa."),
        ("Lapseni tunnus on 010594Y9032.", "Lapseni tunnus on [ID]."),
        ("Syntynyt 2000-luvulla: 010101A123N", "Syntynyt 2000-luvulla: [ID]"),
        ("Väliaikainen 131052-900W", "Väliaikainen [ID]"),
        ("lowercase 131052-308t too", "lowercase [ID] too"),
        ("Mitt personnummer är 880320-0016.", "Mitt personnummer är [ID]."),
        ("Personnummer 19880320-0016 och 198803200016", "Personnummer [ID] och [ID]"),
        ("Hundraåring 880320+0016", "Hundraåring [ID]"),
        ("Samordningsnummer 880380-0013", "Samordningsnummer [ID]"),
        ("Skriv till anna.andersson@kommun.se eller ring", "Skriv till [EMAIL] eller ring"),
        ("Email me at matti.meikäläinen+palaute@posti.example.fi.", "Email me at [EMAIL]."),
        ("Tilille FI21 1234 5600 0007 85 maksettu", "Tilille [IBAN] maksettu"),
        ("Konto SE4550000000058398257466.", "Konto [IBAN]."),
        ("iban fi2112345600000785", "iban [IBAN]"),
    ],
)
def test_personal_data_is_replaced_with_typed_placeholders(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "phone",
    [
        "+358 40 123 4567",
        "+358401234567",
        "+358 (0)40 123 4567",
        "00358 9 1234 567",
        "040 123 4567",
        "050-1234567",
        "09 1234 567",
        "(09) 123 4567",
        "013 123 456",
        "0800 12345",
        "+46 70 123 45 67",
        "+46 (0)8-123 456 78",
        "070-123 45 67",
        "070 123 45 67",
        "08-123 456 78",
        "031-12 34 56",
        "0771-23 23 23",
    ],
)
def test_finnish_and_swedish_phone_numbers_are_replaced(phone: str) -> None:
    assert redact(f"Soita numeroon {phone}, kiitos.") == "Soita numeroon [PHONE], kiitos."


def test_a_whole_comment_keeps_everything_but_the_personal_data() -> None:
    comment = (
        "Asioin 12.3.2024 klo 14.30 ja maksoin 1 250,50 € (viite 12345 67890). "
        "Soittakaa 040 123 4567 tai mailatkaa matti@example.fi, hetu 131052-308T."
    )

    assert redact(comment) == (
        "Asioin 12.3.2024 klo 14.30 ja maksoin 1 250,50 € (viite 12345 67890). "
        "Soittakaa [PHONE] tai mailatkaa [EMAIL], hetu [ID]."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Asioin 12.3.2024 ja 2024-03-12 kello 09:30.",
        "Lasku 1 250,50 € eräpäivä 05.04.2024, viite 12345 67890.",
        "RF-viite RF18 5390 0754 7034",
        "Ärende 2024/0123, diarienummer KS 2023-001234",
        "Dnro 123/2024, HEL 2024-001234",
        "Postiosoite 00100 Helsinki, 02100 Espoo; 114 55 Stockholm",
        "Vuonna 2024 jonotin 45 minuuttia, 3 kertaa.",
        "Y-tunnus 0112038-9 ja organisationsnummer 556036-0793",
        "Väärä tarkiste 131052-308U ja 880320-0018",
        "Ajat 08-16 ja 8.00–16.00, puhelinaika 12-14",
        "Datum 05-12-2024 och 01-03-2024",
        "Konto FI22 1234 5600 0007 85 (wrong check digits)",
        "Konto DE00000000000004600000 (check digits 00 alias the valid 97)",
        "Tilausnumero 2024-0512345, tuote 12.0401234567",
        "Ordernummer 998803200016 (no century 99)",
    ],
)
def test_ordinary_numbers_survive(text: str) -> None:
    assert redact(text) == text


def test_a_number_after_an_iban_is_not_taken_into_it() -> None:
    assert redact("Konto SE45 5000 0000 0583 9825 7466 2024 betalt") == "Konto [IBAN] 2024 betalt"


def test_an_invalid_hetu_does_not_become_a_phone_number() -> None:
    assert redact("050390-1234") == "050390-1234"


def test_a_bare_ten_digit_number_starting_with_zero_reads_as_a_phone_number() -> None:
    assert redact("0503901234") == "[PHONE]"


def test_find_personal_data_reports_kind_and_position() -> None:
    text = "Hetu 131052-308T, puh. 040 123 4567, e-mail a@b.fi, FI21 1234 5600 0007 85"

    def at(kind: Kind, part: str) -> Match:
        return Match(kind, text.index(part), text.index(part) + len(part))

    assert find_personal_data(text) == [
        at(Kind.ID, "131052-308T"),
        at(Kind.PHONE, "040 123 4567"),
        at(Kind.EMAIL, "a@b.fi"),
        at(Kind.IBAN, "FI21 1234 5600 0007 85"),
    ]


def test_a_trailing_count_after_a_phone_number_survives() -> None:
    assert redact("Soitin 040 123 4567 2 kertaa") == "Soitin [PHONE] 2 kertaa"


def test_a_year_after_a_phone_number_survives() -> None:
    assert redact("Soitin 040 123 4567 2024") == "Soitin [PHONE] 2024"


def test_two_phone_numbers_in_a_row_are_both_replaced() -> None:
    assert redact("040 123 4567 050 7654321") == "[PHONE] [PHONE]"


def test_a_phone_number_glued_to_an_email_address_is_replaced_too() -> None:
    assert redact("a@b.fi0401234567") == "[EMAIL][PHONE]"


def test_text_without_digits_or_at_signs_is_returned_as_is() -> None:
    assert redact("Kiitos, palvelu oli erinomaista!") == "Kiitos, palvelu oli erinomaista!"


# Properties


@given(valid_hetus(), st.sampled_from(SENTENCES))
def test_every_valid_hetu_is_replaced(code: str, sentence: str) -> None:
    assert redact(sentence.format(code)) == sentence.format("[ID]")


@given(valid_personnummer(), st.sampled_from(SENTENCES))
def test_every_valid_personnummer_and_samordningsnummer_is_replaced(code: str, sentence: str) -> None:
    assert redact(sentence.format(code)) == sentence.format("[ID]")


@given(valid_ibans(), st.sampled_from(SENTENCES))
def test_every_valid_iban_is_replaced(number: str, sentence: str) -> None:
    assert redact(sentence.format(number)) == sentence.format("[IBAN]")


@given(emails, st.sampled_from(SENTENCES))
def test_every_email_address_is_replaced(address: str, sentence: str) -> None:
    assert redact(sentence.format(address)) == sentence.format("[EMAIL]")


@given(st.one_of(finnish_phones, swedish_phones), st.sampled_from(SENTENCES))
def test_every_phone_number_is_replaced(phone: str, sentence: str) -> None:
    # A ten-digit mobile number can also be a valid personnummer; either way it goes.
    assert placeholders_only(redact(sentence.format(phone)), sentence, {"PHONE", "ID"})


@given(st.one_of(invalid_hetus(), invalid_personnummer(), invalid_ibans()), st.sampled_from(SENTENCES))
def test_codes_with_a_wrong_checksum_survive(code: str, sentence: str) -> None:
    assert redact(sentence.format(code)) == sentence.format(code)


@given(ordinary_numbers, st.sampled_from(SENTENCES))
def test_ordinary_numbers_dates_and_amounts_survive(text: str, sentence: str) -> None:
    assert redact(sentence.format(text)) == sentence.format(text)


pieces = st.one_of(
    valid_hetus(),
    valid_personnummer(),
    valid_ibans(),
    emails,
    finnish_phones,
    swedish_phones,
    invalid_hetus(),
    ordinary_numbers,
    st.from_regex(r"[0-9 +()@.\-a-zA]{1,20}", fullmatch=True),
    st.sampled_from(["ja", "och", "and", "puh.", "tel:", "[ID]", "@", "\n"]),
)
comments = st.lists(pieces, max_size=8).flatmap(
    lambda parts: st.lists(
        st.sampled_from(["", " ", ", ", ". ", "-", "/"]), min_size=len(parts), max_size=len(parts)
    ).map(lambda separators: "".join(part + separator for part, separator in zip(parts, separators, strict=True)))
)


@given(st.one_of(comments, st.text()))
def test_redact_is_idempotent(text: str) -> None:
    once = redact(text)

    assert redact(once) == once


@given(comments)
def test_nothing_personal_is_left_after_redaction(text: str) -> None:
    assert find_personal_data(redact(text)) == []


@given(st.one_of(comments, st.text()))
def test_matches_are_ordered_and_do_not_overlap(text: str) -> None:
    matches = find_personal_data(text)

    assert all(match.start < match.end for match in matches)
    assert all(first.end <= second.start for first, second in itertools.pairwise(matches))
