"""Args builders for tests/pages.py that also give the dashboards figures to show."""

import uuid

from kuulo.feedback.actions import record_many
from kuulo.feedback.submissions import clean_submission
from tests.factories import published_survey
from tests.surveys.public_pages import ensure_metric_library


def overview_with_answers(service) -> list:
    ensure_metric_library()
    version, point = published_survey(service=service, codes=("csat", "nps"), open_question=False)
    submissions = [
        clean_submission(
            version,
            {
                "idempotency_key": str(uuid.uuid4()),
                "language": "fi",
                "channel": "web",
                "answers": {"csat": 1 + n % 5, "nps": n % 11},
            },
        )
        for n in range(15)
    ]
    record_many(point, version, submissions)
    return []


def service_dashboard_with_answers(service) -> list:
    overview_with_answers(service)
    return [service.pk]
