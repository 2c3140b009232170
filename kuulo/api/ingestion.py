"""Turning API request bodies into Submissions: the API's own rules (unknown
fields, `responded_at`, the key from the Idempotency-Key header) around the
shared `clean_submission`."""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from kuulo.feedback.submissions import KEY_PATTERN, Submission, SubmissionError, clean_submission
from kuulo.surveys.models import CollectionPoint, SurveyVersion

FIELDS = {"language", "channel", "customer_group", "touchpoint", "page", "answers", "comments", "responded_at"}
BATCH_ITEM_FIELDS = FIELDS | {"idempotency_key"}
# Room for ":<index>" in the per-item keys of a batch (keys are at most 80 characters).
MAX_HEADER_KEY = 72
CLOCK_SKEW = timedelta(minutes=5)


def clean_header_key(value: str | None) -> str:
    """The Idempotency-Key header, or SubmissionError naming the header."""
    value = (value or "").strip()
    if not value:
        raise SubmissionError({"Idempotency-Key": _("This header is required.")})
    if len(value) > MAX_HEADER_KEY:
        raise SubmissionError({"Idempotency-Key": _("At most %(count)d characters.") % {"count": MAX_HEADER_KEY}})
    if not KEY_PATTERN.match(value):
        raise SubmissionError({"Idempotency-Key": _("Use letters, digits and - _ . : only.")})
    return value


def clean_api_response(
    version: SurveyVersion, point: CollectionPoint, data: object, key: str, *, allowed: set[str] = FIELDS
) -> Submission:
    """A Submission from one parsed JSON object, or SubmissionError with every problem."""
    if not isinstance(data, dict):
        raise SubmissionError({"body": _("Expected a JSON object.")})
    errors = {name: _("Unknown field.") for name in data if name not in allowed}
    responded_at = _responded_at(data.get("responded_at"), errors)
    # Null stands for "not given", as everywhere in a body; an empty text is not an object.
    if data.get("answers") == "":
        errors["answers"] = _("Expected an object of metric codes and values.")
    if data.get("comments") == "":
        errors["comments"] = _("Expected an object of question ids and texts.")
    payload = {name: value for name, value in data.items() if name in FIELDS and name != "responded_at"}
    # A batch item's own key when it has one (null: none); anything else is checked as a key.
    own_key = data.get("idempotency_key")
    payload["idempotency_key"] = key if own_key is None else own_key
    submission = None
    try:
        submission = clean_submission(
            version, payload, defaults={"channel": point.channel, "touchpoint": point.touchpoint}
        )
    except SubmissionError as error:
        errors = {**error.errors, **errors}
    if errors:
        raise SubmissionError(errors)
    submission.responded_at = responded_at
    return submission


def _responded_at(value: object, errors: dict) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        errors["responded_at"] = _("Expected an ISO 8601 date and time.")
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        errors["responded_at"] = _("Expected an ISO 8601 date and time, such as 2026-03-01T12:30:00+02:00.")
        return None
    if moment.tzinfo is None:
        errors["responded_at"] = _("Give the time zone, such as +02:00 or Z.")
        return None
    if moment > timezone.now() + CLOCK_SKEW:
        errors["responded_at"] = _("The time is in the future.")
        return None
    return moment


def clean_batch(version: SurveyVersion, point: CollectionPoint, data: object, header_key: str) -> list[Submission]:
    """Every item of a batch, or SubmissionError naming items as responses[i].field."""
    if not isinstance(data, dict):
        raise SubmissionError({"body": _("Expected a JSON object.")})
    errors = {name: _("Unknown field.") for name in data if name != "responses"}
    items = data.get("responses")
    if not isinstance(items, list) or not items:
        errors["responses"] = _("Expected a non-empty list of responses.")
        raise SubmissionError(errors)
    submissions = []
    for index, item in enumerate(items):
        try:
            submissions.append(
                clean_api_response(version, point, item, f"{header_key}:{index}", allowed=BATCH_ITEM_FIELDS)
            )
        except SubmissionError as error:
            errors.update({f"responses[{index}].{name}": message for name, message in error.errors.items()})
    if errors:
        raise SubmissionError(errors)
    return submissions
