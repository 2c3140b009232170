"""Live feedback on steps (the dashboards' figures, hidden below the minimum n), pain points
with their evidence, and opportunities that become backlog items."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.dashboards.figures import overview
from kuulo.feedback.histograms import Segment
from kuulo.journeys.models import Opportunity, PainPoint, Step
from kuulo.lib.periods import Period
from kuulo.traceability.actions import link
from kuulo.traceability.models import Link
from tests.insights.pages import answered
from tests.journeys.pages import journey_map


@pytest.fixture
def journey(service):
    return journey_map(service)


def _step(journey, name="Hakemus") -> Step:
    return Step.objects.get(phase__journey=journey, name=name)


def test_a_step_shows_the_score_the_dashboards_show_for_its_touchpoint(client_as, service, journey):
    answered(service, count=15)  # CSAT answers at the touchpoint "queue"
    step = _step(journey)
    step.measured_touchpoints = ["queue"]
    step.save()
    today = timezone.localdate()
    _metrics, cells = overview([service], Period(today, today), Segment())
    csat = next(cell for cell in cells.values() if cell.metric.code == "csat")
    response = client_as("viewer").get(step.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert f"n = {csat.score.n}" in content and csat.score.n == 15
    assert f"{csat.score.value:.0f}" in content
    outline = client_as("viewer").get(journey.get_absolute_url()).content.decode()
    assert "Live feedback across the journey" in outline
    assert "No feedback linked" in outline  # the other steps


def test_a_step_with_too_few_answers_hides_its_score(client_as, service, journey):
    answered(service, count=4)
    step = _step(journey)
    step.measured_touchpoints = ["queue"]
    step.save()
    content = client_as("viewer").get(step.get_absolute_url()).content.decode()
    assert "4 answers, too few to show" in content
    assert "n = 4" not in content


def test_the_step_form_offers_the_touchpoints_of_the_services_feedback(client_as, service, journey):
    answered(service, count=3)
    step = _step(journey)
    edit = reverse("journeys:step_edit", args=[service.pk, journey.pk, step.pk])
    assert 'value="queue"' in client_as("team_member").get(edit).content.decode()
    data = {"name": step.name, "process": step.process, "version": step.version, "measured_touchpoints": ["nowhere"]}
    response = client_as("team_member").post(edit, data)
    assert response.status_code == 422
    assert Step.objects.get(pk=step.pk).measured_touchpoints == []


def test_team_member_adds_a_pain_point_and_its_comment_evidence_shows_on_the_step(client_as, service, journey):
    comments = answered(service, count=3)
    step = _step(journey, "Päätös")
    url = reverse("journeys:pain_point_create", args=[service.pk, journey.pk, step.pk])
    assert client_as("team_member").post(url, {"text": "Päätös viipyy"}).status_code == 302
    pain = PainPoint.objects.get(text="Päätös viipyy")
    assert pain.service == service
    link(comments[0], pain, None)
    content = client_as("viewer").get(step.get_absolute_url()).content.decode()
    assert comments[0].text in content


def test_viewer_cannot_add_or_remove_pain_points(client_as, service, journey):
    step = _step(journey)
    pain = PainPoint.objects.get()
    client = client_as("viewer")
    create = reverse("journeys:pain_point_create", args=[service.pk, journey.pk, step.pk])
    delete = reverse("journeys:pain_point_delete", args=[service.pk, journey.pk, pain.pk])
    assert (client.post(create, {"text": "x"}).status_code, client.post(delete).status_code) == (403, 403)
    assert PainPoint.objects.count() == 1


def test_comment_evidence_goes_through_the_one_link_url_by_role(client_as, service, journey):
    comments = answered(service, count=2)
    pain = PainPoint.objects.get()
    url = reverse("traceability:link", args=[service.pk, "comment", "pain_point"])
    data = {"comment": comments[1].pk, "pain_point": pain.pk}
    assert client_as("viewer").post(url, data).status_code == 403
    assert client_as("outsider").post(url, data).status_code == 404
    assert client_as("team_member").post(url, data).status_code == 302
    assert Link.objects.filter(source_kind="comment", target_kind="pain_point", target_id=pain.pk).count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {"title": "Esitäyttö", "status": "open", "customer_value": "101", "organisation_value": "50", "effort": "3"},
        {"title": "Esitäyttö", "status": "open", "customer_value": "50", "organisation_value": "50", "effort": "0"},
        {"title": "Esitäyttö", "status": "open", "customer_value": "50", "organisation_value": "50", "effort": "6"},
        {"title": "", "status": "open", "customer_value": "50", "organisation_value": "50", "effort": "3"},
        {"title": "Esitäyttö", "status": "maybe", "customer_value": "50", "organisation_value": "50", "effort": "3"},
    ],
)
def test_an_opportunity_out_of_range_is_refused(client_as, service, journey, data):
    url = reverse("journeys:opportunity_create", args=[service.pk, journey.pk, _step(journey).pk])
    response = client_as("team_member").post(url, data)
    assert response.status_code == 422
    assert Opportunity.objects.count() == 1


def test_the_matrix_sorts_by_computed_priority_and_shows_progress_from_items(client_as, service, journey):
    step = _step(journey)
    url = reverse("journeys:opportunity_create", args=[service.pk, journey.pk, step.pk])
    data = {
        "title": "Chat-neuvonta",
        "status": "open",
        "customer_value": "90",
        "organisation_value": "70",
        "effort": "1",
    }
    assert client_as("team_member").post(url, data).status_code == 302
    quick = Opportunity.objects.get(title="Chat-neuvonta")
    assert quick.priority == 80  # (90 + 70) / 2 / 1
    prefill = Opportunity.objects.get(title="Esitäytetty lomake")  # 50, 50, effort 3 → 17
    for title, status in (("Yksi", "done"), ("Kaksi", "idea")):
        link(prefill, BacklogItem.objects.create(service=service, title=title, status=status, rank=1), None)
    content = client_as("viewer").get(reverse("journeys:opportunity_matrix", args=[service.pk, journey.pk])).content
    content = content.decode()
    assert content.index("Chat-neuvonta") < content.index("Esitäytetty lomake")
    assert "1 of 2 (50 %)" in content
    by_effort = client_as("viewer").get(
        reverse("journeys:opportunity_matrix", args=[service.pk, journey.pk]) + "?sort=effort"
    )
    text = by_effort.content.decode()
    assert text.index("Chat-neuvonta") < text.index("Esitäytetty lomake")


def test_an_opportunity_becomes_a_linked_backlog_item(client_as, service, journey):
    opportunity = Opportunity.objects.get()
    url = reverse("journeys:opportunity_item_create", args=[service.pk])
    page = client_as("team_member").get(url + f"?opportunity={opportunity.pk}")
    assert page.status_code == 200 and "Esitäytetty lomake" in page.content.decode()
    response = client_as("team_member").post(url, {"opportunity": opportunity.pk, "title": ""})
    item = BacklogItem.objects.get(service=service)
    assert response.status_code == 302
    assert (item.title, item.description) == ("Esitäytetty lomake", "Lomake kysyy samat tiedot uudelleen")
    assert Link.objects.filter(source_kind="opportunity", source_id=opportunity.pk, target_kind="item").exists()
    opportunity.refresh_from_db()
    assert opportunity.status == "in_progress"


def test_an_opportunity_of_another_service_cannot_become_an_item(client_as, service, journey):
    from tests.factories import ServiceFactory

    other = journey_map(ServiceFactory())
    foreign = Opportunity.objects.get(step__phase__journey=other)
    url = reverse("journeys:opportunity_item_create", args=[service.pk])
    assert client_as("product_owner").get(url + f"?opportunity={foreign.pk}").status_code == 404
    assert client_as("product_owner").post(url, {"opportunity": foreign.pk}).status_code == 422
    assert not BacklogItem.objects.exists()
