from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0001_initial"),
        ("backlog", "0004_move_retros_experiments_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="retro", table=None),
        migrations.AlterModelTable(name="wiplimit", table=None),
    ]
