"""The journey map's PDF: members download it, outsiders do not find it."""

import pytest
from django.urls import reverse

from kuulo.journeys import pdf
from kuulo.journeys.views import _map_context
from tests.journeys.pages import journey_map


@pytest.fixture
def journey(service):
    return journey_map(service)


def test_viewer_downloads_the_map_as_pdf(client_as, journey):
    response = client_as("viewer").get(reverse("journeys:journey_pdf", args=[journey.service_id, journey.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="muutto-uuteen-kuntaan.pdf"' in response["Content-Disposition"]


def test_outsider_does_not_find_the_pdf(client_as, journey):
    response = client_as("outsider").get(reverse("journeys:journey_pdf", args=[journey.service_id, journey.pk]))
    assert response.status_code == 404


def test_the_pdf_carries_every_lane_of_every_step(rf, journey, viewer):
    request = rf.get("/")
    request.user = viewer
    journey.service.can_contribute = False
    html = pdf.journey_html(_map_context(request, journey))
    for text in (
        "Muuttoilmoitus",
        "Digi- ja väestötietovirasto",
        "Täyttää lomakkeen",
        "Lomake kysyy samat tiedot uudelleen",
    ):
        assert text in html
    assert "Esitäytetty lomake" in html
    assert "A3 landscape" in html
