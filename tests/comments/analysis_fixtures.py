"""Stored comments for the analysis tests: written through the storing path
(so the on-commit hook runs) or created in bulk from the evaluation set."""

import uuid

from django.utils import timezone

from kuulo.comments.evaluation import load
from kuulo.feedback.actions import record_response
from kuulo.feedback.models import Comment, Response
from kuulo.feedback.submissions import Submission
from tests.factories import published_survey
from tests.surveys.public_pages import ensure_metric_library


def survey(service=None):
    ensure_metric_library()
    version, point = published_survey(service=service, codes=("csat", "nps"), open_question=True)
    questions = {question.metric.code if question.metric else "open": question for question in version.questions.all()}
    return version, point, questions


def submit(version, point, questions, *, text: str = "", csat: int = 4, language: str = "fi", suspect: str = ""):
    submission = Submission(
        idempotency_key=str(uuid.uuid4()),
        language=language,
        channel="web",
        answers={questions["csat"].pk: [csat], questions["nps"].pk: [8]},
        comments={questions["open"].pk: text} if text else {},
        suspect_reason=suspect,
    )
    response, _ = record_response(point, version, submission)
    return response


def bulk_comments(version, point, questions, items: list[dict]) -> list[Comment]:
    """Unanalysed comments with one response each (no hook: a test runs the analysis)."""
    now = timezone.now()
    responses = Response.objects.bulk_create(
        [
            Response(
                survey_version=version,
                service_id=version.survey.service_id,
                collection_point=point,
                idempotency_key=str(uuid.uuid4()),
                received_at=now,
                responded_at=now,
                channel="web",
                language=item["hint"],
            )
            for item in items
        ]
    )
    return Comment.objects.bulk_create(
        [
            Comment(response=response, question=questions["open"], text=item["text"], language=item["hint"])
            for response, item in zip(responses, items, strict=True)
        ]
    )


def eval_items(*themes: str) -> list[dict]:
    return [item for item in load() if item["theme"] in themes and item["language"] != "xx"]
