# Retrospectives and limits on work in progress now belong to the board app, experiments to the
# effects app. Nothing changes in the database here: the tables are taken over as they are.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("backlog", "0003_item_comment_public_quote"),
        ("board", "0001_initial"),
        ("effects", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="backlogitem",
                    name="retro",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="actions", to="board.retro", verbose_name="retrospective"),
                ),
                migrations.DeleteModel(name="Experiment"),
                migrations.DeleteModel(name="Retro"),
                migrations.DeleteModel(name="WipLimit"),
            ],
            database_operations=[],
        ),
    ]
