"""Moves the comments that are evidence for insights into traceability's one link table (note, who
and when included), then drops the old table. Migrating back moves them the other way. Uses the
historical models only (apps.get_model), never the app's code.
"""

from django.db import migrations, models

BATCH = 1000


def forward(apps, schema_editor):
    comment_evidence = apps.get_model("insights", "CommentEvidence")
    link = apps.get_model("traceability", "Link")
    rows = comment_evidence.objects.order_by("pk").values(
        "comment_id",
        "insight_id",
        "insight__service_id",
        "note",
        "added_by_id",
        "added_at",
        source_service=models.F("comment__response__service_id"),
    )
    links = [
        link(
            source_kind="comment",
            source_id=row["comment_id"],
            source_service_id=row["source_service"],
            target_kind="insight",
            target_id=row["insight_id"],
            target_service_id=row["insight__service_id"],
            note=row["note"],
            added_by_id=row["added_by_id"],
            added_at=row["added_at"],
        )
        for row in rows
    ]
    link.objects.bulk_create(links, batch_size=BATCH)


def backward(apps, schema_editor):
    comment_evidence = apps.get_model("insights", "CommentEvidence")
    link = apps.get_model("traceability", "Link")
    moved = link.objects.filter(source_kind="comment", target_kind="insight").order_by("pk")
    for row in moved:
        created = comment_evidence.objects.create(
            insight_id=row.target_id, comment_id=row.source_id, note=row.note, added_by_id=row.added_by_id
        )
        # added_at is auto_now_add on the old model: set it afterwards.
        comment_evidence.objects.filter(pk=created.pk).update(added_at=row.added_at)
    # Not moved.delete(): its cascade check trips over historical models of other apps in this state.
    schema_editor.execute(
        f"DELETE FROM {schema_editor.quote_name(link._meta.db_table)} WHERE source_kind = %s AND target_kind = %s",
        ["comment", "insight"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("traceability", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="CommentEvidence"),
    ]
