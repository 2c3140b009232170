"""Moves the evidence of backlog items into traceability's one link table, then drops the old tables.

Every ItemComment becomes a link comment → item and every ItemInsight a link insight → item, with
who added it and when; a comment approved for quoting on the public page keeps its approval (who,
when) as a PublicQuote of its link. Migrating back moves them the other way. Uses the historical
models only (apps.get_model), never the app's code.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

BATCH = 1000


def _links(apps, rows, source_kind, source_field) -> list:
    link = apps.get_model("traceability", "Link")
    return [
        link(
            source_kind=source_kind,
            source_id=row[f"{source_field}_id"],
            source_service_id=row["source_service"],
            target_kind="item",
            target_id=row["item_id"],
            target_service_id=row["item__service_id"],
            added_by_id=row["added_by_id"],
            added_at=row["added_at"],
        )
        for row in rows
    ]


def forward(apps, schema_editor):
    item_comment = apps.get_model("backlog", "ItemComment")
    item_insight = apps.get_model("backlog", "ItemInsight")
    link = apps.get_model("traceability", "Link")
    public_quote = apps.get_model("backlog", "PublicQuote")
    comments = list(
        item_comment.objects.order_by("pk").values(
            "comment_id",
            "item_id",
            "item__service_id",
            "added_by_id",
            "added_at",
            "approved_for_public",
            "approved_by_id",
            "approved_at",
            source_service=models.F("comment__response__service_id"),
        )
    )
    insights = list(
        item_insight.objects.order_by("pk").values(
            "insight_id",
            "item_id",
            "item__service_id",
            "added_by_id",
            "added_at",
            source_service=models.F("insight__service_id"),
        )
    )
    link.objects.bulk_create(_links(apps, comments, "comment", "comment"), batch_size=BATCH)
    link.objects.bulk_create(_links(apps, insights, "insight", "insight"), batch_size=BATCH)
    approved = {(row["comment_id"], row["item_id"]): row for row in comments if row["approved_for_public"]}
    if approved:
        ids = link.objects.filter(source_kind="comment", target_kind="item").values_list("pk", "source_id", "target_id")
        quotes = [
            public_quote(
                link_id=pk,
                approved_by_id=approved[source_id, target_id]["approved_by_id"],
                approved_at=approved[source_id, target_id]["approved_at"] or django.utils.timezone.now(),
            )
            for pk, source_id, target_id in ids
            if (source_id, target_id) in approved
        ]
        public_quote.objects.bulk_create(quotes, batch_size=BATCH)


def backward(apps, schema_editor):
    item_comment = apps.get_model("backlog", "ItemComment")
    item_insight = apps.get_model("backlog", "ItemInsight")
    link = apps.get_model("traceability", "Link")
    public_quote = apps.get_model("backlog", "PublicQuote")
    quotes = {quote.link_id: quote for quote in public_quote.objects.all()}
    moved = link.objects.filter(target_kind="item", source_kind__in=["comment", "insight"]).order_by("pk")
    times = []
    for row in moved:
        quote = quotes.get(row.pk)
        if row.source_kind == "comment":
            created = item_comment.objects.create(
                item_id=row.target_id,
                comment_id=row.source_id,
                added_by_id=row.added_by_id,
                approved_for_public=quote is not None,
                approved_by_id=quote.approved_by_id if quote else None,
                approved_at=quote.approved_at if quote else None,
            )
        else:
            created = item_insight.objects.create(
                item_id=row.target_id, insight_id=row.source_id, added_by_id=row.added_by_id
            )
        times.append((type(created), created.pk, row.added_at))
    for model, pk, added_at in times:  # added_at is auto_now_add on the old models: set it afterwards
        model.objects.filter(pk=pk).update(added_at=added_at)
    public_quote.objects.all().delete()
    # Not moved.delete(): its cascade check trips over the historical PublicQuote of this state.
    schema_editor.execute(
        f"DELETE FROM {schema_editor.quote_name(link._meta.db_table)} "
        "WHERE target_kind = %s AND source_kind IN (%s, %s)",
        ["item", "comment", "insight"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("backlog", "0004_move_retros_experiments_out"),
        ("traceability", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PublicQuote",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("approved_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "link",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="public_quote",
                        to="traceability.link",
                    ),
                ),
            ],
            options={
                "verbose_name": "quote on the public page",
                "verbose_name_plural": "quotes on the public page",
            },
        ),
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="ItemComment"),
        migrations.DeleteModel(name="ItemInsight"),
    ]
