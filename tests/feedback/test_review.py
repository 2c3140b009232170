"""The review queue: suspect responses wait outside the figures until accepted or discarded."""

import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse

from kuulo.feedback import actions
from kuulo.feedback.models import DailyAggregate, Response
from kuulo.feedback.submissions import clean_submission
from tests.factories import published_survey


@pytest.fixture
def survey(service):
    return published_survey(service=service, codes=("csat", "nps"))


def record(survey, *, reason: str = "", csat: int = 5) -> Response:
    version, point = survey
    open_question = version.questions.get(kind="open")
    submission = clean_submission(
        version,
        {
            "idempotency_key": str(uuid.uuid4()),
            "language": "fi",
            "channel": "web",
            "answers": {"csat": csat, "nps": 9},
            "comments": {str(open_question.pk): "Minun sähköpostini on matti@example.fi"},
        },
    )
    submission.suspect_reason = reason
    return actions.record_response(point, version, submission)[0]


def counted() -> int:
    return sum(DailyAggregate.objects.filter(metric__code="csat").values_list("count", flat=True))


def test_the_queue_lists_suspect_responses_with_reason_answers_and_redacted_comments(client_as, service, survey):
    record(survey, reason="Too fast: 0.4 s")
    record(survey)
    page = client_as("team_member").get(reverse("feedback:review_queue", args=[service.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Too fast: 0.4 s" in html
    assert "csat: 5" in html
    assert "matti@example.fi" not in html
    assert len(page.context["suspects"]) == 1


def test_the_queue_takes_a_fixed_number_of_queries(client_as, service, survey, django_assert_max_num_queries):
    for _ in range(15):
        record(survey, reason="Flood")
    client = client_as("product_owner")
    with django_assert_max_num_queries(12):
        client.get(reverse("feedback:review_queue", args=[service.pk]))


def test_a_suspect_response_is_outside_the_figures_until_accepted(client_as, service, survey):
    suspect = record(survey, reason="Flood")
    record(survey)
    assert counted() == 1
    response = client_as("product_owner").post(
        reverse("feedback:review_queue", args=[service.pk]), {"response": suspect.pk, "decision": "accept"}
    )
    assert response.status_code == 302
    suspect.refresh_from_db()
    assert suspect.status == Response.Status.ACCEPTED
    assert counted() == 2
    call_command("rebuild_rollups", "--check")


def test_a_discarded_response_never_counts(client_as, service, survey):
    suspect = record(survey, reason="Flood")
    client_as("admin").post(
        reverse("feedback:review_queue", args=[service.pk]), {"response": suspect.pk, "decision": "discard"}
    )
    suspect.refresh_from_db()
    assert suspect.status == Response.Status.DISCARDED
    assert counted() == 0
    call_command("rebuild_rollups", "--check")


def test_htmx_replaces_the_row_with_the_outcome(client_as, service, survey):
    suspect = record(survey, reason="Flood")
    response = client_as("product_owner").post(
        reverse("feedback:review_queue", args=[service.pk]),
        {"response": suspect.pk, "decision": "accept"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith(f'<tr id="suspect-{suspect.pk}"')
    assert "now counts in the figures" in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_htmx_get_answers_only_the_list(client_as, service, survey):
    record(survey, reason="Flood")
    response = client_as("team_member").get(
        reverse("feedback:review_queue", args=[service.pk]), headers={"HX-Request": "true"}
    )
    assert "<html" not in response.content.decode()
    assert "Flood" in response.content.decode()


def test_team_members_see_the_queue_without_buttons(client_as, service, survey):
    record(survey, reason="Flood")
    html = client_as("team_member").get(reverse("feedback:review_queue", args=[service.pk])).content.decode()
    assert 'value="accept"' not in html


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_can_decide(client_as, service, survey, role, status):
    suspect = record(survey, reason="Flood")
    response = client_as(role).post(
        reverse("feedback:review_queue", args=[service.pk]), {"response": suspect.pk, "decision": "accept"}
    )
    assert response.status_code == status
    suspect.refresh_from_db()
    assert suspect.status == Response.Status.SUSPECT
    assert counted() == 0


def test_a_response_of_another_service_cannot_be_decided_here(client_as, service, survey):
    other = record(published_survey(codes=("csat", "nps")), reason="Flood")
    response = client_as("product_owner").post(
        reverse("feedback:review_queue", args=[service.pk]), {"response": other.pk, "decision": "accept"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Response.Status.SUSPECT


@pytest.mark.parametrize("data", [{}, {"response": "x", "decision": "accept"}, {"response": 1, "decision": "keep"}])
def test_a_malformed_decision_is_refused(client_as, service, survey, data):
    suspect = record(survey, reason="Flood")
    data = {**data, "response": data.get("response", suspect.pk)} if data else data
    response = client_as("product_owner").post(reverse("feedback:review_queue", args=[service.pk]), data)
    assert response.status_code == 400
    suspect.refresh_from_db()
    assert suspect.status == Response.Status.SUSPECT


@pytest.mark.parametrize(
    ("code", "finnish"),
    [
        ("too_fast", "Vastattu nopeammin kuin ihminen ehtii lukea kysymykset"),
        ("honeypot", "Ihmisiltä piilotettu kenttä oli täytetty"),
        ("no_start_time", "Lomaketta ei avattu ennen vastaamista"),
    ],
)
def test_the_finnish_queue_names_the_reason_in_finnish_and_never_shows_its_code(
    client_as, service, survey, code, finnish
):
    record(survey, reason=code)
    page = client_as("product_owner").get(
        reverse("feedback:review_queue", args=[service.pk]), HTTP_ACCEPT_LANGUAGE="fi"
    )
    html = page.content.decode()
    assert finnish in html
    assert code not in html


def test_the_swedish_queue_names_the_reason_in_swedish(client_as, service, survey):
    record(survey, reason="too_fast")
    page = client_as("team_member").get(reverse("feedback:review_queue", args=[service.pk]), HTTP_ACCEPT_LANGUAGE="sv")
    assert "Besvarades snabbare än en människa hinner läsa frågorna" in page.content.decode()


def test_the_row_after_a_decision_keeps_the_translated_reason(client_as, service, survey):
    suspect = record(survey, reason="honeypot")
    response = client_as("product_owner").post(
        reverse("feedback:review_queue", args=[service.pk]),
        {"response": suspect.pk, "decision": "discard"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "A field hidden from people was filled in" in html
    assert "honeypot" not in html
