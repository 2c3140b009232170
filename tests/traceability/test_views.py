"""Linking and unlinking through HTTP, for every pair the same way: by role, on both ends,
across services, twice, with bad input, with and without htmx; and the panel fragment."""

import pytest
from django.urls import reverse

from kuulo.organisation.models import Membership, Role
from kuulo.traceability import actions
from kuulo.traceability.models import Link
from tests.factories import MembershipFactory, ServiceFactory
from tests.traceability.data import things_of

pytestmark = pytest.mark.django_db

PAIRS = [("comment", "item"), ("insight", "item"), ("comment", "insight")]


@pytest.fixture
def things(service):
    return things_of(service)


def ends(things, source: str, target: str):
    by_kind = {"comment": things.comments[0], "insight": things.insight, "item": things.item}
    return by_kind[source], by_kind[target]


def link_url(service, source: str, target: str) -> str:
    return reverse("traceability:link", args=[service.pk, source, target])


def unlink_url(service, source, source_kind: str, target, target_kind: str) -> str:
    return reverse("traceability:unlink", args=[service.pk, source_kind, source.pk, target_kind, target.pk])


@pytest.mark.parametrize(("source_kind", "target_kind"), PAIRS)
@pytest.mark.parametrize(
    ("role", "status"), [("viewer", 403), ("outsider", 404), ("team_member", 302), ("product_owner", 302)]
)
def test_who_may_link_and_unlink_every_pair(client_as, service, things, source_kind, target_kind, role, status):
    source, target = ends(things, source_kind, target_kind)
    client = client_as(role)
    data = {source_kind: source.pk, target_kind: target.pk}
    assert client.post(link_url(service, source_kind, target_kind), data).status_code == status
    assert Link.objects.between(source, target).exists() == (status == 302)
    actions.link(source, target, None)
    assert client.post(unlink_url(service, source, source_kind, target, target_kind)).status_code == status
    assert Link.objects.between(source, target).exists() == (status != 302)


def test_linking_twice_by_http_stores_one_link(client_as, service, things):
    client = client_as("team_member")
    data = {"comment": things.comments[0].pk, "item": things.item.pk}
    first = client.post(link_url(service, "comment", "item"), data, follow=True)
    second = client.post(link_url(service, "comment", "item"), data, follow=True)
    assert Link.objects.count() == 1
    assert "The comment was added as evidence." in first.content.decode()
    assert "The comment was already evidence for this item." in second.content.decode()


def test_an_outsider_of_either_end_gets_404(client_as, service, things, outsider):
    elsewhere = things_of(Membership.objects.get(user=outsider).service)
    client = client_as("outsider")
    # The outsider's own comment, an item of a service they do not belong to (and the other way round).
    mine_to_theirs = {"comment": elsewhere.comments[0].pk, "item": things.item.pk}
    assert client.post(link_url(elsewhere.item.service, "comment", "item"), mine_to_theirs).status_code == 404
    theirs_to_mine = {"comment": things.comments[0].pk, "item": elsewhere.item.pk}
    assert client.post(link_url(service, "comment", "item"), theirs_to_mine).status_code == 404
    assert client.post(link_url(elsewhere.item.service, "comment", "item"), theirs_to_mine).status_code == 404
    assert not Link.objects.exists()


def test_a_pair_within_one_service_refuses_the_other_services_things_even_to_an_admin(client_as, service, things):
    elsewhere = things_of(ServiceFactory())
    client = client_as("admin")
    data = {"insight": things.insight.pk, "item": elsewhere.item.pk}
    assert client.post(link_url(service, "insight", "item"), data).status_code == 404
    actions.link(elsewhere.insight, elsewhere.item, None)
    unlink = unlink_url(service, elsewhere.insight, "insight", elsewhere.item, "item")
    assert client.post(unlink).status_code == 404
    assert Link.objects.count() == 1


def test_across_services_both_ends_are_checked(client_as, service, things, team_member, across_services):
    other = ServiceFactory()
    elsewhere = things_of(other)
    data = {"insight": things.insight.pk, "item": elsewhere.item.pk}
    client = client_as("team_member")
    # A team member of the insight's service who cannot see the item's service.
    assert client.post(link_url(service, "insight", "item"), data).status_code == 404
    # Sees it, but only as a viewer.
    viewer = MembershipFactory(service=other, user=team_member, role=Role.VIEWER)
    assert client.post(link_url(service, "insight", "item"), data).status_code == 403
    assert not Link.objects.exists()
    viewer.role = Role.TEAM_MEMBER
    viewer.save()
    assert client.post(link_url(service, "insight", "item"), data).status_code == 302
    found = Link.objects.between(things.insight, elsewhere.item).get()
    assert (found.source_service_id, found.target_service_id) == (service.pk, other.pk)
    viewer.role = Role.VIEWER
    viewer.save()
    assert client.post(unlink_url(service, things.insight, "insight", elsewhere.item, "item")).status_code == 403
    assert Link.objects.count() == 1


def test_htmx_gets_the_sources_panel_back_in_place(client_as, service, things):
    client = client_as("team_member")
    comment = things.comments[0]
    data = {"comment": comment.pk, "item": things.item.pk}
    response = client.post(link_url(service, "comment", "item"), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith(f'<div class="comment-insights comment-items" id="comment-items-{comment.pk}">')
    assert reverse("backlog:item_detail", args=[service.pk, things.item.pk]) in body
    assert unlink_url(service, comment, "comment", things.item, "item") in body
    removed = client.post(unlink_url(service, comment, "comment", things.item, "item"), HTTP_HX_REQUEST="true")
    assert removed.status_code == 200
    assert f'id="comment-items-{comment.pk}"' in removed.content.decode()
    assert not Link.objects.exists()


def test_a_new_target_is_started_from_the_source(client_as, service, things):
    client = client_as("team_member")
    data = {"insight": things.insight.pk, "item": "new"}
    create = reverse("backlog:item_create", args=[service.pk]) + f"?insight={things.insight.pk}"
    assert client.post(link_url(service, "insight", "item"), data)["Location"] == create
    htmx = client.post(link_url(service, "insight", "item"), data, HTTP_HX_REQUEST="true")
    assert (htmx.status_code, htmx["HX-Redirect"]) == (204, create)
    assert not Link.objects.exists()


def test_without_javascript_bad_input_answers_422_with_the_errors(client_as, service, things):
    client = client_as("team_member")
    url = link_url(service, "comment", "insight")
    bad_target = client.post(url, {"comment": things.comments[0].pk, "insight": "first"})
    assert bad_target.status_code == 422
    body = bad_target.content.decode()
    assert "error-summary" in body and "Choose an insight." in body
    assert f'href="#comment-insight-{things.comments[0].pk}"' in body  # the error links to the panel's menu
    assert f'id="comment-insights-{things.comments[0].pk}"' in body
    bad_source = client.post(link_url(service, "comment", "item"), {"comment": "abc", "item": things.item.pk})
    assert bad_source.status_code == 422
    assert 'href="#id_comment"' in bad_source.content.decode()  # a field to type the number again
    assert f'name="item" value="{things.item.pk}"' in bad_source.content.decode()
    nothing = client.post(url, {})
    assert nothing.status_code == 422 and "error-summary" in nothing.content.decode()
    assert not Link.objects.exists()


def test_a_link_goes_back_to_next_only_on_this_site(client_as, service, things):
    client = client_as("team_member")
    data = {"comment": things.comments[0].pk, "item": things.item.pk}
    insight_page = things.insight.get_absolute_url()
    assert client.post(link_url(service, "comment", "item"), {**data, "next": insight_page})["Location"] == insight_page
    actions.unlink(things.comments[0], things.item, None)
    away = client.post(link_url(service, "comment", "item"), {**data, "next": "https://example.com/"})
    assert away["Location"] == reverse("backlog:item_detail", args=[service.pk, things.item.pk])


@pytest.mark.parametrize(("role", "status"), [("viewer", 200), ("outsider", 404), ("team_member", 200)])
def test_the_panel_fragment_is_for_those_who_see_the_service(client_as, service, things, role, status):
    actions.link(things.insight, things.item, None)
    url = reverse("traceability:panel", args=[service.pk, "insight", things.insight.pk, "item"])
    response = client_as(role).get(url)
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert f'id="insight-items-{things.insight.pk}"' in body
        assert things.item.title in body
        assert ("comment-insights__form" in body) == (role == "team_member")


def test_the_panel_of_another_services_thing_is_404(client_as, service, things):
    elsewhere = things_of(ServiceFactory())
    url = reverse("traceability:panel", args=[service.pk, "insight", elsewhere.insight.pk, "item"])
    assert client_as("admin").get(url).status_code == 404


def test_link_and_unlink_take_only_post(client_as, service, things):
    client = client_as("team_member")
    assert client.get(link_url(service, "comment", "item")).status_code == 405
    assert client.get(unlink_url(service, things.comments[0], "comment", things.item, "item")).status_code == 405
