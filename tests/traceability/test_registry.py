"""The registry of kinds and pairs: what the apps register, what may not be linked, and that a
deleted thing takes its links with it."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from kuulo.backlog import actions as backlog
from kuulo.feedback.models import Comment
from kuulo.organisation.models import Role
from kuulo.traceability import actions, registry
from kuulo.traceability.models import Link
from tests.traceability.data import things_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def things(service):
    return things_of(service)


def test_the_apps_register_their_kinds_and_the_evidence_pairs():
    assert {"comment", "insight", "item"} <= {kind.name for kind in registry.kinds()}
    assert registry.kind_of(Comment).name == "comment"
    pairs = {pair.key: pair for pair in registry.pairs()}
    assert {("comment", "insight"), ("comment", "item"), ("insight", "item")} <= set(pairs)
    assert all(pair.same_service for pair in pairs.values())
    # Taking an idea to the backlog is for its product owner; evidence is for the team.
    assert {key: pair.role for key, pair in pairs.items() if pair.role != Role.TEAM_MEMBER} == {
        ("idea", "item"): Role.PRODUCT_OWNER
    }
    assert [pair.target for pair in registry.pairs_from("comment")] == ["insight", "item", "pain_point"]
    sources = ["comment", "insight", "opportunity", "deliverable", "panel_session", "idea"]
    assert [pair.source for pair in registry.pairs_to("item")] == sources


def test_a_pair_needs_both_kinds_registered_first():
    texts = registry.pair("comment", "item").texts
    with pytest.raises(ImproperlyConfigured):
        registry.register_pair(registry.Pair(source="comment", target="journey_step", texts=texts))
    with pytest.raises(registry.UnknownKind):
        registry.kind("journey_step")


def test_a_pair_that_is_not_registered_cannot_be_linked(things):
    with pytest.raises(registry.NotAllowed):
        actions.link(things.item, things.comments[0], None)  # the wrong way round
    with pytest.raises(registry.NotAllowed):
        actions.link(things.insight, things.insight, None)
    assert not Link.objects.exists()


@pytest.mark.parametrize(
    ("source", "target"), [("item", "comment"), ("insight", "insight"), ("comment", "journey_step"), ("x", "item")]
)
def test_the_views_answer_404_for_a_pair_that_is_not_registered(client_as, service, things, source, target):
    client = client_as("admin")
    assert client.post(reverse("traceability:link", args=[service.pk, source, target]), {}).status_code == 404
    unlink = reverse("traceability:unlink", args=[service.pk, source, things.item.pk, target, things.insight.pk])
    assert client.post(unlink).status_code == 404
    panel = reverse("traceability:panel", args=[service.pk, source, things.item.pk, target])
    assert client.get(panel).status_code == 404


def test_a_link_knows_the_services_of_both_ends_and_its_author(things, team_member):
    found, created = actions.link(things.comments[0], things.item, team_member, note="Tyypillinen")
    assert created
    assert (found.source_kind, found.source_id, found.target_kind, found.target_id) == (
        "comment",
        things.comments[0].pk,
        "item",
        things.item.pk,
    )
    assert found.source_service_id == found.target_service_id == things.item.service_id
    assert (found.note, found.added_by, found.added_at is not None) == ("Tyypillinen", team_member, True)


def test_linking_twice_stores_one_link_and_calls_the_hook_once(things):
    actions.link(things.comments[0], things.item, None)
    again, created = actions.link(things.comments[0], things.item, None, note="Toinen kerta")
    assert not created and again.note == ""
    assert Link.objects.count() == 1
    assert things.item.changes.filter(field="comment").count() == 1  # the item's history: added once


def test_unlinking_removes_only_that_link_and_says_whether_there_was_one(things):
    actions.link(things.comments[0], things.item, None)
    actions.link(things.comments[0], things.insight, None)
    assert actions.unlink(things.comments[0], things.item, None)
    assert not actions.unlink(things.comments[0], things.item, None)
    assert list(Link.objects.values_list("target_kind", flat=True)) == ["insight"]
    assert things.item.changes.filter(field="comment", old=str(things.comments[0].pk), new="").exists()


def test_a_deleted_thing_takes_its_links_in_both_directions(things):
    actions.link(things.comments[0], things.insight, None)
    actions.link(things.insight, things.item, None)
    actions.link(things.comments[1], things.item, None)
    things.insight.delete()
    assert list(Link.objects.values_list("source_kind", "target_kind")) == [("comment", "item")]
    backlog.delete_item(things.item)
    assert not Link.objects.exists()
