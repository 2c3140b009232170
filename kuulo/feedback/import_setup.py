"""Choosing the survey and the mapping for a file, so that a known export is one step.

Used by `manage.py import_responses` (and the import page's saved mappings):
a named mapping saved for one of the service's surveys, a mapping file, or a
guess from the file's layout and question texts; the survey given, the one a
saved mapping belongs to, the service's survey that the file's columns match
best, or a new import survey of the metrics the file was found to hold.
"""

import itertools
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from kuulo.feedback import import_layouts, import_suggestions, imports
from kuulo.feedback.models import SavedMapping
from kuulo.metrics.models import Metric
from kuulo.surveys import actions as survey_actions
from kuulo.surveys.models import Survey, SurveyVersion

SAMPLE_ROWS = 50
LANGUAGES = ["fi", "sv", "en"]


@dataclass
class Plan:
    version: SurveyVersion
    mapping: imports.Mapping
    layout: import_layouts.Layout | None
    created_survey: bool = False
    saved: SavedMapping | None = None


def sample_of(table: imports.Table) -> tuple[imports.Table, list[list[str]]]:
    """The first rows of a table to guess from, and the table with them still in it."""
    rows = iter(table.rows)
    sample = list(itertools.islice(rows, SAMPLE_ROWS))
    table.rows = itertools.chain(sample, rows)
    return table, sample


def saved_mapping(service, name: str, survey: Survey | None = None) -> SavedMapping | None:
    mappings = SavedMapping.objects.filter(collection_point__survey__service=service, name=name)
    if survey is not None:
        mappings = mappings.filter(collection_point__survey=survey)
    return mappings.select_related("collection_point__survey").order_by("-saved_at").first()


def guess(version: SurveyVersion, table: imports.Table, sample, layout) -> imports.Mapping:
    columns = imports.suggest_mapping(table.headers, version, sample=sample, questions=table.questions, layout=layout)
    return imports.Mapping(
        columns={index: target for index, target in columns.items() if target != imports.IGNORE},
        language=version.languages[0],
    )


def questions_mapped(mapping: imports.Mapping) -> int:
    return sum(target.startswith(("metric:", "open:")) for target in mapping.columns.values())


def best_survey(service, table: imports.Table, sample, layout) -> tuple[SurveyVersion, imports.Mapping] | None:
    """The service's live survey whose questions the file's columns match most (at least one)."""
    best = None
    for survey in Survey.objects.filter(service=service).order_by("pk"):
        version = survey.live_version()
        if version is None:
            continue
        mapping = guess(version, table, sample, layout)
        count = questions_mapped(mapping)
        if count and (best is None or count > best[0]):
            best = (count, version, mapping)
    return best[1:] if best else None


def library_metrics() -> dict[str, Metric]:
    """The newest active version of each single-question metric of the library, by target."""
    newest: dict[str, Metric] = {}
    for metric in Metric.objects.filter(is_active=True).order_by("code", "version"):
        if metric.item_count == 1:
            newest[f"metric:{metric.code}"] = metric
    return newest


@transaction.atomic
def create_import_survey(service, table: imports.Table, layout) -> SurveyVersion | None:
    """A published survey of the metrics the file's question columns were recognised as, with a file
    import collection point; None when no column reads as a metric of the library."""
    metrics = library_metrics()
    texts = {
        index: " ".join(filter(None, [header, table.questions[index] if index < len(table.questions) else ""]))
        for index, header in enumerate(table.headers)
    }
    found = import_suggestions.suggest_metrics(
        texts, {target: import_suggestions.metric_texts(metric) for target, metric in metrics.items()}
    )
    if not found:
        return None
    tool = layout.name if layout else _("a file")
    survey = survey_actions.create_survey(service, _("Imported from %(tool)s") % {"tool": tool}, LANGUAGES)
    version = survey.versions.get()
    for index in sorted(found):
        survey_actions.add_metric_question(version, metrics[found[index]])
    for code in LANGUAGES:
        with translation.override(code):
            setattr(version, f"title_{code}", _("Imported responses"))
            setattr(version, f"thank_you_{code}", _("Thank you for your answer!"))
    version.save()
    survey_actions.publish_version(version)
    imports.import_point(survey)
    return SurveyVersion.objects.get(pk=version.pk)


def plan(
    service,
    table: imports.Table,
    *,
    survey: Survey | None = None,
    format_code: str = import_layouts.AUTO,
    mapping_name: str = "",
    mapping_data: dict | None = None,
) -> Plan | None:
    """The survey version and mapping to import `table` with; None when neither a survey nor a
    mapping can be found (no column reads as a question). ValueError names a wrong argument."""
    layout = import_layouts.layout_named(format_code, table.headers)
    table, sample = sample_of(table)
    saved = saved_mapping(service, mapping_name, survey) if mapping_name else None
    if mapping_name and saved is None:
        names = SavedMapping.objects.filter(collection_point__survey__service=service).values_list("name", flat=True)
        raise ValueError(f"No saved mapping {mapping_name!r} for this service. Saved: {', '.join(names) or 'none'}")
    if saved is not None:
        survey = saved.collection_point.survey
        mapping_data = saved.data
        if not layout and saved.source_format in import_layouts.LAYOUTS:
            layout = import_layouts.LAYOUTS[saved.source_format]
    created = False
    if survey is not None:
        version = survey.live_version()
        if version is None:
            raise ValueError("The survey has no published version.")
        mapping = guess(version, table, sample, layout)
    else:
        found = best_survey(service, table, sample, layout)
        if found is None:
            version = create_import_survey(service, table, layout)
            if version is None:
                return None
            created = True
            mapping = guess(version, table, sample, layout)
        else:
            version, mapping = found
    if mapping_data is not None:
        mapping = imports.Mapping.from_json(mapping_data, table.headers, version)
    elif not mapping.time_zone and table.time_zone:
        mapping.time_zone = table.time_zone
    mapping.service = service.slug
    return Plan(version, mapping, layout, created_survey=created, saved=saved)


def save_mapping(version: SurveyVersion, name: str, mapping: imports.Mapping, headers, layout, user=None):
    """Keeps `mapping` under `name` for the survey's file imports (replacing one of that name)."""
    point = imports.import_point(version.survey)
    saved, _created = SavedMapping.objects.update_or_create(
        collection_point=point,
        name=name,
        defaults={
            "data": mapping.to_json(headers),
            "source_format": layout.code if layout else "",
            "saved_by": user,
        },
    )
    return saved
