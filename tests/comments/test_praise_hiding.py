"""Hiding a comment from the walls of praise: team members and product owners of
the comment's service hide it (and show it again); the walls show nothing of it,
every other page still has it, and the comments page says it is hidden."""

import pytest
from django.urls import reverse

from kuulo.comments.models import PraiseHiding
from kuulo.feedback.models import Response
from kuulo.organisation.models import Role
from tests.comments.pages import make_comment
from tests.factories import MembershipFactory, ServiceFactory

HTMX = {"HX-Request": "true"}


def praise(service, text: str = "Kiitos, loistavaa palvelua!", **kwargs):
    return make_comment(service, text, sentiment="positive", score=100, **kwargs)


def hide_url(comment) -> str:
    return reverse("comments:praise_hide", args=[comment.response.service_id, comment.pk])


def wall_texts(client, service=None) -> list[str]:
    url = reverse("comments:praise_service", args=[service.pk]) if service else reverse("comments:praise_organisation")
    response = client.get(url)
    assert response.status_code == 200
    return [comment.text for comment in response.context["page"].comments]


@pytest.mark.parametrize("role", ["team_member", "product_owner", "admin"])
def test_a_team_member_hides_a_comment_from_the_walls_and_shows_it_again(client_as, service, role):
    comment = praise(service)
    praise(service, "Toinen kehu.")
    client = client_as(role)
    assert client.post(hide_url(comment), {"hidden": "1"}).status_code == 302
    hiding = PraiseHiding.objects.get(comment=comment)
    assert hiding.hidden_by.username == {"team_member": "team", "product_owner": "owner", "admin": "admin"}[role]
    assert hiding.hidden_at is not None
    assert wall_texts(client, service) == ["Toinen kehu."]
    assert wall_texts(client) == ["Toinen kehu."]
    content = client.get(reverse("comments:praise_service", args=[service.pk])).content.decode()
    assert "loistavaa" not in content
    assert client.post(hide_url(comment), {"hidden": "0"}).status_code == 302
    assert not PraiseHiding.objects.exists()
    assert sorted(wall_texts(client, service)) == ["Kiitos, loistavaa palvelua!", "Toinen kehu."]


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_hide_praise(client_as, service, role, status):
    comment = praise(service)
    assert client_as(role).post(hide_url(comment), {"hidden": "1"}).status_code == status
    assert client_as(role).post(hide_url(comment), {"hidden": "1"}, headers=HTMX).status_code == status
    assert not PraiseHiding.objects.exists()


def test_a_team_member_of_another_service_cannot_hide_praise_of_this_one(client_as, service, team_member):
    foreign = praise(ServiceFactory())
    suspect = praise(service, status=Response.Status.SUSPECT)
    client = client_as("team_member")
    assert client.post(hide_url(foreign), {"hidden": "1"}).status_code == 404  # not a service of theirs
    # nor through their own service's address
    url = reverse("comments:praise_hide", args=[service.pk, foreign.pk])
    assert client.post(url, {"hidden": "1"}).status_code == 404
    assert client.post(hide_url(suspect), {"hidden": "1"}).status_code == 404
    assert not PraiseHiding.objects.exists()


def test_a_bad_value_answers_400_and_a_get_405(client_as, service):
    comment = praise(service)
    client = client_as("team_member")
    assert client.post(hide_url(comment), {"hidden": "yes"}).status_code == 400
    assert client.post(hide_url(comment), {}).status_code == 400
    assert client.get(hide_url(comment)).status_code == 405
    assert not PraiseHiding.objects.exists()


def test_hiding_twice_keeps_the_first_who_and_when(client_as, service, team_member, product_owner):
    comment = praise(service)
    client_as("team_member").post(hide_url(comment), {"hidden": "1"})
    client_as("product_owner").post(hide_url(comment), {"hidden": "1"})
    assert PraiseHiding.objects.get(comment=comment).hidden_by == team_member


def test_a_hidden_comment_stays_on_the_comments_page_marked_hidden(client_as, service, team_member):
    comment = praise(service)
    PraiseHiding.objects.create(comment=comment, hidden_by=team_member)
    response = client_as("viewer").get(reverse("comments:comment_list", args=[service.pk]))
    assert [shown.text for shown in response.context["page"].comments] == [comment.text]
    content = response.content.decode()
    assert "Hidden from the wall of praise" in content
    assert str(team_member) in content  # who hid it
    assert "Show on the wall of praise" not in content  # a viewer only reads
    team = client_as("team_member").get(reverse("comments:comment_list", args=[service.pk])).content.decode()
    assert f'id="praise-button-{comment.pk}"' in team and "Show on the wall of praise" in team
    export = client_as("viewer").get(reverse("comments:comment_export", args=[service.pk]))
    assert comment.text in b"".join(export.streaming_content).decode()
    panel = client_as("viewer").get(reverse("comments:dashboard_panel", args=[service.pk]))
    assert [latest.text for latest in panel.context["latest"]] == [comment.text]


def test_only_praise_gets_the_hide_button_on_the_comments_page(client_as, service):
    kind = praise(service)
    plain = make_comment(service, "Jonossa meni tunti.", sentiment="negative", score=20)
    content = client_as("team_member").get(reverse("comments:comment_list", args=[service.pk])).content.decode()
    assert f'id="praise-button-{kind.pk}"' in content
    assert f'id="praise-button-{plain.pk}"' not in content


def test_with_htmx_the_comments_page_gets_the_praise_block(client_as, service):
    comment = praise(service)
    client = client_as("team_member")
    response = client.post(hide_url(comment), {"hidden": "1"}, headers=HTMX)
    assert response.status_code == 200
    assert response.templates[0].name == "comments/_praise_hiding.html"
    content = response.content.decode()
    assert f'id="praise-{comment.pk}"' in content and "Show on the wall of praise" in content
    assert "Hidden from the wall of praise." in content  # the status message
    response = client.post(hide_url(comment), {"hidden": "0"}, headers=HTMX)
    assert "Hide from the wall of praise" in response.content.decode()


def test_with_htmx_the_wall_gets_a_card_without_the_hidden_text(client_as, service):
    comment = praise(service)
    client = client_as("team_member")
    response = client.post(hide_url(comment), {"hidden": "1", "wall": "service"}, headers=HTMX)
    assert response.status_code == 200
    content = response.content.decode()
    assert f'id="praise-card-{comment.pk}"' in content
    assert comment.text not in content
    assert "Show it again" in content
    response = client.post(hide_url(comment), {"hidden": "0", "wall": "organisation"}, headers=HTMX)
    content = response.content.decode()
    assert comment.text in content and "Hide from the wall" in content
    assert service.name in content  # the organisation's wall names the service


def test_without_htmx_the_button_goes_back_to_the_page(client_as, service):
    comment = praise(service)
    back = reverse("comments:praise_service", args=[service.pk]) + "?period=90"
    client = client_as("team_member")
    response = client.post(hide_url(comment), {"hidden": "1", "next": back, "wall": "service"})
    assert response["Location"] == back
    response = client.post(hide_url(comment), {"hidden": "0", "next": "https://evil.example/", "wall": "service"})
    assert response["Location"] == reverse("comments:praise_service", args=[service.pk])
    response = client.post(hide_url(comment), {"hidden": "1"})
    assert response["Location"] == reverse("comments:comment_list", args=[service.pk])


def test_the_walls_offer_the_button_only_where_the_user_may_hide(client_as, service, viewer):
    own = praise(service, "Oma kehu.")
    other = ServiceFactory()
    foreign = praise(other, "Toisen palvelun kehu.")
    MembershipFactory(service=other, user=viewer, role=Role.TEAM_MEMBER)
    viewer_wall = client_as("viewer").get(reverse("comments:praise_organisation")).content.decode()
    assert f'id="praise-button-{foreign.pk}"' in viewer_wall  # a team member there
    assert f'id="praise-button-{own.pk}"' not in viewer_wall  # only a viewer here
    service_wall = client_as("viewer").get(reverse("comments:praise_service", args=[service.pk])).content.decode()
    assert "praise-button-" not in service_wall
    team_wall = client_as("team_member").get(reverse("comments:praise_service", args=[service.pk])).content.decode()
    assert f'id="praise-button-{own.pk}"' in team_wall
