"""API tokens get scopes (ingest, read) and an optional list of services.

Tokens made before this had full access: they keep it, marked legacy (both
scopes, every service), and the token list asks an admin to narrow them.
Tokens made from now on carry only the scopes and services chosen for them.
"""

from django.db import migrations, models

FULL_ACCESS = ["ingest", "read"]  # the Scope values of kuulo.api.models on the day of this migration


def keep_full_access(apps, schema_editor):
    ApiToken = apps.get_model("api", "ApiToken")
    ApiToken.objects.update(scopes=FULL_ACCESS, all_services=True, legacy=True)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="all_services",
            field=models.BooleanField(default=True, verbose_name="all services"),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="legacy",
            field=models.BooleanField(default=False, editable=False, verbose_name="made before scopes"),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="scopes",
            field=models.JSONField(blank=True, default=list, verbose_name="scopes"),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="services",
            field=models.ManyToManyField(
                blank=True, related_name="api_tokens", to="organisation.service", verbose_name="services"
            ),
        ),
        migrations.RunPython(keep_full_access, migrations.RunPython.noop),
    ]
