"""The demo's journey map: a life event across another agency, with live figures on our steps."""

from django.urls import reverse

from kuulo.backlog.models import BacklogItem
from kuulo.journeys.demo import TITLE, load_demo_journeys
from kuulo.journeys.models import JourneyMap, Opportunity, PainPoint, Step
from kuulo.traceability.queries import targets
from tests.factories import MembershipFactory, ServiceFactory
from tests.insights.pages import answered


def test_the_demo_journey_crosses_another_agency_measures_our_steps_and_loads_once(client, db):
    service = ServiceFactory(slug="housing-allowance-online", channels=["web"])
    answered(service, count=12)  # touchpoint "queue", not one of the map's: steps show no figure
    BacklogItem.objects.create(service=service, title="Asumistuen hakulomakkeen uudistus", status="verified", rank=1)
    journey = load_demo_journeys()
    assert load_demo_journeys() is None  # loading again adds nothing
    assert JourneyMap.objects.filter(title=TITLE).count() == 1
    future = JourneyMap.objects.get(based_on=journey)
    redesigned = Step.objects.get(phase__journey=future, name="Liitteiden lähettäminen")
    assert redesigned.based_on.does != redesigned.does
    steps = Step.objects.filter(phase__journey=journey)
    assert {"before", "ours", "after"} <= set(steps.values_list("process", flat=True))
    assert steps.filter(other_organisation__startswith="Digi- ja väestötietovirasto").exists()
    assert steps.exclude(measured_touchpoints=[]).count() == 3
    assert PainPoint.objects.filter(step__phase__journey=journey).count() == 3
    attachments = Opportunity.objects.get(title__startswith="Näytä liitteiden vaatimukset")
    assert [item.status for item in targets("opportunity", [attachments.pk], "item")[attachments.pk]] == ["verified"]
    viewer = MembershipFactory(service=service, role="viewer").user
    client.force_login(viewer)
    page = client.get(reverse("journeys:journey_visual", args=[service.pk, journey.pk]))
    assert page.status_code == 200
    assert "Digi- ja väestötietovirasto (DVV)" in page.content.decode()
