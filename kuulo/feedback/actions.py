"""Storing responses: the one path every channel takes."""

from collections import Counter
from contextlib import nullcontext

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from kuulo.feedback import rollups
from kuulo.feedback.hooks import comments_changed, comments_stored
from kuulo.feedback.inserts import adapt_datetime, insert_response_postgres, insert_rows
from kuulo.feedback.models import Answer, Comment, Response
from kuulo.feedback.redaction import redact
from kuulo.feedback.submissions import Submission, questions_of
from kuulo.lib.observability import STORED
from kuulo.surveys.models import CollectionPoint, SurveyVersion


def _build(point: CollectionPoint, version: SurveyVersion, submission: Submission, now) -> Response:
    return Response(
        survey_version=version,
        service_id=version.survey.service_id,
        collection_point=point,
        idempotency_key=submission.idempotency_key,
        received_at=now,
        responded_at=submission.responded_at or now,
        channel=submission.channel,
        language=submission.language,
        customer_group=submission.customer_group,
        touchpoint=submission.touchpoint,
        page_path=submission.page_path,
        status=Response.Status.SUSPECT if submission.suspect_reason else Response.Status.ACCEPTED,
        suspect_reason=submission.suspect_reason[:200],
    )


RESPONSE_COLUMNS = [
    "survey_version_id",
    "service_id",
    "collection_point_id",
    "idempotency_key",
    "received_at",
    "responded_at",
    "channel",
    "language",
    "customer_group",
    "touchpoint",
    "page_path",
    "status",
    "suspect_reason",
]
ANSWER_COLUMNS = ["response_id", "metric_id", "item", "value"]
COMMENT_COLUMNS = ["response_id", "service_id", "responded_at", "question_id", "text", "language"]


def _response_row(response: Response) -> tuple:
    return tuple(
        adapt_datetime(getattr(response, column)) if column.endswith("_at") else getattr(response, column)
        for column in RESPONSE_COLUMNS
    )


def _children(response: Response, version: SurveyVersion, submission: Submission):
    """Answer rows (metric, item, value), redacted comment rows (question,
    text, language) and the rollup counts of a response."""
    by_id = {question.pk: question for question in questions_of(version)}
    answers, metric_values = [], []
    for question_id, values in submission.answers.items():
        metric = by_id[question_id].metric
        metric_values.append((metric, values))
        answers.extend((metric.pk, item, value) for item, value in enumerate(values))
    comments = [(question_id, redact(text), submission.language) for question_id, text in submission.comments.items()]
    counts = rollups.keys_for(response, metric_values) if response.status == Response.Status.ACCEPTED else Counter()
    return answers, comments, counts


def _insert(responses: list[Response], children_of) -> None:
    """Writes responses, then their answers, comments and rollup counts."""
    ids = insert_rows(Response, RESPONSE_COLUMNS, [_response_row(r) for r in responses], returning_id=True)
    all_answers, all_comments, counts = [], [], Counter()
    for response, response_id in zip(responses, ids, strict=True):
        response.pk = response_id
        answers, comments, response_counts = children_of(response)
        all_answers.extend((response_id, *answer) for answer in answers)
        copied = (response_id, response.service_id, adapt_datetime(response.responded_at))  # see Comment.service
        all_comments.extend((*copied, *comment) for comment in comments)
        counts.update(response_counts)
    insert_rows(Answer, ANSWER_COLUMNS, all_answers)
    if all_comments:
        insert_rows(Comment, COMMENT_COLUMNS, all_comments)
    accepted = Counter(rollups.response_key(r) for r in responses if r.status == Response.Status.ACCEPTED)
    rollups.add(counts, responses=accepted)


def record_response(point: CollectionPoint, version: SurveyVersion, submission: Submission) -> tuple[Response, bool]:
    """Stores a response with its answers, comments and rollups in one
    transaction. A retry with the same idempotency key returns the stored
    response and adds nothing: (response, created)."""
    now = timezone.now()
    response = _build(point, version, submission, now)
    try:
        if connection.vendor == "postgresql":
            answers, comments, counts = _children(response, version, submission)
            # One statement is atomic on its own; inside a caller's transaction a
            # savepoint keeps a duplicate key from spoiling that transaction.
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                accepted = response.status == Response.Status.ACCEPTED
                responses = Counter([rollups.response_key(response)] if accepted else [])
                changes = rollups.changes(counts, responses=responses)
                response.pk = insert_response_postgres(
                    RESPONSE_COLUMNS, _response_row(response), answers, comments, changes
                )
        else:
            with transaction.atomic():
                _insert([response], lambda stored: _children(stored, version, submission))
        if submission.comments and response.status == Response.Status.ACCEPTED:
            comments_stored([response.pk])
        STORED.labels(point.kind).inc()
        return response, True
    except IntegrityError:
        existing = Response.objects.filter(collection_point=point, idempotency_key=submission.idempotency_key).first()
        if existing is None:
            raise
        return existing, False


def record_many(point: CollectionPoint, version: SurveyVersion, submissions: list[Submission]) -> tuple[int, int]:
    """Stores a batch in one transaction; submissions whose key is already
    stored (or repeated within the batch) are skipped: (created, duplicates)."""
    now = timezone.now()
    keys = [submission.idempotency_key for submission in submissions]
    stored = set(
        Response.objects.filter(collection_point=point, idempotency_key__in=keys).values_list(
            "idempotency_key", flat=True
        )
    )
    fresh, seen = [], set(stored)
    for submission in submissions:
        if submission.idempotency_key not in seen:
            seen.add(submission.idempotency_key)
            fresh.append(submission)
    responses = [_build(point, version, submission, now) for submission in fresh]
    by_response = {id(response): submission for response, submission in zip(responses, fresh, strict=True)}
    with transaction.atomic():
        _insert(responses, lambda stored: _children(stored, version, by_response[id(stored)]))
    accepted = Response.Status.ACCEPTED
    comments_stored([r.pk for r in responses if by_response[id(r)].comments and r.status == accepted])
    STORED.labels(point.kind).inc(len(fresh))
    return len(fresh), len(submissions) - len(fresh)


@transaction.atomic
def accept_suspect(response: Response) -> None:
    """A reviewer lets a suspect response into the figures."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.status == Response.Status.ACCEPTED:
        return
    response.status = Response.Status.ACCEPTED
    response.save(update_fields=["status"])
    counts = rollups.counts_from_answers(Response.objects.filter(pk=response.pk))
    rollups.add(counts, responses=Counter([rollups.response_key(response)]))
    if response.comments.exists():
        comments_changed()
        comments_stored([response.pk])


@transaction.atomic
def discard_suspect(response: Response) -> None:
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.status == Response.Status.ACCEPTED:
        counts = rollups.counts_from_answers(Response.objects.filter(pk=response.pk))
        rollups.add(counts, sign=-1, responses=Counter([rollups.response_key(response)]))
    response.status = Response.Status.DISCARDED
    response.save(update_fields=["status"])
    if response.comments.exists():
        comments_changed()
