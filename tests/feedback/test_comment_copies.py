"""Every way a comment is written copies its response's service and time onto it
(the comment pages read them from the comment)."""

import dataclasses
from datetime import UTC, datetime

import pytest

from kuulo.feedback import actions
from kuulo.feedback.models import Comment
from kuulo.feedback.submissions import clean_submission
from tests.factories import published_survey
from tests.feedback.test_recording import payload


@pytest.fixture
def survey(db):
    return published_survey()


def assert_copied(comment: Comment) -> None:
    comment.refresh_from_db()
    assert comment.service_id == comment.response.service_id
    assert comment.responded_at == comment.response.responded_at


def test_a_single_response_copies_its_service_and_time_onto_its_comment(survey):
    version, point = survey
    response, _ = actions.record_response(point, version, clean_submission(version, payload(version)))
    assert_copied(Comment.objects.get(response=response))


def test_an_imported_time_is_copied_onto_the_comment(survey):
    version, point = survey
    answered = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)
    submission = dataclasses.replace(clean_submission(version, payload(version)), responded_at=answered)
    response, _ = actions.record_response(point, version, submission)
    comment = Comment.objects.get(response=response)
    assert_copied(comment)
    assert comment.responded_at == answered


def test_a_batch_copies_each_response_onto_its_comments(survey):
    version, point = survey
    submissions = [clean_submission(version, payload(version)) for _ in range(3)]
    actions.record_many(point, version, submissions)
    comments = list(Comment.objects.all())
    assert len(comments) == 3
    for comment in comments:
        assert_copied(comment)


def test_comments_made_through_the_orm_copy_their_response(survey):
    version, point = survey
    response, _ = actions.record_response(point, version, clean_submission(version, payload(version)))
    question = version.questions.get(kind="open")
    made = Comment.objects.create(response=response, question=question, text="Hyvä.", language="fi")
    [bulk] = Comment.objects.bulk_create([Comment(response=response, question=question, text="Ok.", language="fi")])
    assert_copied(made)
    assert_copied(bulk)
