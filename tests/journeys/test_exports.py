"""The CSV files of a journey map: every member may download them, an outsider gets 404."""

import csv
import io

import pytest
from django.urls import reverse

from tests.journeys.pages import journey_map


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("role", ["viewer", "team_member", "product_owner", "admin"])
def test_members_download_the_steps_with_their_lanes(client_as, service, role):
    journey = journey_map(service)
    response = client_as(role).get(reverse("journeys:steps_csv", args=[service.pk, journey.pk]))
    rows = _rows(response)
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0][:3] == ["Phase", "Step", "Part of the journey"]
    assert rows[1][:4] == ["Ennen", "Muuttoilmoitus", "Before our process", "Digi- ja väestötietovirasto"]
    assert len(rows) == 4


def test_opportunities_come_with_their_priority(client_as, service):
    journey = journey_map(service)
    rows = _rows(client_as("viewer").get(reverse("journeys:opportunities_csv", args=[service.pk, journey.pk])))
    assert rows[1] == ["Esitäytetty lomake", "Hakemus", "Open", "17", "50", "50", "3"]


def test_an_outsider_gets_no_file(client_as, service):
    journey = journey_map(service)
    for name in ("journeys:steps_csv", "journeys:opportunities_csv"):
        assert client_as("outsider").get(reverse(name, args=[service.pk, journey.pk])).status_code == 404
