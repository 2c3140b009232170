import django.db.models.deletion
from django.db import migrations, models

# The word search of the comment pages (kuulo.comments.queries.search) asks for
# UPPER(text) LIKE '%word%' and lemmas LIKE 'word%' / '% word%'; trigram
# indexes answer both without reading every comment of the period.
TRIGRAMS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX comment_text_trigrams ON feedback_comment USING gin (UPPER(text) gin_trgm_ops)",
    "CREATE INDEX comment_lemma_trigrams ON feedback_comment USING gin (lemmas gin_trgm_ops)",
]


def add_trigrams(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in TRIGRAMS:
            schema_editor.execute(statement)


def drop_trigrams(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS comment_text_trigrams")
        schema_editor.execute("DROP INDEX IF EXISTS comment_lemma_trigrams")


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0005_comment_service_and_time"),
    ]

    operations = [
        migrations.AlterField(
            model_name="comment",
            name="service",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisation.service",
                verbose_name="service",
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="responded_at",
            field=models.DateTimeField(verbose_name="answered"),
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(fields=["service", "responded_at", "id"], name="comment_service_time"),
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(fields=["responded_at", "id"], name="comment_time"),
        ),
        migrations.RunPython(add_trigrams, drop_trigrams),
    ]
