from django.db import migrations


def load(apps, schema_editor):
    from kuulo.selfassessment.importing import load_builtin

    names = ("Framework", "Panel", "Band", "Criterion", "Subcriterion", "Example")
    load_builtin(models={name: apps.get_model("selfassessment", name) for name in names})


class Migration(migrations.Migration):
    dependencies = [("selfassessment", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
