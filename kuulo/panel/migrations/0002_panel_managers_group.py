"""The "Panel managers" group, holding panel.manage_panel: an admin adds people to it."""

from django.db import migrations


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="panel", model="panelmember")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="manage_panel",
        defaults={"name": "Can see and manage the customer panel's members"},
    )
    group, _ = Group.objects.get_or_create(name="Panel managers")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("panel", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
