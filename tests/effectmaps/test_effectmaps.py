"""Effect maps by role: creating a map with a measurable goal, building it from actors to
deliverables by keyboard-usable forms and buttons, turning a deliverable into a backlog item,
and the goal's measured change from the effects mechanism."""

import pytest
from django.urls import reverse

from kuulo.backlog.models import BacklogItem
from kuulo.effectmaps.models import Actor, Deliverable, EffectMap, Impact
from kuulo.journeys.models import Step
from kuulo.metrics.models import Metric
from kuulo.traceability import actions as links
from tests.backlog.effect_pages import done_item_with_answers
from tests.effectmaps.pages import effect_map
from tests.factories import ServiceFactory
from tests.journeys.pages import journey_map


@pytest.fixture
def emap(service):
    return effect_map(service)


def _url(name, emap, *rest):
    return reverse(f"effectmaps:{name}", args=[emap.service_id, emap.pk, *rest])


@pytest.mark.parametrize("role", ["admin", "product_owner"])
def test_product_owner_creates_a_map_with_a_measurable_goal(client_as, service, role):
    metric = Metric.objects.filter(code="csat", is_active=True).first()
    response = client_as(role).post(
        reverse("effectmaps:map_create", args=[service.pk]),
        {
            "title": "Muutto",
            "goal": "Enemmän onnistuneita asiointeja",
            "metric": metric.pk,
            "direction": "up",
            "target_level": "80",
            "target_date": "2027-06-30",
        },
    )
    created = EffectMap.objects.get()
    assert response.status_code == 302
    assert response["Location"] == created.get_absolute_url()
    assert (created.service, created.goal_metric, created.goal_target[0]) == (service, metric, 80)


def test_a_target_without_a_metric_is_refused_and_nothing_is_stored(client_as, service):
    response = client_as("product_owner").post(
        reverse("effectmaps:map_create", args=[service.pk]),
        {"title": "Muutto", "goal": "Tavoite", "direction": "up", "target_level": "80"},
    )
    assert response.status_code == 422
    assert not EffectMap.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_others_cannot_create_or_delete_a_map(client_as, service, emap, role, status):
    client = client_as(role)
    create = client.post(reverse("effectmaps:map_create", args=[service.pk]), {"title": "X", "goal": "Y"})
    delete = client.post(_url("map_delete", emap))
    assert (create.status_code, delete.status_code) == (status, status)
    assert EffectMap.objects.count() == 1


def test_team_member_builds_the_map_from_actor_to_deliverable(client_as, service, emap):
    client = client_as("team_member")
    response = client.post(_url("actor_create", emap), {"name": "Isännöitsijät", "obstructs": "on"})
    actor = Actor.objects.get(name="Isännöitsijät")
    assert response["Location"].endswith(f"#actor-{actor.pk}")
    assert (actor.position, actor.obstructs) == (2, True)
    step = Step.objects.get(phase__journey=journey_map(service), name="Hakemus")
    client.post(
        _url("impact_create", emap, actor.pk), {"text": "Kertovat muutosta", "direction": "up", "step": step.pk}
    )
    impact = Impact.objects.get(text="Kertovat muutosta")
    assert (impact.actor, impact.step) == (actor, step)
    client.post(_url("deliverable_create", emap, impact.pk), {"title": "Ohje isännöitsijöille", "contribution": 4})
    deliverable = Deliverable.objects.get(title="Ohje isännöitsijöille")
    assert (deliverable.impact, deliverable.service) == (impact, service)
    page = client.get(emap.get_absolute_url()).content.decode()
    assert "Ohje isännöitsijöille" in page and "May obstruct the goal" in page
    assert step.get_absolute_url() in page


def test_contribution_out_of_scale_is_refused(client_as, emap):
    impact = Impact.objects.get(actor__effect_map=emap)
    response = client_as("team_member").post(
        _url("deliverable_create", emap, impact.pk), {"title": "X", "contribution": 9}
    )
    assert response.status_code == 422
    assert not Deliverable.objects.filter(title="X").exists()


def test_viewer_reads_but_cannot_edit_or_move(client_as, emap):
    client = client_as("viewer")
    actor = emap.actors.first()
    page = client.get(emap.get_absolute_url())
    assert page.status_code == 200
    assert "Muuttajat" in page.content.decode() and "Add an actor" not in page.content.decode()
    assert client.post(_url("actor_create", emap), {"name": "X"}).status_code == 403
    assert client.post(_url("actor_move", emap, actor.pk), {"direction": "down"}).status_code == 403
    assert list(emap.actors.values_list("name", flat=True)) == ["Muuttajat", "Vuokranantajat"]


def test_buttons_reorder_actors_and_deliverables(client_as, emap):
    client = client_as("team_member")
    first = emap.actors.first()
    client.post(_url("actor_move", emap, first.pk), {"direction": "down"})
    assert list(emap.actors.values_list("name", flat=True)) == ["Vuokranantajat", "Muuttajat"]
    second = Deliverable.objects.get(title="Muistutusviesti")
    client.post(_url("deliverable_move", emap, second.pk), {"direction": "up"})
    titles = Deliverable.objects.filter(impact=second.impact).values_list("title", flat=True)
    assert list(titles) == ["Muistutusviesti", "Esitäytetty lomake"]


def test_a_part_of_another_map_is_not_found(client_as, service, emap):
    other = EffectMap.objects.create(service=service, title="Toinen", goal="Muu")
    actor = emap.actors.first()
    response = client_as("team_member").get(_url("actor_edit", other, actor.pk))
    assert response.status_code == 404


def test_deliverable_becomes_a_linked_backlog_item(client_as, service, emap):
    deliverable = Deliverable.objects.get(title="Esitäytetty lomake")
    url = reverse("effectmaps:deliverable_item_create", args=[service.pk])
    client = client_as("team_member")
    assert "Esitäytetty lomake" in client.get(f"{url}?deliverable={deliverable.pk}").content.decode()
    response = client.post(url, {"deliverable": deliverable.pk, "title": ""})
    item = BacklogItem.objects.get(title="Esitäytetty lomake")
    assert response.status_code == 302
    page = client.get(emap.get_absolute_url()).content.decode()
    assert item.title in page and "0 of 1 items done" in page


def test_deliverable_of_another_service_cannot_become_an_item(client_as, service):
    foreign = effect_map(ServiceFactory())
    deliverable = Deliverable.objects.filter(impact__actor__effect_map=foreign).first()
    url = reverse("effectmaps:deliverable_item_create", args=[service.pk])
    response = client_as("team_member").post(url, {"deliverable": deliverable.pk})
    assert response.status_code == 422
    assert not BacklogItem.objects.filter(service=service).exists()


def test_goal_shows_the_measured_change_from_the_first_done_deliverable(client_as, service, emap):
    item = done_item_with_answers(service)
    links.link(Deliverable.objects.get(title="Esitäytetty lomake"), item, None)
    page = client_as("viewer").get(emap.get_absolute_url()).content.decode()
    assert "Before the first deliverable" in page and "Now" in page
    assert "Statistically significant" in page
    visual = client_as("viewer").get(_url("map_visual", emap)).content.decode()
    assert "n = 80 /" in visual


def test_goal_without_done_deliverables_says_so(client_as, emap):
    page = client_as("viewer").get(emap.get_absolute_url()).content.decode()
    assert "No backlog item of the deliverables is done yet." in page


def test_viewer_downloads_the_map_as_pdf_and_outsider_does_not_find_it(client_as, emap):
    response = client_as("viewer").get(_url("map_pdf", emap))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert client_as("outsider").get(_url("map_pdf", emap)).status_code == 404


def test_viewer_downloads_the_map_as_csv_with_a_row_per_deliverable(client_as, emap):
    response = client_as("viewer").get(_url("map_csv", emap))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 4  # header, two deliverables, the obstructing actor without impacts
    assert "Esitäytetty lomake" in text and "Vuokranantajat" in text
    assert client_as("outsider").get(_url("map_csv", emap)).status_code == 404
