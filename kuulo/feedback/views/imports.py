"""Importing a file of responses to a survey: upload → map columns and labels → preview → import.

Only people with product owner rights on the survey's service may import.
The file waits in private temporary storage (kuulo.feedback.uploads) between
the steps and is deleted after the import.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kuulo.feedback import import_layouts, import_setup, imports, uploads
from kuulo.feedback.forms import ImportMappingForm, ImportUploadForm
from kuulo.lib.translated import LANGUAGE_LABELS
from kuulo.organisation.models import Channel, Role
from kuulo.surveys.access import get_survey_for_user
from kuulo.surveys.models import Survey


def get_upload(survey: Survey, upload: str) -> tuple[dict, imports.Table]:
    """The note and table of an upload to `survey`; 404 for unknown or foreign ids."""
    note = uploads.note(upload)
    if note is None or note.get("survey") != survey.pk:
        raise Http404("No such upload.")
    try:
        table = imports.read_table(uploads.path_of(upload))
    except imports.ImportFileError as error:
        raise Http404("Unreadable upload.") from error
    return note, table


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = get_survey_for_user(request, survey_pk, role=Role.PRODUCT_OWNER)
    version = survey.live_version()
    form = ImportUploadForm(request.POST or None, request.FILES or None, survey=survey)
    if request.method == "POST" and version is not None and form.is_valid():
        file = form.cleaned_data["file"]
        upload = uploads.save(file.chunks(), survey.pk, file.name)
        try:
            table = imports.read_table(uploads.path_of(upload))
            mapping = _first_mapping(form.cleaned_data, version, table)
        except (imports.ImportFileError, ValueError) as error:
            uploads.delete(upload)
            form.add_error("saved_mapping" if isinstance(error, ValueError) else "file", str(error))
        else:
            note = uploads.note(upload)
            note.update(mapping=None, suggested=mapping.to_note(), layout=_layout_code(form.cleaned_data, table))
            uploads.write_note(upload, note)
            return redirect("feedback:import_map", survey_pk=survey.pk, upload=upload)
    context = {"survey": survey, "version": version, "form": form}
    return render(request, "feedback/import_upload.html", context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def import_map(request: HttpRequest, survey_pk: int, upload: str) -> HttpResponse:
    survey = get_survey_for_user(request, survey_pk, role=Role.PRODUCT_OWNER)
    version = survey.live_version()
    note, table = get_upload(survey, upload)
    if version is None:
        return redirect("feedback:import_upload", survey_pk=survey.pk)
    if note["mapping"]:
        initial = imports.Mapping.from_note(note["mapping"])
    elif note.get("suggested"):
        initial = imports.Mapping.from_note(note["suggested"])
    else:
        initial = _first_mapping({}, version, table)
    found = imports.distinct_labels(table.rows, range(len(table.headers)))
    labels = imports.label_columns(found, initial, version)
    form = ImportMappingForm(
        request.POST or None,
        version=version,
        headers=table.headers,
        labels=labels,
        values=imports.value_columns(found, initial),
        initial_mapping=initial,
    )
    if request.method == "POST" and form.is_valid():
        mapping = form.mapping()
        note["mapping"] = mapping.to_note()
        uploads.write_note(upload, note)
        if name := form.cleaned_data.get("save_as", "").strip():
            layout = import_layouts.LAYOUTS.get(note.get("layout") or "")
            import_setup.save_mapping(version, name, mapping, table.headers, layout, request.user)
        return redirect("feedback:import_preview", survey_pk=survey.pk, upload=upload)
    layout = import_layouts.LAYOUTS.get(note.get("layout") or "")
    context = {
        "survey": survey,
        "version": version,
        "form": form,
        "file_name": note["name"],
        "upload": upload,
        "layout": layout,
    }
    return render(request, "feedback/import_map.html", context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, survey_pk: int, upload: str) -> HttpResponse:
    """GET shows the first rows as they will be stored and every row's errors; POST imports."""
    survey = get_survey_for_user(request, survey_pk, role=Role.PRODUCT_OWNER)
    version = survey.live_version()
    note, table = get_upload(survey, upload)
    if version is None or not note["mapping"]:
        return redirect("feedback:import_map", survey_pk=survey.pk, upload=upload)
    mapping = imports.Mapping.from_note(note["mapping"])
    if request.method == "POST":
        result = imports.import_rows(version, table, mapping)
        uploads.delete(upload)
        return render(request, "feedback/import_done.html", {"survey": survey, "result": result, "name": note["name"]})
    result = imports.preview(version, table, mapping)
    questions = imports.questions_of(version)
    rows = [
        {
            "number": number,
            "submission": submission,
            "channel": Channel(submission.channel).label,
            "language": LANGUAGE_LABELS.get(submission.language, submission.language),
            "cells": _cells(submission, questions),
        }
        for number, submission in result.rows
    ]
    headings = [question.metric.name if question.metric_id else question.open_text(None) for question in questions]
    context = {
        "survey": survey,
        "preview": result,
        "rows": rows,
        "headings": headings,
        "file_name": note["name"],
        "upload": upload,
    }
    return render(request, "feedback/import_preview.html", context)


def _layout_code(data: dict, table: imports.Table) -> str:
    layout = import_layouts.layout_named(data.get("source_format") or import_layouts.AUTO, table.headers)
    return layout.code if layout else ""


def _first_mapping(data: dict, version, table: imports.Table) -> imports.Mapping:
    """The saved mapping chosen, else a guess from the file's layout, question texts and first rows."""
    if saved := data.get("saved_mapping"):
        return imports.Mapping.from_json(saved.data, table.headers, version)
    layout = import_layouts.layout_named(data.get("source_format") or import_layouts.AUTO, table.headers)
    table, sample = import_setup.sample_of(table)
    mapping = import_setup.guess(version, table, sample, layout)
    mapping.time_zone = table.time_zone
    return mapping


def _cells(submission, questions) -> list[str]:
    """One text per question: the value(s) of a metric, the redacted text of an open question."""
    cells = []
    for question in questions:
        if question.pk in submission.answers:
            cells.append(" · ".join(str(value) for value in submission.answers[question.pk]))
        else:
            cells.append(submission.comments.get(question.pk, ""))
    return cells
