import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("organisation", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Link",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("source_kind", models.CharField(max_length=32, verbose_name="kind of the source")),
                ("source_id", models.BigIntegerField(verbose_name="id of the source")),
                ("target_kind", models.CharField(max_length=32, verbose_name="kind of the target")),
                ("target_id", models.BigIntegerField(verbose_name="id of the target")),
                ("note", models.CharField(blank=True, max_length=300, verbose_name="note")),
                ("added_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="added")),
                (
                    "added_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="added by",
                    ),
                ),
                (
                    "source_service",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="organisation.service",
                        verbose_name="service of the source",
                    ),
                ),
                (
                    "target_service",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="organisation.service",
                        verbose_name="service of the target",
                    ),
                ),
            ],
            options={
                "verbose_name": "link",
                "verbose_name_plural": "links",
                "indexes": [
                    models.Index(fields=["target_kind", "target_id", "source_kind", "source_id"], name="link_incoming")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("source_kind", "source_id", "target_kind", "target_id"), name="one_link_per_pair"
                    )
                ],
            },
        ),
    ]
