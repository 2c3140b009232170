"""Validation and storage of responses: the path every channel shares."""

import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kuulo.feedback import actions
from kuulo.feedback.models import Answer, Comment, DailyAggregate, Response
from kuulo.feedback.submissions import SubmissionError, clean_submission
from kuulo.metrics.models import Metric
from tests.factories import published_survey


@pytest.fixture
def survey(db):
    return published_survey()


def payload(version, **overrides) -> dict:
    open_question = version.questions.get(kind="open")
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "language": "fi",
        "channel": "web",
        "customer_group": "private",
        "touchpoint": "application-form",
        "page": "/asumistuki/hakemus?henkilo=123#top",
        "answers": {"csat": 4, "nps": 9, "umux_lite": [6, 7]},
        "comments": {str(open_question.pk): "Soita minulle 040 123 4567, hetu 131052-308T."},
    }
    return {**data, **overrides}


def test_a_valid_response_is_stored_with_its_context(survey):
    version, point = survey
    response, created = actions.record_response(point, version, clean_submission(version, payload(version)))
    assert created
    assert response.status == Response.Status.ACCEPTED
    assert response.page_path == "/asumistuki/hakemus"
    assert response.service_id == version.survey.service_id
    assert Answer.objects.filter(response=response).count() == 4


def test_personal_data_in_comments_is_redacted_before_storage(survey):
    version, point = survey
    response, _ = actions.record_response(point, version, clean_submission(version, payload(version)))
    text = Comment.objects.get(response=response).text
    assert "040 123 4567" not in text
    assert "131052-308T" not in text
    assert "[PHONE]" in text and "[ID]" in text


def test_the_same_idempotency_key_never_stores_twice(survey):
    version, point = survey
    data = payload(version)
    first, created = actions.record_response(point, version, clean_submission(version, data))
    again, created_again = actions.record_response(point, version, clean_submission(version, data))
    assert created and not created_again
    assert first.pk == again.pk
    assert Response.objects.count() == 1
    assert sum(DailyAggregate.objects.values_list("count", flat=True)) == 3


def test_rollups_count_each_metric_at_its_value(survey):
    version, point = survey
    actions.record_response(point, version, clean_submission(version, payload(version)))
    actions.record_response(point, version, clean_submission(version, payload(version, answers={"csat": 4})))
    csat = Metric.objects.get(code="csat")
    cell = DailyAggregate.objects.get(metric=csat, value=4)
    assert cell.count == 2
    assert (cell.channel, cell.language, cell.customer_group, cell.touchpoint) == (
        "web",
        "fi",
        "private",
        "application-form",
    )
    umux = DailyAggregate.objects.get(metric__code="umux_lite")
    assert umux.value == 13


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"answers": {"csat": 6}}, "answers.csat"),
        ({"answers": {"csat": "5"}}, "answers.csat"),
        ({"answers": {"csat": True}}, "answers.csat"),
        ({"answers": {"umux_lite": [6]}}, "answers.umux_lite"),
        ({"answers": {"sus": 3}}, "answers.sus"),
        ({"answers": "csat=5"}, "answers"),
        ({"language": "de"}, "language"),
        ({"channel": "pigeon"}, "channel"),
        ({"customer_group": "x" * 65}, "customer_group"),
        ({"touchpoint": "<script>"}, "touchpoint"),
        ({"idempotency_key": "has spaces"}, "idempotency_key"),
        ({"idempotency_key": ""}, "idempotency_key"),
        ({"comments": {"999999": "hello"}}, "comments.999999"),
        ({"answers": {}, "comments": {}}, "answers"),
    ],
)
def test_invalid_input_names_the_field_and_stores_nothing(survey, overrides, field):
    version, _point = survey
    with pytest.raises(SubmissionError) as error:
        clean_submission(version, payload(version, **overrides))
    assert field in error.value.errors
    assert Response.objects.count() == 0


def test_an_overlong_comment_is_refused(survey):
    version, _point = survey
    open_question = version.questions.get(kind="open")
    with pytest.raises(SubmissionError) as error:
        clean_submission(version, payload(version, comments={str(open_question.pk): "x" * 1001}))
    assert f"comments.{open_question.pk}" in error.value.errors


def test_a_batch_skips_keys_already_stored_and_repeated(survey):
    version, point = survey
    first = clean_submission(version, payload(version))
    actions.record_response(point, version, first)
    batch = [clean_submission(version, payload(version)) for _ in range(5)]
    batch.append(clean_submission(version, payload(version, idempotency_key=first.idempotency_key)))
    batch.append(clean_submission(version, payload(version, idempotency_key=batch[0].idempotency_key)))
    created, duplicates = actions.record_many(point, version, batch)
    assert (created, duplicates) == (5, 2)
    assert Response.objects.count() == 6
    call_command("rebuild_rollups", "--check", stdout=StringIO())


def test_suspect_responses_stay_out_of_the_figures_until_accepted(survey):
    version, point = survey
    submission = clean_submission(version, payload(version))
    submission.suspect_reason = "honeypot"
    response, _ = actions.record_response(point, version, submission)
    assert response.status == Response.Status.SUSPECT
    assert not DailyAggregate.objects.exists()
    actions.accept_suspect(response)
    assert sum(DailyAggregate.objects.values_list("count", flat=True)) == 3
    actions.discard_suspect(response)
    assert sum(DailyAggregate.objects.values_list("count", flat=True)) == 0
    call_command("rebuild_rollups", "--check", stdout=StringIO())


def test_rollup_check_finds_tampering_and_rebuild_repairs_it(survey):
    version, point = survey
    for _ in range(3):
        actions.record_response(point, version, clean_submission(version, payload(version)))
    DailyAggregate.objects.filter(metric__code="csat").update(count=99)
    with pytest.raises(CommandError):
        call_command("rebuild_rollups", "--check", stdout=StringIO())
    call_command("rebuild_rollups", stdout=StringIO())
    call_command("rebuild_rollups", "--check", stdout=StringIO())
    assert DailyAggregate.objects.get(metric__code="csat").count == 3


def test_no_ip_address_is_stored_anywhere(survey):
    version, point = survey
    response, _ = actions.record_response(point, version, clean_submission(version, payload(version)))
    field_names = {field.name for field in Response._meta.get_fields()}
    assert not {"ip", "ip_address", "remote_addr"} & field_names
    assert "203.0.113" not in str(Response.objects.filter(pk=response.pk).values().get())
