"""Journey maps by role: creating, editing the outline by buttons, reordering, the visual view,
step locking against lost edits, and bad input."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from kuulo.journeys.models import Emotion, JourneyMap, Phase, Step
from tests.journeys.pages import journey_map


@pytest.fixture
def journey(service):
    return journey_map(service)


def _step(journey, name="Hakemus") -> Step:
    return Step.objects.get(phase__journey=journey, name=name)


def _step_data(step: Step, **changes) -> dict:
    data = {
        "name": step.name,
        "process": step.process,
        "other_organisation": step.other_organisation,
        "does": step.does,
        "thinks": step.thinks,
        "feels": step.feels,
        "channel": step.channel,
        "touchpoint": step.touchpoint,
        "backstage": step.backstage,
        "version": step.version,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("role", ["admin", "product_owner"])
def test_product_owner_creates_a_map(client_as, service, role):
    response = client_as(role).post(
        reverse("journeys:journey_create", args=[service.pk]),
        {"title": "Muutto", "kind": "current", "status": "draft"},
    )
    journey = JourneyMap.objects.get()
    assert response.status_code == 302
    assert response["Location"] == journey.get_absolute_url()
    assert journey.service == service


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_others_cannot_create_or_delete_a_map(client_as, service, journey, role, status):
    client = client_as(role)
    create = client.post(reverse("journeys:journey_create", args=[service.pk]), {"title": "X", "kind": "current"})
    delete = client.post(reverse("journeys:journey_delete", args=[service.pk, journey.pk]))
    assert (create.status_code, delete.status_code) == (status, status)
    assert JourneyMap.objects.count() == 1


def test_product_owner_deletes_a_map_with_everything_on_it(client_as, service, journey):
    response = client_as("product_owner").post(reverse("journeys:journey_delete", args=[service.pk, journey.pk]))
    assert response.status_code == 302
    assert not JourneyMap.objects.exists() and not Step.objects.exists()


def test_viewer_reads_the_outline_with_every_lane_and_the_handoff(client_as, service, journey):
    response = client_as("viewer").get(journey.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Digi- ja väestötietovirasto" in content
    assert "Täyttää lomakkeen" in content
    assert "Before our process" in content
    assert "Lomake kysyy samat tiedot uudelleen" in content
    assert "Edit step" not in content and "Add a phase" not in content


def test_a_map_of_another_service_is_not_found(client_as, service, journey):
    other = JourneyMap.objects.create(service=__import__("tests.factories").factories.ServiceFactory(), title="Muu")
    response = client_as("product_owner").get(reverse("journeys:journey_detail", args=[service.pk, other.pk]))
    assert response.status_code == 404


def test_team_member_adds_a_phase_and_a_step_at_the_end(client_as, service, journey):
    client = client_as("team_member")
    response = client.post(
        reverse("journeys:phase_create", args=[service.pk, journey.pk]), {"name": "Jälkeen", "process": "after"}
    )
    phase = Phase.objects.get(name="Jälkeen")
    assert response.status_code == 302 and phase.position == 2
    response = client.post(
        reverse("journeys:step_create", args=[service.pk, journey.pk, phase.pk]),
        {"name": "Palaute", "process": "after", "other_organisation": "Kela", f"emotion_{journey.persona_id}": "-2"},
    )
    step = Step.objects.get(name="Palaute")
    assert response.status_code == 302
    assert (step.phase, step.service, step.other_organisation, step.version) == (phase, service, "Kela", 1)
    assert Emotion.objects.get(step=step).score == -2


def test_steps_and_phases_move_with_buttons(client_as, service, journey):
    client = client_as("team_member")
    decision = _step(journey, "Päätös")
    client.post(reverse("journeys:step_move", args=[service.pk, journey.pk, decision.pk]), {"direction": "up"})
    ours = decision.phase
    assert [step.name for step in ours.steps.all()] == ["Päätös", "Hakemus"]
    client.post(reverse("journeys:phase_move", args=[service.pk, journey.pk, ours.pk]), {"direction": "up"})
    assert [phase.name for phase in journey.phases.all()] == ["Asiointi", "Ennen"]
    # Moving the first one up changes nothing.
    client.post(reverse("journeys:phase_move", args=[service.pk, journey.pk, ours.pk]), {"direction": "up"})
    assert [phase.name for phase in journey.phases.all()] == ["Asiointi", "Ennen"]


def test_viewer_cannot_move_or_edit_steps(client_as, service, journey):
    client = client_as("viewer")
    step = _step(journey)
    assert client.post(reverse("journeys:step_move", args=[service.pk, journey.pk, step.pk])).status_code == 403
    edit = reverse("journeys:step_edit", args=[service.pk, journey.pk, step.pk])
    assert client.post(edit, _step_data(step, name="Muutettu")).status_code == 403
    assert _step(journey).name == "Hakemus"


def test_a_step_channel_must_be_one_of_the_services_channels(client_as, service, journey):
    service.channels = ["web"]
    service.save()
    step = _step(journey)
    edit = reverse("journeys:step_edit", args=[service.pk, journey.pk, step.pk])
    response = client_as("team_member").post(edit, _step_data(step, channel="phone"))
    assert response.status_code == 422
    assert b"error-summary" in response.content
    assert _step(journey).channel == ""


def test_an_emotion_outside_the_scale_is_refused(client_as, service, journey):
    step = _step(journey)
    edit = reverse("journeys:step_edit", args=[service.pk, journey.pk, step.pk])
    response = client_as("team_member").post(edit, _step_data(step, **{f"emotion_{journey.persona_id}": "5"}))
    assert response.status_code == 422
    assert not Emotion.objects.exists()


def test_a_stale_save_is_refused_and_names_who_changed_the_step(client_as, service, journey):
    """Two team members open the same step; the second save, made on the old version, must not
    overwrite the first."""
    step = _step(journey)
    edit = reverse("journeys:step_edit", args=[service.pk, journey.pk, step.pk])
    opened = step.version
    first = client_as("product_owner").post(edit, _step_data(step, does="Ensimmäinen muutos", version=opened))
    assert first.status_code == 302
    second = client_as("team_member").post(edit, _step_data(step, does="Toinen muutos", version=opened))
    assert second.status_code == 409
    content = second.content.decode()
    step.refresh_from_db()
    assert "Someone else changed this step" in content
    assert f"Changed by: {step.updated_by}," in content  # the product owner's name
    assert "Toinen muutos" in content  # what the second person wrote is still in the form
    step.refresh_from_db()
    assert (step.does, step.version, step.updated_by.username) == ("Ensimmäinen muutos", opened + 1, "owner")
    # After reloading, the second person saves on the current version.
    again = client_as("team_member").post(edit, _step_data(step, does="Toinen muutos", version=step.version))
    assert again.status_code == 302
    step.refresh_from_db()
    assert (step.does, step.version) == ("Toinen muutos", opened + 2)


def test_the_visual_view_draws_the_emotion_curve(client_as, service, journey):
    for name, score in (("Muuttoilmoitus", 1), ("Hakemus", -2)):
        Emotion.objects.create(step=_step(journey, name), persona=journey.persona, score=score)
    response = client_as("viewer").get(reverse("journeys:journey_visual", args=[service.pk, journey.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<polyline" in content
    assert "Emotion curve of Muuttaja: Muuttoilmoitus: +1; Hakemus: -2" in content


def test_the_curve_has_plain_coordinates_in_finnish_too(client_as, service, journey):
    Emotion.objects.create(step=_step(journey), persona=journey.persona, score=1)
    client = client_as("viewer")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    content = client.get(reverse("journeys:journey_visual", args=[service.pk, journey.pk])).content.decode()
    assert "Tunnekäyrä" in content
    assert re.search(r'<circle cx="\d+" cy="\d+"', content)
    assert re.search(r'--columns: \d+"', content)


def test_a_future_state_copy_shows_the_current_values_beside_the_new_ones(client_as, service, journey):
    Emotion.objects.create(step=_step(journey), persona=journey.persona, score=-1)
    response = client_as("product_owner").post(reverse("journeys:journey_copy", args=[service.pk, journey.pk]))
    copy = JourneyMap.objects.exclude(pk=journey.pk).get()
    assert response.status_code == 302 and response["Location"] == copy.get_absolute_url()
    assert (copy.kind, copy.based_on, copy.title) == ("future", journey, "Muutto uuteen kuntaan (future state)")
    new = Step.objects.get(phase__journey=copy, name="Hakemus")
    assert (new.based_on, new.does, new.version) == (_step(journey), "Täyttää lomakkeen", 1)
    assert Emotion.objects.get(step=new).score == -1
    edit = reverse("journeys:step_edit", args=[service.pk, copy.pk, new.pk])
    client_as("team_member").post(edit, _step_data(new, does="Hakemus esitäytetään"))
    content = client_as("viewer").get(copy.get_absolute_url()).content.decode()
    assert "As is" in content and "To be" in content
    assert content.index("Hakemus esitäytetään") < content.index("Täyttää lomakkeen")
    assert _step(journey).does == "Täyttää lomakkeen"  # the original is untouched


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_the_product_owner_copies_a_map(client_as, service, journey, role, status):
    assert client_as(role).post(reverse("journeys:journey_copy", args=[service.pk, journey.pk])).status_code == status
    assert JourneyMap.objects.count() == 1
