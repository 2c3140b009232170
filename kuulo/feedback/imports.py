"""Importing CSV and XLSX exports of other survey tools.

A file is read into a header row and data rows of text; a Mapping says what
each column means; every row becomes the same payload the other channels
send and goes through `clean_submission`, so an import obeys exactly the
same rules. Valid rows are stored in chunks with `record_many`.

Idempotency: a row's key is its response id (when a column is mapped to it),
else a hash of the row's content plus its occurrence number among identical
rows, so importing the same file twice adds nothing.
"""

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kuulo.feedback import actions
from kuulo.feedback.redaction import redact
from kuulo.feedback.submissions import KEY_PATTERN, MAX_KEY, Submission, SubmissionError, clean_submission, questions_of
from kuulo.feedback.timestamps import parse_moment
from kuulo.organisation.models import Channel
from kuulo.surveys.models import CollectionPoint, Question, Survey, SurveyVersion

CHUNK = 2000
MAX_LABELS = 30  # distinct texts in a column up to which it is offered for label mapping
IGNORE = "ignore"
METADATA = {
    "response_id": gettext_lazy("Response id"),
    "responded_at": gettext_lazy("Answered at (date and time)"),
    "language": gettext_lazy("Language"),
    "channel": gettext_lazy("Channel"),
    "customer_group": gettext_lazy("Customer group"),
    "touchpoint": gettext_lazy("Touchpoint"),
}
LANGUAGE_NAMES = {
    "suomi": "fi",
    "finnish": "fi",
    "finska": "fi",
    "svenska": "sv",
    "swedish": "sv",
    "ruotsi": "sv",
    "english": "en",
    "englanti": "en",
    "engelska": "en",
}


class ImportFileError(Exception):
    """The file cannot be read as a table."""


# --- reading files ---


@dataclass
class Table:
    headers: list[str]
    rows: Iterable[list[str]]  # may be a one-shot iterator for large files


def read_table(path: Path) -> Table:
    """A CSV (; or , or tab; UTF-8 with or without BOM, else cp1252) or XLSX file."""
    with open(path, "rb") as handle:
        start = handle.read(4)
    if start.startswith(b"PK"):
        return _read_xlsx(path)
    return _read_csv(path)


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ImportFileError(_("The file is not a CSV or XLSX file."))
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        first_line = sample.split("\n", 1)[0]
        delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers = next(reader, None)
    if not headers or not any(cell.strip() for cell in headers):
        raise ImportFileError(_("The file has no header row."))
    rows = ([cell.strip() for cell in row] for row in reader)  # blank rows too: they keep the row numbers
    return Table([cell.strip() for cell in headers], rows)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    handle = open(path, "rb")  # noqa: SIM115 - closed when the rows are read; a path would need a .xlsx name
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a broken file
        handle.close()
        raise ImportFileError(_("The file is not a readable XLSX file.")) from error
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    headers = next(values, None)
    if not headers or not any(cell not in (None, "") for cell in headers):
        workbook.close()
        handle.close()
        raise ImportFileError(_("The file has no header row."))

    def rows() -> Iterator[list[str]]:
        for row in values:
            yield [_cell_text(cell) for cell in row]  # blank rows too: they keep the row numbers
        workbook.close()
        handle.close()

    return Table([_cell_text(cell) for cell in headers], rows())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value).strip()


# --- mapping ---


@dataclass
class Mapping:
    """What each column (by index) means, label → value maps per column, and defaults."""

    columns: dict[int, str]
    labels: dict[int, dict[str, int]] = field(default_factory=dict)
    language: str = ""
    channel: str = Channel.WEB.value
    time_zone: str = ""  # the zone of times written without one; "" is settings.TIME_ZONE
    label_languages: list[str] = field(default_factory=list)  # scale labels read in these; [] = the survey's

    def to_note(self) -> dict:
        """Index-keyed, for the upload's note between steps."""
        return {
            "columns": {str(index): target for index, target in self.columns.items()},
            "labels": {str(index): labels for index, labels in self.labels.items()},
            "language": self.language,
            "channel": self.channel,
            "time_zone": self.time_zone,
            "label_languages": self.label_languages,
        }

    @classmethod
    def from_note(cls, data: dict) -> "Mapping":
        return cls(
            columns={int(index): target for index, target in data["columns"].items()},
            labels={int(index): labels for index, labels in data["labels"].items()},
            language=data["language"],
            channel=data["channel"],
            time_zone=data.get("time_zone", ""),
            label_languages=data.get("label_languages", []),
        )

    def to_json(self, headers: list[str]) -> dict:
        return {
            "columns": {headers[index]: target for index, target in self.columns.items() if target != IGNORE},
            "labels": {headers[index]: labels for index, labels in self.labels.items() if labels},
            "defaults": {
                "language": self.language,
                "channel": self.channel,
                "time_zone": self.time_zone,
                "label_languages": self.label_languages,
            },
        }

    @classmethod
    def from_json(cls, data: object, headers: list[str], version: SurveyVersion) -> "Mapping":
        """Reads the JSON format documented in the import_responses command; ValueError names the problem."""
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            raise ValueError('The mapping must be a JSON object with "columns".')
        index_of = {header: index for index, header in enumerate(headers)}
        valid = {value for value, _label in target_choices(version)}
        columns, labels = {}, {}
        for header, target in data["columns"].items():
            if header not in index_of:
                raise ValueError(f"The file has no column {header!r}. Its columns: {', '.join(headers)}")
            if target not in valid:
                raise ValueError(f"Unknown target {target!r} for column {header!r}. Targets: {', '.join(valid)}")
            columns[index_of[header]] = target
        for header, values in (data.get("labels") or {}).items():
            if header not in index_of or not isinstance(values, dict):
                raise ValueError(f"Labels for an unknown column {header!r}.")
            if not all(value is None or isinstance(value, int) for value in values.values()):
                raise ValueError(f"Labels of column {header!r} must map to whole numbers or null (no answer).")
            labels[index_of[header]] = {text.strip().casefold(): value for text, value in values.items()}
        defaults = data.get("defaults") or {}
        return cls(
            columns=columns,
            labels=labels,
            language=defaults.get("language") or version.languages[0],
            channel=defaults.get("channel") or Channel.WEB.value,
            time_zone=valid_zone(defaults.get("time_zone") or ""),
            label_languages=[code for code in defaults.get("label_languages") or [] if code in version.languages],
        )


def valid_zone(name: str) -> str:
    """`name` when it is an IANA time zone (or empty), else ValueError naming it."""
    if name:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"Unknown time zone {name!r}: use an IANA name such as Europe/Helsinki.") from None
    return name


def target_choices(version: SurveyVersion) -> list[tuple[str, str]]:
    """What a column can be mapped to: (value, label)."""
    choices = [(IGNORE, _("Ignore this column"))]
    for question in questions_of(version):
        if question.kind == Question.Kind.METRIC:
            metric = question.metric
            if metric.item_count == 1:
                choices.append((f"metric:{metric.code}", _named(metric)))
            else:
                for item in range(1, metric.item_count + 1):
                    label = _("%(metric)s, item %(item)d") % {"metric": _named(metric), "item": item}
                    choices.append((f"metric:{metric.code}:{item}", label))
        else:
            choices.append((f"open:{question.pk}", _("Open question: %(text)s") % {"text": question.open_text(None)}))
    choices.extend((name, str(label)) for name, label in METADATA.items())
    return choices


def _named(metric) -> str:
    """The metric's name, with its code when the name does not show it."""
    return metric.name if metric.code.replace("_", "-") in metric.name.casefold() else f"{metric.name} ({metric.code})"


def _normal(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold())


def suggest_mapping(headers: list[str], version: SurveyVersion) -> dict[int, str]:
    """A first guess from the column names: metric codes and names, question texts, metadata words."""
    names: dict[str, str] = {}
    for question in questions_of(version):
        if question.kind == Question.Kind.METRIC:
            metric = question.metric
            if metric.item_count == 1:
                target = f"metric:{metric.code}"
                for text in (metric.code, metric.name_fi, metric.name_sv, metric.name_en, *_questions(metric)):
                    names[_normal(text)] = target
                    names.setdefault(_normal(re.sub(r"\(.*?\)", "", text)), target)
            else:
                for item in range(1, metric.item_count + 1):
                    names[_normal(f"{metric.code} {item}")] = f"metric:{metric.code}:{item}"
        else:
            for text in (question.text_fi, question.text_sv, question.text_en):
                if text:
                    names[_normal(text)] = f"open:{question.pk}"
    words = {
        "response_id": ["id", "response id", "vastaus id", "vastauksen id", "svar id", "respondent id"],
        "responded_at": ["date", "time", "timestamp", "answered at", "päivämäärä", "aika", "vastattu", "datum"],
        "language": ["language", "kieli", "språk", "lang"],
        "channel": ["channel", "kanava", "kanal"],
        "customer_group": ["customer group", "asiakasryhmä", "kundgrupp", "segment"],
        "touchpoint": ["touchpoint", "kosketuspiste", "kontaktpunkt"],
    }
    for target, synonyms in words.items():
        for word in synonyms:
            names.setdefault(_normal(word), target)
    codes = {
        question.metric.code: f"metric:{question.metric.code}"
        for question in questions_of(version)
        if question.kind == Question.Kind.METRIC and question.metric.item_count == 1
    }
    suggestion, used = {}, set()
    for index, header in enumerate(headers):
        target = names.get(_normal(header))
        if target is None:
            tokens = re.findall(r"\w+", header.casefold())
            target = next((codes[token] for token in tokens if token in codes), IGNORE)
        if target != IGNORE and target in used:
            target = IGNORE
        used.add(target)
        suggestion[index] = target
    return suggestion


def _questions(metric) -> list[str]:
    return [metric.question(code) for code in ("fi", "sv", "en")]


def metric_of(target: str, version: SurveyVersion):
    if not target.startswith("metric:"):
        return None
    code = target.split(":")[1]
    return next((q.metric for q in questions_of(version) if q.metric_id and q.metric.code == code), None)


NO_ANSWER = object()  # a cell whose text means "no answer": the question is skipped, the row kept
NO_ANSWER_TEXTS = {
    "en osaa sanoa",
    "eos",
    "ei osaa sanoa",
    "vet ej",
    "vet inte",
    "ingen åsikt",
    "n/a",
    "na",
    "don't know",
    "don’t know",
    "dont know",
    "do not know",
    "not applicable",
}


def label_values(text: str, metric, languages: Iterable[str] | None = None) -> set[int]:
    """The scale values whose label in `languages` (default fi, sv and en) of `metric` is `text`."""
    wanted = text.strip().casefold()
    return {
        int(value)
        for language, language_labels in metric.labels.items()
        if languages is None or language in languages
        for value, label in language_labels.items()
        if label.strip().casefold() == wanted
    }


def label_value(text: str, metric, languages: Iterable[str] | None = None) -> int | None:
    """The scale value of `text` for `metric`: a number, or one of its own labels in `languages`
    that names one value only."""
    number = _number(text)
    if number is not None:
        return number
    values = label_values(text, metric, languages)
    return values.pop() if len(values) == 1 else None


def is_no_answer(text: str) -> bool:
    return text.strip().casefold() in NO_ANSWER_TEXTS


def _number(text: str) -> int | None:
    text = text.strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def distinct_labels(rows: Iterable[list[str]], columns: Iterable[int], limit_rows: int = 20000) -> dict[int, list[str]]:
    """Per column, the distinct non-numeric texts in first-seen order (columns with too many are left out)."""
    found: dict[int, dict[str, None]] = {index: {} for index in columns}
    for count, row in enumerate(rows):
        if count >= limit_rows:
            break
        for index, seen in found.items():
            text = row[index].strip() if index < len(row) else ""
            if text and _number(text) is None and len(seen) <= MAX_LABELS:
                seen.setdefault(text, None)
    return {index: list(seen) for index, seen in found.items() if 0 < len(seen) <= MAX_LABELS}


def label_columns(found: dict[int, list[str]], mapping: "Mapping", version: SurveyVersion) -> dict[int, list[str]]:
    """The columns worth offering label values for: mapped to a metric, or holding a metric's labels."""
    metrics = [question.metric for question in questions_of(version) if question.kind == Question.Kind.METRIC]
    return {
        index: texts
        for index, texts in found.items()
        if mapping.columns.get(index, "").startswith("metric:")
        or any(label_value(text, metric) is not None for text in texts for metric in metrics)
    }


# --- rows to submissions ---


FIRST_ROW = 2  # the number a spreadsheet shows for the first data row: the header is row 1


@dataclass
class RowError:
    row: int  # the number a spreadsheet shows: the header is row 1, the first data row 2
    field: str
    message: str


class SkippedRow(Exception):
    """A row with nothing to import (blank, or a respondent who answered nothing): counted, not an error."""


class RowReader:
    """Turns rows into Submissions, counting identical rows for their keys."""

    def __init__(self, version: SurveyVersion, mapping: Mapping, headers: list[str]):
        self.version = version
        self.mapping = mapping
        self.headers = headers
        self.seen: Counter = Counter()
        self.metrics = {index: metric_of(target, version) for index, target in mapping.columns.items()}
        self.zone = ZoneInfo(mapping.time_zone or settings.TIME_ZONE)
        self.label_languages = mapping.label_languages or version.languages

    def read(self, row: list[str]) -> Submission:
        """A Submission for a data row, SubmissionError with field-named errors, or SkippedRow."""
        if not any(cell.strip() for cell in row):
            raise SkippedRow
        cells = {index: _unguarded(row[index] if index < len(row) else "") for index in self.mapping.columns}
        errors: dict[str, str] = {}
        payload: dict = {"language": self.mapping.language, "channel": self.mapping.channel}
        answers: dict[str, dict[int, int]] = {}
        comments: dict[str, str] = {}
        response_id = ""
        responded_at = None
        for index, target in self.mapping.columns.items():
            text = cells[index]
            if target == IGNORE or not text:
                continue
            if target.startswith("metric:"):
                parts = target.split(":")
                value = self._value(index, text)
                if value is NO_ANSWER:
                    continue
                if isinstance(value, str):
                    errors[f"answers.{parts[1]}"] = value
                    continue
                answers.setdefault(parts[1], {})[int(parts[2]) - 1 if len(parts) > 2 else 0] = value
            elif target.startswith("open:"):
                comments[target.split(":")[1]] = text
            elif target == "response_id":
                response_id = text
            elif target == "responded_at":
                responded_at = _moment(text, errors, self.zone)
            elif target == "language":
                payload["language"] = _language(text)
            elif target == "channel":
                payload["channel"] = _channel(text)
            else:
                payload[target] = text
        if not answers and not comments and not errors:
            raise SkippedRow
        payload["answers"] = {code: self._answer(code, values) for code, values in answers.items()}
        payload["comments"] = comments
        payload["idempotency_key"] = self._key(response_id, row)
        try:
            submission = clean_submission(self.version, payload)
        except SubmissionError as error:
            raise SubmissionError({**error.errors, **errors}) from None
        if errors:
            raise SubmissionError(errors)
        submission.responded_at = responded_at
        return submission

    def _answer(self, code: str, values: dict[int, int]):
        metric = next(metric for metric in self.metrics.values() if metric and metric.code == code)
        if metric.item_count == 1:
            return values.get(0)
        return [values.get(item) for item in range(metric.item_count)]

    def _value(self, index: int, text: str) -> object:
        """The scale value of a cell, NO_ANSWER, or the reason it is neither (a str)."""
        own = self.mapping.labels.get(index, {})
        if text.casefold() in own:
            value = own[text.casefold()]
            return NO_ANSWER if value is None else value
        metric = self.metrics[index]
        number = _number(text)
        if number is not None:
            return number
        values = label_values(text, metric, self.label_languages)
        if len(values) == 1:
            return values.pop()
        if len(values) > 1:
            return _("“%(text)s” is a label of several values of the scale: map it to one value.") % {"text": text}
        if is_no_answer(text):
            return NO_ANSWER
        return _("“%(text)s” is not a value of the scale.") % {"text": text}

    def _key(self, response_id: str, row: list[str]) -> str:
        if response_id:
            if KEY_PATTERN.match(response_id) and len(response_id) <= MAX_KEY - 3:
                return f"id:{response_id}"
            return "id:" + hashlib.sha256(response_id.encode()).hexdigest()
        content = "\x1f".join(cell.strip() for cell in row).rstrip("\x1f")
        digest = hashlib.sha256(content.encode()).hexdigest()
        self.seen[digest] += 1
        return f"row:{digest}:{self.seen[digest]}"


def _unguarded(text: str) -> str:
    """The cell's text without surrounding space and the apostrophe spreadsheet tools put before
    text that would otherwise be read as a formula or a number."""
    text = text.strip()
    return text[1:].strip() if text.startswith("'") else text


def _moment(text: str, errors: dict, zone: tzinfo) -> datetime | None:
    moment = parse_moment(text, zone)
    if moment is None:
        errors["responded_at"] = _("“%(text)s” is not a date and time.") % {"text": text}
        return None
    if moment > timezone.now():
        errors["responded_at"] = _("The time is in the future.")
        return None
    return moment


def _language(text: str) -> str:
    """fi, sv or en from a code (fi, fi-FI, sv_SE) or a language name; else the text for clean_submission to refuse."""
    text = text.strip().casefold()
    if text in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[text]
    return text[:2] if re.fullmatch(r"[a-z]{2}([-_][a-z]{2})?", text) else text


def _channel(text: str) -> str:
    wanted = _normal(text)
    for value, label in Channel.choices:
        if wanted in (_normal(value), _normal(str(label))):
            return value
    return text


# --- preview and import ---


@dataclass
class Preview:
    rows: list[tuple[int, Submission]]
    errors: list[RowError]
    valid: int = 0
    rejected: int = 0
    skipped: int = 0


def preview(
    version: SurveyVersion, table: Table, mapping: Mapping, *, show: int = 20, max_errors: int = 200
) -> Preview:
    """The first `show` valid rows as they will be stored, and the errors of every row."""
    reader = RowReader(version, mapping, table.headers)
    result = Preview(rows=[], errors=[])
    for number, row in enumerate(table.rows, start=FIRST_ROW):
        try:
            submission = reader.read(row)
        except SkippedRow:
            result.skipped += 1
            continue
        except SubmissionError as error:
            result.rejected += 1
            if len(result.errors) < max_errors:
                result.errors.extend(RowError(number, name, message) for name, message in error.errors.items())
            continue
        result.valid += 1
        if len(result.rows) < show:
            submission.comments = {pk: redact(text) for pk, text in submission.comments.items()}
            result.rows.append((number, submission))
    return result


@dataclass
class ImportResult:
    created: int = 0
    duplicates: int = 0
    skipped: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)  # every rejected row's reasons


def import_point(survey: Survey) -> CollectionPoint:
    """The survey's file-import collection point, created on first use."""
    point = survey.collection_points.filter(kind=CollectionPoint.Kind.IMPORT).first()
    if point is None:
        point = CollectionPoint.objects.create(
            survey=survey, kind=CollectionPoint.Kind.IMPORT, name=_("File import"), allowed_origins=[]
        )
    return point


def import_rows(
    version: SurveyVersion, table: Table, mapping: Mapping, *, chunk: int = CHUNK, progress=None
) -> ImportResult:
    """Stores every valid row, `chunk` rows per transaction; `progress(n)` is called after each chunk."""
    point = import_point(version.survey)
    reader = RowReader(version, mapping, table.headers)
    result = ImportResult()
    pending: list[Submission] = []

    def flush() -> None:
        if not pending:
            return
        try:
            created, duplicates = actions.record_many(point, version, pending)
        except IntegrityError:
            created, duplicates = actions.record_many(point, version, pending)
        result.created += created
        result.duplicates += duplicates
        if progress:
            progress(len(pending))
        pending.clear()

    for number, row in enumerate(table.rows, start=FIRST_ROW):
        try:
            pending.append(reader.read(row))
        except (SkippedRow, SubmissionError) as error:
            if isinstance(error, SkippedRow):
                result.skipped += 1
            else:
                result.rejected += 1
                result.errors.extend(RowError(number, name, message) for name, message in error.errors.items())
            if progress:
                progress(1)
        if len(pending) >= chunk:
            flush()
    flush()
    return result
