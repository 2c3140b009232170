from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("effects", "0001_initial"),
        ("backlog", "0004_move_retros_experiments_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="experiment", table=None),
    ]
