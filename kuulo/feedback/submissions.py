"""Validation of a submitted response, the same for every channel.

The widget, the hosted survey page, the ingestion API and file imports all
turn their input into the same payload and call `clean_submission`; it checks
every value against the survey version and its metrics' scales and answers
with field-named errors, so nothing invalid is ever stored.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from kuulo.organisation.models import Channel
from kuulo.surveys.models import Question, SurveyVersion

MAX_SEGMENT = 64
MAX_PATH = 500
MAX_KEY = 80
# Letters of any language, digits, space and - _ . : /
SEGMENT_PATTERN = re.compile(r"^[\w\- .:/]*$")
KEY_PATTERN = re.compile(r"^[A-Za-z0-9\-_.:]+$")
CHANNELS = frozenset(Channel.values)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f]")


class SubmissionError(Exception):
    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Submission:
    idempotency_key: str
    language: str
    channel: str
    customer_group: str = ""
    touchpoint: str = ""
    page_path: str = ""
    # metric question id -> values (one per item)
    answers: dict[int, list[int]] = field(default_factory=dict)
    # open question id -> text as written (redacted when stored)
    comments: dict[int, str] = field(default_factory=dict)
    responded_at: datetime | None = None
    suspect_reason: str = ""


def questions_of(version: SurveyVersion) -> list[Question]:
    """The version's questions with metrics, cached on the instance."""
    if not hasattr(version, "_questions"):
        version._questions = list(version.questions.select_related("metric"))
    return version._questions


def clean_submission(
    version: SurveyVersion, data: object, *, defaults: dict | None = None, enforce_required: bool = True
) -> Submission:
    """A Submission from `data` (parsed JSON or form values), or SubmissionError. An import of
    another tool's history does not `enforce_required`: a customer who answered "don't know" there
    is kept with the answers they gave."""
    if not isinstance(data, dict):
        raise SubmissionError({"body": _("Expected a JSON object.")})
    values = {**(defaults or {}), **{k: v for k, v in data.items() if v not in (None, "")}}
    errors: dict[str, str] = {}

    key = _text(values, "idempotency_key", MAX_KEY, errors, required=True)
    if key and not KEY_PATTERN.match(key):
        errors["idempotency_key"] = _("Use letters, digits and - _ . : only.")
    language = _text(values, "language", 2, errors, required=True)
    if language and language not in version.languages:
        errors["language"] = _("This survey is not available in that language.")
    channel = _text(values, "channel", 20, errors, required=True)
    if channel and channel not in CHANNELS:
        errors["channel"] = _("Unknown channel.")
    segments = {}
    for name in ("customer_group", "touchpoint"):
        segments[name] = _text(values, name, MAX_SEGMENT, errors)
        if segments[name] and not SEGMENT_PATTERN.match(segments[name]):
            errors[name] = _("Use letters, digits, spaces and - _ . : / only.")
    page_path = _page_path(values.get("page", ""), errors)

    questions = questions_of(version)
    answers = _answers(questions, values.get("answers", {}), errors, enforce_required)
    comments = _comments(questions, values.get("comments", {}), errors)
    if not errors and not answers and not comments:
        errors["answers"] = _("The response has no answers.")
    if errors:
        raise SubmissionError(errors)
    return Submission(
        idempotency_key=key,
        language=language,
        channel=channel,
        customer_group=segments["customer_group"],
        touchpoint=segments["touchpoint"],
        page_path=page_path,
        answers=answers,
        comments=comments,
    )


def _text(values: dict, name: str, max_length: int, errors: dict, *, required: bool = False) -> str:
    value = values.get(name, "")
    if not isinstance(value, str):
        errors[name] = _("Expected text.")
        return ""
    value = value.strip()
    if required and not value:
        errors[name] = _("This field is required.")
    elif len(value) > max_length:
        errors[name] = _("At most %(count)d characters.") % {"count": max_length}
    elif CONTROL_CHARACTERS.search(value):
        errors[name] = _("Control characters are not allowed.")
    return value


def _page_path(value: object, errors: dict) -> str:
    if not isinstance(value, str):
        errors["page"] = _("Expected text.")
        return ""
    path = urlsplit(value.strip()).path
    if len(path) > MAX_PATH:
        errors["page"] = _("At most %(count)d characters.") % {"count": MAX_PATH}
    return path


def _metric_questions_by_code(questions: list[Question]) -> dict[str, Question]:
    return {q.metric.code: q for q in questions if q.kind == Question.Kind.METRIC}


def _answers(
    questions: list[Question], raw: object, errors: dict, enforce_required: bool = True
) -> dict[int, list[int]]:
    """Answers keyed by metric code: a number, or a list of numbers for multi-item metrics."""
    if not isinstance(raw, dict):
        errors["answers"] = _("Expected an object of metric codes and values.")
        return {}
    by_code = _metric_questions_by_code(questions)
    cleaned: dict[int, list[int]] = {}
    for code, value in raw.items():
        name = f"answers.{code}"
        question = by_code.get(code)
        if question is None:
            errors[name] = _("This survey has no such question.")
            continue
        metric = question.metric
        items = value if isinstance(value, list) else [value]
        if len(items) != metric.item_count:
            errors[name] = _("Expected %(count)d values.") % {"count": metric.item_count}
            continue
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in items):
            errors[name] = _("Expected whole numbers.")
            continue
        if not all(metric.scale_min <= v <= metric.scale_max for v in items):
            errors[name] = _("Values must be between %(low)d and %(high)d.") % {
                "low": metric.scale_min,
                "high": metric.scale_max,
            }
            continue
        cleaned[question.pk] = items
    for question in questions:
        if (
            enforce_required
            and question.kind == Question.Kind.METRIC
            and question.required
            and question.pk not in cleaned
        ):
            errors.setdefault(f"answers.{question.metric.code}", _("This question is required."))
    return cleaned


def _comments(questions: list[Question], raw: object, errors: dict) -> dict[int, str]:
    """Open answers keyed by question id (as text or number)."""
    if not isinstance(raw, dict):
        errors["comments"] = _("Expected an object of question ids and texts.")
        return {}
    by_id = {str(q.pk): q for q in questions if q.kind == Question.Kind.OPEN}
    cleaned: dict[int, str] = {}
    for question_id, text in raw.items():
        name = f"comments.{question_id}"
        question = by_id.get(str(question_id))
        if question is None:
            errors[name] = _("This survey has no such question.")
        elif not isinstance(text, str):
            errors[name] = _("Expected text.")
        elif len(text) > question.max_length:
            errors[name] = _("At most %(count)d characters.") % {"count": question.max_length}
        elif "\x00" in text:
            errors[name] = _("Control characters are not allowed.")
        elif text.strip():
            cleaned[question.pk] = text.strip()
    for question in questions:
        if question.kind == Question.Kind.OPEN and question.required and question.pk not in cleaned:
            errors.setdefault(f"comments.{question.pk}", _("This question is required."))
    return cleaned
