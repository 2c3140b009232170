# Experiments moved here from the backlog app. The table and its items table already exist
# (backlog 0001): this migration only takes them into the effects app's state, 0002 renames them.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("backlog", "0003_item_comment_public_quote"),
        ("metrics", "0001_initial"),
        ("organisation", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Experiment",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        ("hypothesis", models.TextField(help_text="We believe that … will … because …", verbose_name="hypothesis")),
                        ("change", models.TextField(verbose_name="what is tried")),
                        ("direction", models.CharField(choices=[("up", "Up"), ("down", "Down")], default="up", max_length=4, verbose_name="direction")),
                        ("minimum_change", models.FloatField(help_text="Success when the metric moves at least this much in the direction, and significantly.", verbose_name="smallest change that counts")),
                        ("starts_on", models.DateField(verbose_name="start")),
                        ("ends_on", models.DateField(verbose_name="end")),
                        ("decision", models.CharField(blank=True, choices=[("continue", "Continue"), ("change", "Change"), ("stop", "Stop")], max_length=8, verbose_name="decision")),
                        ("learning", models.TextField(blank=True, verbose_name="what we learned")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("created_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("items", models.ManyToManyField(blank=True, related_name="experiments", to="backlog.backlogitem", verbose_name="backlog items")),
                        ("metric", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="metrics.metric", verbose_name="metric")),
                        ("service", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="experiments", to="organisation.service", verbose_name="service")),
                    ],
                    options={
                        "verbose_name": "experiment",
                        "verbose_name_plural": "experiments",
                        "ordering": ["-starts_on", "-id"],
                        "db_table": "backlog_experiment",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
