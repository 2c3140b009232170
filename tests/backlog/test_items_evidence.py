"""Comments and insights as evidence of backlog items, added and removed from either end."""

import pytest
from django.urls import reverse

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.insights.models import Insight
from kuulo.traceability.actions import link
from kuulo.traceability.models import Link
from kuulo.traceability.queries import targets
from tests.factories import ServiceFactory
from tests.insights.pages import answered

pytestmark = pytest.mark.django_db


@pytest.fixture
def comments(service):
    return answered(service, count=3)


@pytest.fixture
def item(service):
    return actions.create_item(service, None, title="Takaisinsoitto")


@pytest.fixture
def insight(service):
    return Insight.objects.create(service=service, statement="Jonot ovat pitkiä.", status="confirmed")


def link_comment_url(service):
    return reverse("traceability:link", args=[service.pk, "comment", "item"])


def link_insight_url(service):
    return reverse("traceability:link", args=[service.pk, "insight", "item"])


def test_team_member_adds_a_comment_by_number_on_the_item_page(client_as, service, item, comments):
    response = client_as("team_member").post(link_comment_url(service), {"item": item.pk, "comment": comments[0].pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("backlog:item_detail", args=[service.pk, item.pk])
    assert Link.objects.between(comments[0], item).exists()
    assert ItemChange.objects.filter(item=item, field="comment", new=str(comments[0].pk)).exists()


def test_a_bad_comment_number_answers_422_on_the_item_page(client_as, service, item):
    response = client_as("team_member").post(link_comment_url(service), {"item": item.pk, "comment": "abc"})
    assert response.status_code == 422
    assert b"error-summary" in response.content
    assert not Link.objects.pair("comment", "item").exists()


def test_a_comment_of_another_service_is_refused_with_404(client_as, service, item):
    elsewhere = answered(ServiceFactory(), count=1)[0]
    response = client_as("admin").post(link_comment_url(service), {"item": item.pk, "comment": elsewhere.pk})
    assert response.status_code == 404
    assert not Link.objects.pair("comment", "item").exists()


def test_an_item_of_another_service_is_refused_with_404(client_as, service, comments):
    foreign = actions.create_item(ServiceFactory(), None, title="Muualla")
    response = client_as("admin").post(link_comment_url(service), {"item": foreign.pk, "comment": comments[0].pk})
    assert response.status_code == 404
    assert not Link.objects.pair("comment", "item").exists()


def test_an_insight_of_another_service_is_refused_with_404(client_as, service, item):
    foreign = Insight.objects.create(service=ServiceFactory(), statement="Muualla")
    response = client_as("admin").post(link_insight_url(service), {"item": item.pk, "insight": foreign.pk})
    assert response.status_code == 404
    assert not Link.objects.pair("insight", "item").exists()


def test_viewer_cannot_add_or_remove_evidence(client_as, service, item, comments, insight):
    link(comments[0], item, None)
    client = client_as("viewer")
    assert client.post(link_comment_url(service), {"item": item.pk, "comment": comments[1].pk}).status_code == 403
    assert client.post(link_insight_url(service), {"item": item.pk, "insight": insight.pk}).status_code == 403
    remove = reverse("traceability:unlink", args=[service.pk, "comment", comments[0].pk, "item", item.pk])
    assert client.post(remove).status_code == 403
    assert Link.objects.pair("comment", "item").count() == 1


def test_the_comments_panel_shows_and_links_items_in_place(client_as, service, item, comments):
    client = client_as("team_member")
    page = client.get(reverse("comments:comment_list", args=[service.pk])).content.decode()
    assert f'id="comment-items-{comments[0].pk}"' in page
    assert "Add to backlog item" in page
    response = client.post(
        link_comment_url(service), {"item": item.pk, "comment": comments[0].pk, "panel": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith('<div class="comment-insights comment-items"')
    assert reverse("backlog:item_detail", args=[service.pk, item.pk]) in body
    remove = reverse("traceability:unlink", args=[service.pk, "comment", comments[0].pk, "item", item.pk])
    response = client.post(remove, {"panel": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert not Link.objects.pair("comment", "item").exists()


def test_the_insight_page_shows_and_links_items(client_as, service, item, insight):
    client = client_as("team_member")
    page = client.get(insight.get_absolute_url()).content.decode()
    assert f'id="insight-items-{insight.pk}"' in page
    client.post(link_insight_url(service), {"item": item.pk, "insight": insight.pk, "next": insight.get_absolute_url()})
    assert Link.objects.between(insight, item).exists()
    page = client.get(insight.get_absolute_url()).content.decode()
    assert reverse("backlog:item_detail", args=[service.pk, item.pk]) in page
    detail = client.get(reverse("backlog:item_detail", args=[service.pk, item.pk])).content.decode()
    assert "Jonot ovat pitkiä." in detail


def test_evidence_is_visible_from_both_ends(service, item, comments, insight):
    link(comments[0], item, None)
    link(insight, item, None)
    assert targets("comment", [comments[0].pk, comments[1].pk], "item") == {comments[0].pk: [item]}
    assert targets("insight", [insight.pk], "item") == {insight.pk: [item]}


def test_new_item_from_a_comment_prefills_the_title_and_links_it(client_as, service, comments):
    client = client_as("team_member")
    response = client.post(link_comment_url(service), {"item": "new", "comment": comments[0].pk})
    create = reverse("backlog:item_create", args=[service.pk]) + f"?comment={comments[0].pk}"
    assert response["Location"] == create
    form = client.get(create).context["form"]
    assert form.initial["title"] == comments[0].text
    data = {"title": "Jonot", "kind": "fix", "status": "idea", "expected_direction": "up", "comment": comments[0].pk}
    client.post(create, data)
    item = BacklogItem.objects.get()
    assert list(Link.objects.incoming(item, "comment").values_list("source_id", flat=True)) == [comments[0].pk]


def test_new_item_from_an_insight_prefills_and_links_it(client_as, service, insight):
    client = client_as("team_member")
    create = reverse("backlog:item_create", args=[service.pk]) + f"?insight={insight.pk}"
    assert client.get(create).context["form"].initial["title"] == insight.statement
    data = {"title": insight.statement, "kind": "fix", "status": "idea", "expected_direction": "up"}
    client.post(create, {**data, "insight": insight.pk})
    item = BacklogItem.objects.get()
    assert list(Link.objects.incoming(item, "insight").values_list("source_id", flat=True)) == [insight.pk]


def test_new_item_from_another_services_comment_is_404(client_as, service):
    elsewhere = answered(ServiceFactory(), count=1)[0]
    response = client_as("team_member").get(
        reverse("backlog:item_create", args=[service.pk]) + f"?comment={elsewhere.pk}"
    )
    assert response.status_code == 404
