"""Creating, reading, changing and deleting insights, by role."""

import pytest
from django.urls import reverse

from kuulo.insights.models import Insight, Tag
from kuulo.traceability.actions import link
from kuulo.traceability.models import Link
from tests.factories import ServiceFactory
from tests.insights.pages import answered, insight_with_evidence


@pytest.fixture
def insight(service):
    return insight_with_evidence(service)


@pytest.mark.parametrize("role", ["admin", "product_owner", "team_member"])
def test_contributors_create_an_insight_with_new_and_existing_tags(client_as, service, role):
    Tag.objects.create(name="Jonot")
    response = client_as(role).post(
        reverse("insights:insight_create", args=[service.pk]),
        {"statement": "  Soittajat luovuttavat jonossa.  ", "status": "draft", "tags": "jonot, puhelin ,Puhelin,"},
    )
    insight = Insight.objects.get()
    assert response.status_code == 302
    assert response["Location"] == insight.get_absolute_url()
    assert insight.statement == "Soittajat luovuttavat jonossa."
    assert insight.service == service
    assert insight.created_by.username == {"admin": "admin", "product_owner": "owner", "team_member": "team"}[role]
    assert sorted(tag.name for tag in insight.tags.all()) == ["Jonot", "puhelin"]
    assert Tag.objects.count() == 2


def test_viewer_cannot_create_edit_or_change_status(client_as, service, insight):
    client = client_as("viewer")
    assert client.post(reverse("insights:insight_create", args=[service.pk]), {"statement": "x"}).status_code == 403
    edit = reverse("insights:insight_edit", args=[service.pk, insight.pk])
    assert client.post(edit, {"statement": "Muutettu", "status": "draft"}).status_code == 403
    status = reverse("insights:insight_status", args=[service.pk, insight.pk])
    assert client.post(status, {"status": "archived"}).status_code == 403
    insight.refresh_from_db()
    assert (insight.statement, insight.status) == ("Puhelinjonot ovat liian pitkiä.", "confirmed")


@pytest.mark.parametrize(
    "data",
    [
        {"statement": "   ", "status": "draft", "tags": ""},
        {"statement": "Hyvä havainto", "status": "maybe", "tags": ""},
        {"statement": "x" * 1001, "status": "draft", "tags": ""},
        {"statement": "Hyvä havainto", "status": "draft", "tags": "t" * 61},
        {"statement": "Hyvä havainto", "status": "draft", "tags": ",".join(f"t{n}" for n in range(11))},
    ],
)
def test_bad_input_answers_422_and_stores_nothing(client_as, service, data):
    response = client_as("team_member").post(reverse("insights:insight_create", args=[service.pk]), data)
    assert response.status_code == 422
    assert b"error-summary" in response.content
    assert not Insight.objects.exists()
    assert not Tag.objects.exists()


def test_team_member_edits_statement_status_and_tags(client_as, service, insight):
    url = reverse("insights:insight_edit", args=[service.pk, insight.pk])
    form = client_as("team_member").get(url)
    assert form.context["form"].initial["tags"] == "jonot"
    response = client_as("team_member").post(url, {"statement": "Jonot ovat pitkiä.", "status": "actioned", "tags": ""})
    assert response.status_code == 302
    insight.refresh_from_db()
    assert (insight.statement, insight.status, insight.tags.count()) == ("Jonot ovat pitkiä.", "actioned", 0)


def test_status_change_saves_only_known_statuses(client_as, service, insight):
    url = reverse("insights:insight_status", args=[service.pk, insight.pk])
    client = client_as("team_member")
    assert client.post(url, {"status": "archived"}).status_code == 302
    insight.refresh_from_db()
    assert insight.status == "archived"
    client.post(url, {"status": "gone"})
    insight.refresh_from_db()
    assert insight.status == "archived"
    assert client.get(url).status_code == 405


def test_only_product_owners_and_admins_delete(client_as, service, insight):
    url = reverse("insights:insight_delete", args=[service.pk, insight.pk])
    assert client_as("team_member").post(url).status_code == 403
    assert Insight.objects.filter(pk=insight.pk).exists()
    response = client_as("product_owner").post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("insights:service_insights", args=[service.pk])
    assert not Insight.objects.filter(pk=insight.pk).exists()


def test_outsider_gets_404_for_every_insight_view_and_action(client_as, service, insight):
    client = client_as("outsider")
    args = [service.pk, insight.pk]
    for name in ["insight_detail", "insight_edit", "insight_delete", "segment_create"]:
        assert client.get(reverse(f"insights:{name}", args=args)).status_code == 404, name
    assert client.post(reverse("insights:insight_status", args=args), {"status": "draft"}).status_code == 404
    link_url = reverse("traceability:link", args=[service.pk, "comment", "insight"])
    assert client.post(link_url, {}).status_code == 404
    segment = insight.segment_evidence.get()
    comment_pk = Link.objects.incoming(insight, "comment").get().source_id
    assert client.post(reverse("insights:segment_evidence_remove", args=[*args, segment.pk])).status_code == 404
    unlink_url = reverse("traceability:unlink", args=[service.pk, "comment", comment_pk, "insight", insight.pk])
    assert client.post(unlink_url).status_code == 404


def test_an_insight_is_not_found_under_another_service(client_as, service, insight):
    other = ServiceFactory()
    response = client_as("admin").get(reverse("insights:insight_detail", args=[other.pk, insight.pk]))
    assert response.status_code == 404


def test_organisation_list_shows_only_visible_services(client_as, service, insight):
    hidden = Insight.objects.create(service=ServiceFactory(), statement="Salainen havainto")
    response = client_as("viewer").get(reverse("insights:insight_list"))
    shown = list(response.context["page"].object_list)
    assert shown == [insight]
    assert hidden.statement.encode() not in response.content
    admin = client_as("admin").get(reverse("insights:insight_list"))
    assert set(admin.context["page"].object_list) == {insight, hidden}


def test_list_filters_by_status_tag_service_and_text(client_as, service, insight):
    other = Insight.objects.create(service=service, statement="Chat toimii hyvin", status="draft")
    url = reverse("insights:service_insights", args=[service.pk])
    client = client_as("viewer")

    def shown(**params):
        return list(client.get(url, params).context["page"].object_list)

    assert shown(status="draft") == [other]
    assert shown(tag="jonot") == [insight]
    assert shown(q="chat") == [other]
    assert shown(q="JONOT") == [insight]  # a tag matches the search too
    everywhere = client.get(reverse("insights:insight_list"), {"service": service.pk, "status": "confirmed"})
    assert list(everywhere.context["page"].object_list) == [insight]


def test_list_answers_a_fragment_to_htmx_and_falls_back_from_bad_filters(client_as, service, insight):
    url = reverse("insights:service_insights", args=[service.pk])
    fragment = client_as("viewer").get(url, {"status": "confirmed"}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert b"<h1" not in fragment.content
    assert insight.statement.encode() in fragment.content
    assert "HX-Request" in fragment["Vary"]
    fallback = client_as("viewer").get(url, {"status": "bogus"})
    assert fallback.status_code == 200 and insight.statement in fallback.content.decode()
    assert "Some filters in the address were not valid" in fallback.content.decode()


def test_list_queries_do_not_grow_with_insights(client_as, service, insight, django_assert_max_num_queries):
    for n in range(20):
        Insight.objects.create(service=service, statement=f"Havainto {n}").tags.add(Tag.objects.get(name="jonot"))
    client = client_as("viewer")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("insights:insight_list"))
    assert len(response.context["page"].object_list) == 21


def test_detail_shows_statement_evidence_and_actions_by_role(client_as, service, insight):
    url = reverse("insights:insight_detail", args=[service.pk, insight.pk])
    viewer = client_as("viewer").get(url)
    assert insight.statement.encode() in viewer.content
    assert b"Jonotin puhelimessa" in viewer.content
    assert reverse("insights:insight_edit", args=[service.pk, insight.pk]).encode() not in viewer.content
    team = client_as("team_member").get(url)
    assert reverse("insights:insight_edit", args=[service.pk, insight.pk]).encode() in team.content
    assert reverse("insights:insight_delete", args=[service.pk, insight.pk]).encode() not in team.content
    owner = client_as("product_owner").get(url)
    assert reverse("insights:insight_delete", args=[service.pk, insight.pk]).encode() in owner.content


def test_detail_queries_do_not_grow_with_evidence(client_as, service, insight, django_assert_max_num_queries):
    for comment in answered(service, count=10):
        link(comment, insight, None)
    client = client_as("team_member")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("insights:insight_detail", args=[service.pk, insight.pk]))
    assert len(response.context["comments"]) == 25
