"""The data migrations move every ItemComment, ItemInsight and CommentEvidence row into the one
link table with nothing lost (ends, services, note, who and when, the public-quote approval), and
migrating back moves them out again."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from kuulo.backlog.models import PublicQuote
from kuulo.traceability.models import Link
from tests.factories import ServiceFactory
from tests.traceability.data import things_of

BEFORE = [("backlog", "0004_move_retros_experiments_out"), ("insights", "0001_initial")]
AFTER = [("backlog", "0005_move_links_to_traceability"), ("insights", "0002_move_links_to_traceability")]
ADDED = timezone.make_aware(datetime.datetime(2026, 1, 2, 3, 4, 5))
APPROVED = timezone.make_aware(datetime.datetime(2026, 2, 3, 4, 5, 6))


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps(transactional_db):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        yield migrate(BEFORE)
    finally:
        migrate(latest)


def old_row(model, **fields):
    row = model.objects.create(**fields)
    model.objects.filter(pk=row.pk).update(added_at=ADDED)  # auto_now_add on the old models
    return row


def test_every_old_link_moves_into_the_link_table(old_apps, personas):
    # The linked things are not touched by the migrations: the models of today make them.
    things, other = things_of(personas["team_member"].memberships.get().service), things_of(ServiceFactory())
    team, owner = personas["team_member"], personas["product_owner"]
    item_comment = old_apps.get_model("backlog", "ItemComment")
    item_insight = old_apps.get_model("backlog", "ItemInsight")
    comment_evidence = old_apps.get_model("insights", "CommentEvidence")
    quoted = old_row(item_comment, item_id=things.item.pk, comment_id=things.comments[0].pk, added_by_id=team.pk)
    item_comment.objects.filter(pk=quoted.pk).update(
        approved_for_public=True, approved_by_id=owner.pk, approved_at=APPROVED
    )
    old_row(item_comment, item_id=things.item.pk, comment_id=things.comments[1].pk, added_by_id=None)
    old_row(item_comment, item_id=other.item.pk, comment_id=other.comments[0].pk, added_by_id=team.pk)
    old_row(item_insight, item_id=things.item.pk, insight_id=things.insight.pk, added_by_id=owner.pk)
    old_row(
        comment_evidence,
        insight_id=things.insight.pk,
        comment_id=things.comments[2].pk,
        note="Tyypillinen",
        added_by_id=team.pk,
    )

    migrate(AFTER)

    def row(link):
        return (link.source_kind, link.source_id, link.target_kind, link.target_id, link.note, link.added_by_id)

    assert sorted(row(link) for link in Link.objects.all()) == sorted(
        [
            ("comment", things.comments[0].pk, "item", things.item.pk, "", team.pk),
            ("comment", things.comments[1].pk, "item", things.item.pk, "", None),
            ("comment", other.comments[0].pk, "item", other.item.pk, "", team.pk),
            ("insight", things.insight.pk, "item", things.item.pk, "", owner.pk),
            ("comment", things.comments[2].pk, "insight", things.insight.pk, "Tyypillinen", team.pk),
        ]
    )
    assert {link.added_at for link in Link.objects.all()} == {ADDED}
    for link in Link.objects.all():
        service = other.item.service_id if link.target_id == other.item.pk else things.item.service_id
        assert link.source_service_id == link.target_service_id == service
    quote = PublicQuote.objects.get()
    assert (quote.link.source_id, quote.link.target_id) == (things.comments[0].pk, things.item.pk)
    assert (quote.approved_by_id, quote.approved_at) == (owner.pk, APPROVED)

    back = migrate(BEFORE)

    old_comment = back.get_model("backlog", "ItemComment")
    assert old_comment.objects.count() == 3 and back.get_model("backlog", "ItemInsight").objects.count() == 1
    restored = old_comment.objects.get(comment_id=things.comments[0].pk)
    assert (restored.approved_for_public, restored.approved_by_id, restored.approved_at) == (True, owner.pk, APPROVED)
    assert restored.added_at == ADDED and restored.added_by_id == team.pk
    evidence = back.get_model("insights", "CommentEvidence").objects.get()
    assert (evidence.note, evidence.added_at) == ("Tyypillinen", ADDED)
    assert not Link.objects.exists()
