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
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kuulo.feedback import actions, import_layouts, import_suggestions
from kuulo.feedback.redaction import redact
from kuulo.feedback.submissions import (
    KEY_PATTERN,
    MAX_KEY,
    MAX_SEGMENT,
    SEGMENT_PATTERN,
    Submission,
    SubmissionError,
    clean_submission,
    questions_of,
)
from kuulo.feedback.timestamps import parse_moment
from kuulo.organisation import terms
from kuulo.organisation.models import Channel
from kuulo.surveys.models import CollectionPoint, Question, Survey, SurveyVersion

CHUNK = 2000
FIRST_ROW = 2  # the number a spreadsheet shows for the first data row: the header is row 1
MAX_LABELS = 30  # distinct texts in a column up to which it is offered for label mapping
IGNORE = "ignore"
METADATA = {
    "response_id": gettext_lazy("Response id"),
    "responded_at": gettext_lazy("Answered at (date and time)"),
    "language": gettext_lazy("Language"),
    "channel": gettext_lazy("Channel"),
    "customer_group": gettext_lazy("Customer group"),
    "touchpoint": gettext_lazy("Touchpoint"),
    "service": gettext_lazy("Service (when the file holds several)"),
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
    first_row: int = 2  # the number a spreadsheet shows for the first data row
    questions: list[str] = field(default_factory=list)  # question texts per column, when a row of their own
    time_zone: str = ""  # the zone the tool says its times are in


def read_table(path: Path) -> Table:
    """A CSV (; or , or tab; UTF-8 with or without BOM, else cp1252) or XLSX file."""
    with open(path, "rb") as handle:
        start = handle.read(4)
    table = _read_xlsx(path) if start.startswith(b"PK") else _read_csv(path)
    return _with_extra_header_rows(table)


def _with_extra_header_rows(table: Table) -> Table:
    """Qualtrics writes the question texts and a row of ImportIds under its header:
    they become the table's question texts and time zone, not rows."""
    rows = iter(table.rows)
    first = list(itertools.islice(rows, 2))
    extra = import_layouts.qualtrics_extra_rows(first)
    if extra is None:
        table.rows = itertools.chain(first, rows)
        return table
    questions, zone = extra
    try:
        zone = valid_zone(zone)
    except ValueError:
        zone = ""
    return Table(table.headers, rows, first_row=FIRST_ROW + 2, questions=questions, time_zone=zone)


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


VALUE_TARGETS = ("channel", "customer_group", "touchpoint", "service")  # columns whose values are mapped


@dataclass
class Mapping:
    """What each column (by index) means, label → value maps per metric column, source value →
    Kuulo value maps per channel, customer group, touchpoint and service column, and defaults."""

    columns: dict[int, str]
    labels: dict[int, dict[str, int | None]] = field(default_factory=dict)
    language: str = ""
    channel: str = Channel.WEB.value
    time_zone: str = ""  # the zone of times written without one; "" is settings.TIME_ZONE
    label_languages: list[str] = field(default_factory=list)  # scale labels read in these; [] = the survey's
    values: dict[int, dict[str, str]] = field(default_factory=dict)
    service: str = ""  # the slug of the service whose rows are imported when a column names the service

    def to_note(self) -> dict:
        """Index-keyed, for the upload's note between steps."""
        return {
            "columns": {str(index): target for index, target in self.columns.items()},
            "labels": {str(index): labels for index, labels in self.labels.items()},
            "values": {str(index): values for index, values in self.values.items()},
            "language": self.language,
            "channel": self.channel,
            "time_zone": self.time_zone,
            "label_languages": self.label_languages,
            "service": self.service,
        }

    @classmethod
    def from_note(cls, data: dict) -> "Mapping":
        return cls(
            columns={int(index): target for index, target in data["columns"].items()},
            labels={int(index): labels for index, labels in data["labels"].items()},
            values={int(index): values for index, values in data.get("values", {}).items()},
            language=data["language"],
            channel=data["channel"],
            time_zone=data.get("time_zone", ""),
            label_languages=data.get("label_languages", []),
            service=data.get("service", ""),
        )

    def to_json(self, headers: list[str]) -> dict:
        """Header-keyed, so that the next export of the same tool can use it (saved mappings, --mapping)."""
        return {
            "columns": {headers[index]: target for index, target in self.columns.items() if target != IGNORE},
            "labels": {headers[index]: labels for index, labels in self.labels.items() if labels},
            "values": {headers[index]: values for index, values in self.values.items() if values},
            "defaults": {
                "language": self.language,
                "channel": self.channel,
                "time_zone": self.time_zone,
                "label_languages": self.label_languages,
            },
        }

    @classmethod
    def from_json(cls, data: object, headers: list[str], version: SurveyVersion) -> "Mapping":
        """Reads the JSON format documented in the import_responses command; ValueError names the problem.
        Columns the file does not have are left out when the mapping still maps a question (a saved
        mapping meets next month's export, which may lack a column); a mapping none of whose questions
        the file has is an error."""
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            raise ValueError('The mapping must be a JSON object with "columns".')
        index_of = {header: index for index, header in enumerate(headers)}
        valid = {value for value, _label in target_choices(version)}
        columns, labels, values = {}, {}, {}
        for header, target in data["columns"].items():
            if target not in valid:
                raise ValueError(f"Unknown target {target!r} for column {header!r}. Targets: {', '.join(valid)}")
            if header in index_of:
                columns[index_of[header]] = target
        if not any(target.startswith(("metric:", "open:")) for target in columns.values()):
            missing = ", ".join(repr(header) for header in data["columns"] if header not in index_of)
            raise ValueError(
                f"The file has none of the mapping's question columns (no column {missing}). "
                f"Its columns: {', '.join(headers)}"
            )
        for header, texts in (data.get("labels") or {}).items():
            if not isinstance(texts, dict):
                raise ValueError(f"Labels of column {header!r} must be an object.")
            if not all(value is None or isinstance(value, int) for value in texts.values()):
                raise ValueError(f"Labels of column {header!r} must map to whole numbers or null (no answer).")
            if header in index_of:
                labels[index_of[header]] = {text.strip().casefold(): value for text, value in texts.items()}
        for header, texts in (data.get("values") or {}).items():
            if not isinstance(texts, dict) or not all(isinstance(value, str) for value in texts.values()):
                raise ValueError(f"Values of column {header!r} must map texts to texts.")
            if header in index_of:
                values[index_of[header]] = {text.strip().casefold(): value for text, value in texts.items()}
        defaults = data.get("defaults") or {}
        channel = defaults.get("channel") or Channel.WEB.value
        if channel not in Channel.values:
            raise ValueError(f"Unknown channel {channel!r}. Channels: {', '.join(Channel.values)}")
        return cls(
            columns=columns,
            labels=labels,
            values=values,
            language=language if (language := defaults.get("language")) in version.languages else version.languages[0],
            channel=channel,
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


def suggest_mapping(
    headers: list[str],
    version: SurveyVersion,
    *,
    sample: list[list[str]] = (),
    questions: list[str] = (),
    layout: import_layouts.Layout | None = None,
) -> dict[int, str]:
    """A first guess for every column: what a known tool's layout says, then metric codes and names,
    question texts read for their meaning, metadata words, and the look of the values in `sample`
    rows (a UUID column is the response id rather than a running number; a column of web
    addresses with a language gives the language). `questions` are texts written in a row of
    their own (Qualtrics)."""
    suggestion: dict[int, str] = dict(import_layouts.metadata_columns(layout, headers)) if layout else {}
    exact = _exact_names(version)
    for index, header in enumerate(headers):
        if index in suggestion:
            continue
        target = exact.get(_normal(header)) or exact.get(_normal(import_layouts.normal(header)))
        if target is None:
            codes = {target.split(":")[1]: target for target in exact.values() if re.fullmatch(r"metric:\w+", target)}
            tokens = re.findall(r"\w+", header.casefold())
            target = next((codes[token] for token in tokens if token in codes), None)
        if target and target not in suggestion.values():
            suggestion[index] = target
    texts = {
        index: " ".join(filter(None, [header, questions[index] if index < len(questions) else ""]))
        for index, header in enumerate(headers)
        if index not in suggestion
    }
    metrics = {
        f"metric:{question.metric.code}": import_suggestions.metric_texts(question.metric)
        for question in questions_of(version)
        if question.kind == Question.Kind.METRIC and question.metric.item_count == 1
    }
    metrics = {target: texts for target, texts in metrics.items() if target not in suggestion.values()}
    suggestion.update(import_suggestions.suggest_metrics(texts, metrics))
    _suggest_from_values(suggestion, headers, sample)
    return {index: suggestion.get(index, IGNORE) for index in range(len(headers))}


def _exact_names(version: SurveyVersion) -> dict[str, str]:
    """Normalised texts that name a target exactly: codes, names, the survey's own question texts, metadata words."""
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
        "response_id": ["id", "response id", "vastaus id", "vastauksen id", "svar id", "respondent id", "uuid"],
        "responded_at": ["date", "time", "timestamp", "answered at", "päivämäärä", "aika", "vastattu", "datum"],
        "language": ["language", "kieli", "språk", "lang", "locale"],
        "channel": ["channel", "kanava", "kanal"],
        "customer_group": ["customer group", "asiakasryhmä", "kundgrupp", "segment"],
        "touchpoint": ["touchpoint", "kosketuspiste", "kontaktpunkt"],
        "service": ["service", "palvelu", "tjänst"],
    }
    for target, synonyms in words.items():
        for word in synonyms:
            names.setdefault(_normal(word), target)
    return names


UUID_PATTERN = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.IGNORECASE)


def _suggest_from_values(suggestion: dict[int, str], headers: list[str], sample: list[list[str]]) -> None:
    """Prefer a column of UUIDs as the response id over a running number; take the language from a
    column of web addresses or codes when nothing else gives it."""

    def cells(index: int) -> list[str]:
        return [row[index].strip() for row in sample if index < len(row) and row[index].strip()]

    uuids = [index for index in range(len(headers)) if (found := cells(index)) and all(map(UUID_PATTERN.match, found))]
    if uuids:
        current = next((index for index, target in suggestion.items() if target == "response_id"), None)
        if current is None or current not in uuids:
            if current is not None:
                del suggestion[current]
            suggestion[uuids[0]] = "response_id"
    if "language" not in suggestion.values():
        for index in range(len(headers)):
            values = cells(index)
            if index not in suggestion and values and all(_language_in_address(value) for value in values):
                suggestion[index] = "language"
                break


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


def value_columns(found: dict[int, list[str]], mapping: "Mapping") -> dict[int, list[str]]:
    """The channel, customer group, touchpoint and service columns, with their texts to map."""
    return {index: texts for index, texts in found.items() if mapping.columns.get(index) in VALUE_TARGETS}


# --- rows to submissions ---


@dataclass
class RowError:
    row: int  # the number a spreadsheet shows: the header is row 1, the first data row 2
    field: str
    message: str


class SkippedRow(Exception):
    """A row with nothing to import (blank, a respondent who answered nothing, or another service's
    row in a file of several services): counted, not an error."""

    def __init__(self, other_service: bool = False):
        super().__init__()
        self.other_service = other_service


@dataclass
class ValueWarning:
    """Rows whose value of a channel, customer group or touchpoint column was not known: they were
    given the default instead of being rejected."""

    field: str
    text: str
    rows: int
    default: str

    @property
    def message(self) -> str:
        names = {
            "channel": _("channel"),
            "customer_group": _("customer group"),
            "touchpoint": _("touchpoint"),
        }
        if self.default:
            return ngettext(
                "“%(text)s” is not a known %(field)s: %(rows)d row was given the default, %(default)s.",
                "“%(text)s” is not a known %(field)s: %(rows)d rows were given the default, %(default)s.",
                self.rows,
            ) % {"text": self.text, "field": names[self.field], "rows": self.rows, "default": self.default}
        return ngettext(
            "“%(text)s” is not a known %(field)s: it was left empty in %(rows)d row.",
            "“%(text)s” is not a known %(field)s: it was left empty in %(rows)d rows.",
            self.rows,
        ) % {"text": self.text, "field": names[self.field], "rows": self.rows}


class RowReader:
    """Turns rows into Submissions, counting identical rows for their keys."""

    def __init__(self, version: SurveyVersion, mapping: Mapping, table: Table):
        self.version = version
        self.mapping = mapping
        self.headers = table.headers
        self.seen: Counter = Counter()
        self.unknown: Counter = Counter()  # (field, text) -> rows given the default
        self.metrics = {index: metric_of(target, version) for index, target in mapping.columns.items()}
        self.zone = ZoneInfo(mapping.time_zone or table.time_zone or settings.TIME_ZONE)
        self.label_languages = mapping.label_languages or version.languages
        self.services = _service_names() if "service" in mapping.columns.values() else {}
        self.this_service = mapping.service or version.survey.service.slug
        self.defaults = {"channel": mapping.channel, "customer_group": "", "touchpoint": _point_touchpoint(version)}
        self.vocabularies: dict[str, bool] = {}

    def warnings(self) -> list[ValueWarning]:
        labels = dict(Channel.choices)
        return [
            ValueWarning(field, text, rows, str(labels.get(self.defaults[field], self.defaults[field])))
            for (field, text), rows in self.unknown.most_common()
        ]

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
                payload["language"] = _language(text) or payload["language"]
            elif target == "service":
                self._check_service(index, text, errors)
            else:
                payload[target] = self._segment(index, target, text)
        if not answers and not comments and not errors:
            raise SkippedRow
        payload["answers"] = {code: self._answer(code, values) for code, values in answers.items()}
        payload["comments"] = comments
        payload["idempotency_key"] = self._key(response_id, row)
        try:
            submission = clean_submission(self.version, payload, enforce_required=False)
        except SubmissionError as error:
            raise SubmissionError({**error.errors, **errors}) from None
        if errors:
            raise SubmissionError(errors)
        submission.responded_at = responded_at
        return submission

    def _segment(self, index: int, target: str, text: str) -> str:
        """The Kuulo value of a channel, customer group or touchpoint cell: the mapping's own value
        for the text, else a value or name Kuulo knows, else the default (counted for a warning)."""
        own = self.mapping.values.get(index, {})
        if text.casefold() in own:
            return own[text.casefold()] or self.defaults[target]
        found = channel_of(text) if target == "channel" else self._term(target, text)
        if not found:
            self.unknown[(target, text)] += 1
            return self.defaults[target]
        return found

    def _term(self, kind: str, text: str) -> str:
        """The code of the organisation's customer group or touchpoint that `text` names (its code or
        a name in any language); while the organisation keeps no such vocabulary, a valid code as it is."""
        if kind not in self.vocabularies:
            self.vocabularies[kind] = bool(terms.terms_of(None, kind))
        if self.vocabularies[kind]:
            return terms.code_for(None, kind, text) or ""
        return text if SEGMENT_PATTERN.match(text) and len(text) <= MAX_SEGMENT else ""

    def _check_service(self, index: int, text: str, errors: dict) -> None:
        """Nothing for a row of the service being imported; SkippedRow for another service's row."""
        own = self.mapping.values.get(index, {})
        slug = own.get(text.casefold()) or self.services.get(_normal(text))
        if slug is None:
            errors["service"] = _("“%(text)s” is not a service of the organisation: map it to one.") % {"text": text}
        elif slug != self.this_service:
            raise SkippedRow(other_service=True)

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


def _service_names() -> dict[str, str]:
    """Normalised slug and names of every service -> its slug."""
    from kuulo.organisation.models import Service

    names: dict[str, str] = {}
    for service in Service.objects.only("slug", "name_fi", "name_sv", "name_en"):
        for text in (service.slug, service.name_fi, service.name_sv, service.name_en):
            if text:
                names.setdefault(_normal(text), service.slug)
    return names


def _point_touchpoint(version: SurveyVersion) -> str:
    point = version.survey.collection_points.filter(kind=CollectionPoint.Kind.IMPORT).first()
    return point.touchpoint if point else ""


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
    """fi, sv or en from a code (fi, fi-FI, sv_SE), a language name or a web address that carries
    one (`/fi/…`, `?lang=sv`); "" for an address without one; else the text for clean_submission
    to refuse."""
    folded = text.strip().casefold()
    if folded in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[folded]
    if re.fullmatch(r"[a-z]{2}([-_][a-z]{2})?", folded):
        return folded[:2]
    if "/" in folded or "=" in folded:
        return _language_in_address(folded)  # an address without a language: "", the default
    return folded


LANGUAGE_IN_ADDRESS = re.compile(
    r"(?:^|[/?&#.])(?:lang|language|locale|hl|kieli|språk)=(?P<query>[a-z]{2})(?:[-_][a-z]{2})?\b"
    r"|/(?P<path>fi|sv|en)(?:[-_][a-z]{2})?(?:/|$|\?|#)",
    re.IGNORECASE,
)


def _language_in_address(text: str) -> str:
    """The language a web address or page path names (`/fi/…`, `/sv-fi/…`, `?lang=en`); "" when none."""
    if "/" not in text and "=" not in text:
        return ""
    match = LANGUAGE_IN_ADDRESS.search(text)
    return (match.group("query") or match.group("path")).casefold() if match else ""


# Words other tools and people use for Kuulo's channels, besides the channels' own names.
CHANNEL_WORDS = {
    Channel.WEB: ("verkko", "verkossa", "verkkopalvelu", "nettisivu", "internet", "online", "sähköinen", "webb",
                  "nätet", "digital", "website"),
    Channel.PHONE: ("puhelu", "puhelimitse", "soitto", "telefonsamtal", "samtal", "call", "telephone"),
    Channel.SERVICE_POINT: ("palvelupiste", "toimipiste", "asiakaspalvelupiste", "paikan päällä", "servicepunkt",
                            "besök", "in person", "office visit"),
    Channel.EMAIL: ("sähköposti", "email", "e-mail", "mail", "e-post", "epost"),
    Channel.CHAT: ("chatti", "chat", "chattibotti", "botti", "chatbot"),
    Channel.LETTER: ("kirjeitse", "paperilomake", "brev", "pappersblankett", "paper form"),
    Channel.MOBILE_APP: ("mobiili", "mobiilisovellus", "sovellus", "app", "mobilapp", "application"),
    Channel.VIDEO: ("videopuhelu", "etäasiointi", "videosamtal", "distansmöte", "video call"),
}  # fmt: skip


def channel_of(text: str) -> str:
    """The channel whose code, name in Finnish, Swedish or English, or common word `text` is; "" when none."""
    wanted = _normal(text)
    for value, words in CHANNEL_WORDS.items():
        if wanted in {_normal(word) for word in words}:
            return value
    for value, label in Channel.choices:
        names = {_normal(value)}
        for language in ("fi", "sv", "en"):
            with translation.override(language):
                names.add(_normal(str(label)))
        if wanted in names:
            return value
    return ""


# --- preview and import ---


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do): the page and the command show the same."""

    created: int = 0  # in a dry run: would be created
    duplicates: int = 0  # already imported (or repeated within the file)
    skipped: int = 0  # blank rows and respondents who answered nothing
    other_service: int = 0  # rows of another service in a file of several
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)  # rejected rows' reasons, the first `max_errors`
    warnings: list[ValueWarning] = field(default_factory=list)
    rows: list[tuple[int, Submission]] = field(default_factory=list)  # the first valid rows, as they will be stored

    @property
    def valid(self) -> int:
        return self.created + self.duplicates


def import_point(survey: Survey) -> CollectionPoint:
    """The survey's file-import collection point, created on first use."""
    point = survey.collection_points.filter(kind=CollectionPoint.Kind.IMPORT).first()
    if point is None:
        point = CollectionPoint.objects.create(
            survey=survey, kind=CollectionPoint.Kind.IMPORT, name=_("File import"), allowed_origins=[]
        )
    return point


def preview(
    version: SurveyVersion, table: Table, mapping: Mapping, *, show: int = 20, max_errors: int = 200
) -> ImportResult:
    """What importing would do, storing nothing: the first `show` valid rows as they will be stored,
    and every row's errors."""
    return run(version, table, mapping, store=False, show=show, max_errors=max_errors)


def import_rows(
    version: SurveyVersion, table: Table, mapping: Mapping, *, chunk: int = CHUNK, progress=None
) -> ImportResult:
    """Stores every valid row, `chunk` rows per transaction; `progress(n)` is called as rows are read."""
    return run(version, table, mapping, store=True, chunk=chunk, progress=progress)


def run(
    version: SurveyVersion,
    table: Table,
    mapping: Mapping,
    *,
    store: bool,
    chunk: int = CHUNK,
    show: int = 0,
    max_errors: int | None = None,
    progress=None,
) -> ImportResult:
    """The one pass over a file that both the import page and the command make."""
    point = import_point(version.survey) if store else _existing_import_point(version.survey)
    reader = RowReader(version, mapping, table)
    result = ImportResult()
    pending: list[Submission] = []

    def flush() -> None:
        if not pending:
            return
        if store:
            try:
                created, duplicates = actions.record_many(point, version, pending)
            except IntegrityError:
                created, duplicates = actions.record_many(point, version, pending)
        else:
            created, duplicates = _would_record(point, pending)
        result.created += created
        result.duplicates += duplicates
        pending.clear()

    for number, row in enumerate(table.rows, start=table.first_row):
        try:
            submission = reader.read(row)
        except SkippedRow as skipped:
            if skipped.other_service:
                result.other_service += 1
            else:
                result.skipped += 1
        except SubmissionError as error:
            result.rejected += 1
            if max_errors is None or len(result.errors) < max_errors:
                result.errors.extend(RowError(number, name, message) for name, message in error.errors.items())
        else:
            pending.append(submission)
            if len(result.rows) < show:
                shown = Submission(**{**submission.__dict__})
                shown.comments = {pk: redact(text) for pk, text in submission.comments.items()}
                result.rows.append((number, shown))
        if progress:
            progress(1)
        if len(pending) >= chunk:
            flush()
    flush()
    result.warnings = reader.warnings()
    return result


def _existing_import_point(survey: Survey) -> CollectionPoint | None:
    return survey.collection_points.filter(kind=CollectionPoint.Kind.IMPORT).first()


def _would_record(point: CollectionPoint | None, submissions: list[Submission]) -> tuple[int, int]:
    """(created, duplicates) that record_many would answer, storing nothing."""
    keys = [submission.idempotency_key for submission in submissions]
    stored = set()
    if point is not None:
        stored = set(point.responses.filter(idempotency_key__in=keys).values_list("idempotency_key", flat=True))
    fresh = len(set(keys) - stored)
    return fresh, len(keys) - fresh
