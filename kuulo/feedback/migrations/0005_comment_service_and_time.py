import django.db.models.deletion
from django.db import migrations, models


def copy(apps, schema_editor):
    """Copies each comment's service and time from its response."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "UPDATE feedback_comment SET "
            "service_id = (SELECT r.service_id FROM feedback_response r WHERE r.id = feedback_comment.response_id), "
            "responded_at = (SELECT r.responded_at FROM feedback_response r WHERE r.id = feedback_comment.response_id)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0004_monthly_totals"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="service",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisation.service",
                verbose_name="service",
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="responded_at",
            field=models.DateTimeField(null=True, verbose_name="answered"),
        ),
        migrations.RunPython(copy, migrations.RunPython.noop),
    ]
