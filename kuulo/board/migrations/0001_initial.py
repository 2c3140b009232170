# Retrospectives and limits on work in progress moved here from the backlog app. Their tables
# already exist (backlog 0001/0002): this migration only takes them into the board's state,
# 0002 renames them.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("backlog", "0003_item_comment_public_quote"),
        ("organisation", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Retro",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("held_on", models.DateField(verbose_name="date")),
                        ("went_well", models.TextField(blank=True, verbose_name="what went well")),
                        ("to_improve", models.TextField(blank=True, verbose_name="what to improve")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("created_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("service", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="retros", to="organisation.service", verbose_name="service")),
                    ],
                    options={
                        "verbose_name": "retrospective",
                        "verbose_name_plural": "retrospectives",
                        "ordering": ["-held_on", "-id"],
                        "db_table": "backlog_retro",
                    },
                ),
                migrations.CreateModel(
                    name="WipLimit",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("status", models.CharField(choices=[("idea", "Idea"), ("ready", "Ready"), ("in_progress", "In progress"), ("done", "Done"), ("verified", "Effect verified"), ("dismissed", "Dismissed")], max_length=12, verbose_name="column")),
                        ("limit", models.PositiveSmallIntegerField(verbose_name="limit on work in progress")),
                        ("service", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="wip_limits", to="organisation.service", verbose_name="service")),
                    ],
                    options={
                        "verbose_name": "limit on work in progress",
                        "verbose_name_plural": "limits on work in progress",
                        "constraints": [models.UniqueConstraint(fields=("service", "status"), name="one_wip_limit_per_column")],
                        "db_table": "backlog_wiplimit",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
