"""Answers on chosen days, through the one write path, for the effect and experiment tests."""

import dataclasses
import uuid
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from kuulo.feedback.actions import record_many
from kuulo.feedback.submissions import clean_submission
from tests.factories import published_survey
from tests.surveys.public_pages import ensure_metric_library


def csat_survey(service) -> tuple:
    """(version, point) of a published CSAT survey of `service`."""
    ensure_metric_library()
    return published_survey(service=service, codes=("csat",), open_question=False)


def answer(survey: tuple, day: date, values: list[int]) -> None:
    """One CSAT response per value on `day`."""
    version, point = survey
    moment = timezone.make_aware(datetime.combine(day, time(12)))
    submissions = [
        dataclasses.replace(
            clean_submission(
                version,
                {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"csat": value}},
            ),
            responded_at=moment,
        )
        for value in values
    ]
    record_many(point, version, submissions)


def answer_daily(survey: tuple, start: date, days: int, values: list[int]) -> None:
    """The same answers on each of `days` days from `start`."""
    for offset in range(days):
        answer(survey, start + timedelta(days=offset), values)
