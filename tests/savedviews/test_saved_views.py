import pytest
from django.urls import reverse

from kuulo.savedviews.models import SavedView
from tests.dashboards.pages import service_dashboard_with_answers
from tests.savedviews.data import team_members_view


def save_url(service) -> str:
    return reverse("savedviews:view_save", args=[service.pk])


def test_a_member_saves_the_dashboards_filters_and_opens_them_again(client_as, service):
    service_dashboard_with_answers(service)
    client = client_as("viewer")
    data = {"page": "dashboard", "name": "Verkko, viikoittain", "query": "period=90&grain=week&channel=web&page=3"}
    response = client.post(save_url(service), data)
    view = SavedView.objects.get()
    assert view.query == "period=90&grain=week&channel=web"  # filters only, not the page number
    dashboard = reverse("dashboards:service_dashboard", args=[service.pk])
    assert response.status_code == 302 and response["Location"] == f"{dashboard}?{view.query}"
    page = client.get(response["Location"])
    assert page.context["filters"].cleaned_data["channel"] == "web"
    assert "Verkko, viikoittain" in page.content.decode()


def test_the_panel_saves_the_filters_now_shown(client_as, service):
    service_dashboard_with_answers(service)
    url = reverse("dashboards:service_dashboard", args=[service.pk]) + "?period=90&grain=week"
    content = client_as("viewer").get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'name="query" value="period=90&amp;grain=week"' in content


def test_a_shared_view_shows_to_the_members_and_a_private_one_to_its_owner_alone(client_as, service, team_member):
    SavedView.objects.create(service=service, owner=team_member, page="comments", name="Jaettu", shared=True)
    SavedView.objects.create(service=service, owner=team_member, page="comments", name="Oma", shared=False)
    listed = client_as("viewer").get(reverse("savedviews:view_list", args=[service.pk])).content.decode()
    assert "Jaettu" in listed and "Oma" not in listed
    own = client_as("team_member").get(reverse("savedviews:view_list", args=[service.pk])).content.decode()
    assert "Jaettu" in own and "Oma" in own
    comments = client_as("viewer").get(reverse("comments:comment_list", args=[service.pk])).content.decode()
    assert "Jaettu" in comments and "Oma" not in comments


def test_an_outsider_neither_sees_nor_saves_views(client_as, service):
    team_members_view(service)
    client = client_as("outsider")
    assert client.get(reverse("savedviews:view_list", args=[service.pk])).status_code == 404
    assert client.post(save_url(service), {"page": "comments", "name": "x", "query": ""}).status_code == 404
    assert SavedView.objects.count() == 1


@pytest.mark.parametrize("role", ["viewer", "product_owner", "admin"])
def test_only_the_owner_deletes_a_shared_view(client_as, service, role):
    service_pk, view_pk = team_members_view(service)
    url = reverse("savedviews:view_delete", args=[service_pk, view_pk])
    assert client_as(role).post(url).status_code == 404
    assert client_as("team_member").post(url).status_code == 302
    assert not SavedView.objects.exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"page": "dashboard", "name": "  ", "query": ""}, "This field is required."),
        ({"page": "elsewhere", "name": "x", "query": ""}, "Select a valid choice."),
        ({"page": "comments", "name": "x", "query": "q=" + "a" * 1200}, "These filters are too long to save."),
        ({"page": "comments", "name": "Kielteiset", "query": ""}, "You already have a view with this name."),
    ],
)
def test_bad_input_is_refused_with_the_reason(client_as, service, data, error):
    team_members_view(service)
    response = client_as("team_member").post(save_url(service), data)
    assert response.status_code == 422
    assert error in response.content.decode()
    assert SavedView.objects.count() == 1
