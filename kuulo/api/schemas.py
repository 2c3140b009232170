"""Shapes of the ingestion API, for the OpenAPI schema.

Request bodies are validated by kuulo.feedback.submissions.clean_submission,
the one validator every channel shares, so these models document the bodies
rather than parse them.
"""

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from kuulo.feedback.submissions import KEY_PATTERN
from kuulo.organisation.models import Channel


class Errors(Schema):
    errors: dict[str, str] = Field(
        description='Field name → message, e.g. {"answers.csat": "Values must be between 1 and 5."}; '
        "batch items are named responses[i].field."
    )


class MetricQuestionOut(Schema):
    code: str = Field(description="Metric code, the key of the answer in `answers`.")
    metric_version: int
    question: dict[str, str] = Field(description="The question per language code.")
    items: list[dict[str, str]] = Field(
        description="Item texts per language for multi-item metrics (answer with a list of numbers); empty otherwise."
    )
    scale_min: int
    scale_max: int
    labels: dict[str, dict[str, str]] = Field(description="Scale labels: language → value → label.")
    required: bool


class OpenQuestionOut(Schema):
    id: int = Field(description="The key of the answer in `comments`.")
    question: dict[str, str]
    max_length: int
    required: bool


class CollectionPointOut(Schema):
    key: str
    kind: str = Field(description="api or import.")
    survey_version: int = Field(description="Number of the live survey version.")
    languages: list[str]
    channel: str = Field(description="Default channel when a response names none.")
    touchpoint: str
    questions: list[MetricQuestionOut]
    open_questions: list[OpenQuestionOut]


class ResponseIn(Schema):
    """One response. Unknown fields are rejected."""

    model_config = {
        "json_schema_extra": {
            "examples": [
                {"language": "fi", "channel": "web", "answers": {"csat": 4, "nps": 9}},
                {"language": "sv", "answers": {"umux_lite": [6, 7]}, "responded_at": "2026-03-01T12:30:00+02:00"},
            ]
        }
    }

    language: Literal["fi", "sv", "en"] = Field(description="fi, sv or en; one of the survey's languages.")
    channel: Literal[("", *Channel.values)] | None = Field(  # type: ignore[valid-type]
        None,
        description="web, phone, service_point, email, chat, letter, mobile_app, video. Empty or null: the "
        "collection point's channel.",
    )
    customer_group: str | None = Field(None, max_length=64)
    touchpoint: str | None = Field(None, max_length=64)
    page: str | None = Field(None, description="Page path; a query string is dropped.", max_length=500)
    answers: dict[str, int | list[int]] | None = Field(
        default_factory=dict, description="Metric code → value, or a list of values for multi-item metrics."
    )
    comments: dict[str, str] | None = Field(default_factory=dict, description="Open question id → text.")
    responded_at: datetime | Literal[""] | None = Field(
        None,
        description="When the customer answered, ISO 8601 with a time zone, not in the future. Empty or null: "
        "when Kuulo receives it.",
    )


class BatchItemIn(ResponseIn):
    idempotency_key: str | None = Field(
        None,
        max_length=80,
        pattern=KEY_PATTERN.pattern,
        description="Overrides the derived key `<Idempotency-Key header>:<index>`.",
    )


class ResponseOut(Schema):
    id: int
    created: bool = Field(description="False when the Idempotency-Key was already stored.")


class BatchOut(Schema):
    created: int
    duplicates: int = Field(description="Items whose key was already stored or repeated in the batch.")
