"""A theme's name in fi, sv and en (name_fi, name_sv, name_en) instead of one `name`.

Existing names move like this:
- an automatic theme nobody named (its name was generated, such as "jono · kö · queue")
  is named in each language after its stored top terms in that language, the way
  `analysis.themes.names_from` names new ones (that function also puts dictionary terms
  first; the next reclustering applies it). A language without top terms stays empty.
- a name staff wrote (rule themes, renamed automatic themes) is in one language we
  cannot tell, so it goes into the organisation's default language (LANGUAGE_CODE)
  only: every page still shows it through the fallback, and the rename and rule forms
  show the other two languages as not written yet instead of a copy that looks
  translated.
"""

from django.conf import settings
from django.db import migrations, models

LANGUAGES = ("fi", "sv", "en")
NAME_TERMS = 2  # as analysis.themes.NAME_TERMS


def split_names(apps, schema_editor):
    Theme = apps.get_model("comments", "Theme")
    default = settings.LANGUAGE_CODE[:2] if settings.LANGUAGE_CODE[:2] in LANGUAGES else "fi"
    changed = []
    for theme in Theme.objects.all().iterator(chunk_size=500):
        names = dict.fromkeys(LANGUAGES, "")
        if theme.kind == "auto" and not theme.named_by_staff and isinstance(theme.top_terms, dict):
            for code in LANGUAGES:
                terms = [str(term) for term in theme.top_terms.get(code) or []]
                names[code] = " · ".join(terms[:NAME_TERMS])[:120]
        if not any(names.values()):
            names[default] = (theme.name or "—")[:120]
        for code, name in names.items():
            setattr(theme, f"name_{code}", name)
        changed.append(theme)
    Theme.objects.bulk_update(changed, ["name_fi", "name_sv", "name_en"], batch_size=500)


def join_names(apps, schema_editor):
    """Back to one name: the default language's, else the first written."""
    Theme = apps.get_model("comments", "Theme")
    default = settings.LANGUAGE_CODE[:2] if settings.LANGUAGE_CODE[:2] in LANGUAGES else "fi"
    changed = []
    for theme in Theme.objects.all().iterator(chunk_size=500):
        names = [getattr(theme, f"name_{code}") for code in (default, *LANGUAGES)]
        theme.name = next((name for name in names if name), "—")
        changed.append(theme)
    Theme.objects.bulk_update(changed, ["name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_theme_space"),
    ]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="name_fi",
            field=models.CharField(blank=True, max_length=120, verbose_name="name in Finnish"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_sv",
            field=models.CharField(blank=True, max_length=120, verbose_name="name in Swedish"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_en",
            field=models.CharField(blank=True, max_length=120, verbose_name="name in English"),
        ),
        migrations.AlterField(
            model_name="theme",
            name="name",
            field=models.CharField(blank=True, default="", max_length=120, verbose_name="name"),
        ),
        migrations.RunPython(split_names, join_names),
        migrations.RemoveField(
            model_name="theme",
            name="name",
        ),
        migrations.AlterModelOptions(
            name="theme",
            options={
                "ordering": ["name_fi", "name_sv", "name_en", "pk"],
                "verbose_name": "theme",
                "verbose_name_plural": "themes",
            },
        ),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.CheckConstraint(
                condition=models.Q(("name_en", ""), ("name_fi", ""), ("name_sv", ""), _negated=True),
                name="theme_named_in_some_language",
            ),
        ),
    ]
