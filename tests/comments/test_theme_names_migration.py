"""Migration 0003 splits the one theme name into fi, sv and en: generated names of
automatic themes become per-language names from their top terms; a name staff
wrote goes into the organisation's default language only."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("comments", "0002_theme_space")]
AFTER = [("comments", "0003_theme_names")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps(transactional_db):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("comments")
    try:
        yield migrate(BEFORE)
    finally:
        migrate(latest)


def test_existing_names_move_into_the_languages(old_apps, settings):
    settings.LANGUAGE_CODE = "sv"
    Theme = old_apps.get_model("comments", "Theme")
    generated = Theme.objects.create(
        kind="auto", name="jono · kö · queue", top_terms={"fi": ["jono", "odotusaika", "puhelin"], "sv": ["kö"]}
    )
    renamed = Theme.objects.create(kind="auto", name="Puhelinjonot", named_by_staff=True, top_terms={"fi": ["jono"]})
    rule = Theme.objects.create(kind="rule", name="Lomakkeet", named_by_staff=True, terms=["lomake"])
    empty = Theme.objects.create(kind="auto", name="—", top_terms={})

    Theme = migrate(AFTER).get_model("comments", "Theme")

    def names(theme):
        row = Theme.objects.get(pk=theme.pk)
        return {"fi": row.name_fi, "sv": row.name_sv, "en": row.name_en}

    assert names(generated) == {"fi": "jono · odotusaika", "sv": "kö", "en": ""}
    assert names(renamed) == {"fi": "", "sv": "Puhelinjonot", "en": ""}  # the default language: sv here
    assert names(rule) == {"fi": "", "sv": "Lomakkeet", "en": ""}
    assert names(empty) == {"fi": "", "sv": "—", "en": ""}
