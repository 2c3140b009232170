"""python manage.py import_responses: large files in chunks with a mapping file."""

import json

import pytest
from django.core.management import CommandError, call_command

from kuulo.feedback.models import Answer, Response
from kuulo.surveys.models import CollectionPoint
from tests.factories import published_survey


@pytest.fixture
def survey(db):
    version, _point = published_survey(codes=("csat", "umux_lite"))
    return version


@pytest.fixture
def files(tmp_path, survey):
    open_question = survey.questions.get(kind="open")
    rows = ["Tunniste;Tyytyväisyys;Kyvykkyys;Helppous;Kommentti;Kieli"]
    for number in range(1, 251):
        rows.append(f"x{number};{['Huono', 'Hyvä', 'Erittäin tyytyväinen'][number % 3]};{1 + number % 7};7;Kiitos;sv")
    rows.append("bad;Hyvä;9;7;;fi")
    data = tmp_path / "export.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {
                    "Tunniste": "response_id",
                    "Tyytyväisyys": "metric:csat",
                    "Kyvykkyys": "metric:umux_lite:1",
                    "Helppous": "metric:umux_lite:2",
                    "Kommentti": f"open:{open_question.pk}",
                    "Kieli": "language",
                },
                "labels": {"Tyytyväisyys": {"Huono": 1, "Hyvä": 4}},
                "defaults": {"language": "fi", "channel": "phone"},
            }
        )
    )
    return data, mapping


def test_the_command_imports_a_file_in_chunks(survey, files, capsys):
    data, mapping = files
    call_command("import_responses", survey.survey_id, str(data), "--mapping", str(mapping), "--chunk", "100")
    assert "Created 250, already imported 0, skipped 0, rejected 1." in capsys.readouterr().out
    assert Response.objects.count() == 250
    assert set(Response.objects.values_list("channel", "language").distinct()) == {("phone", "sv")}
    assert Response.objects.first().collection_point.kind == CollectionPoint.Kind.IMPORT
    csat = sorted(set(Answer.objects.filter(metric__code="csat").values_list("value", flat=True)))
    assert csat == [1, 4, 5]
    call_command("rebuild_rollups", "--check")


def test_running_the_command_twice_adds_nothing(survey, files, capsys):
    data, mapping = files
    call_command("import_responses", survey.survey_id, str(data), "--mapping", str(mapping), "--no-progress")
    call_command("import_responses", survey.survey_id, str(data), "--mapping", str(mapping), "--no-progress")
    assert "Created 0, already imported 250, skipped 0, rejected 1." in capsys.readouterr().out
    assert Response.objects.count() == 250


def test_a_mapping_naming_an_unknown_column_is_refused(survey, files, tmp_path):
    data, _mapping = files
    mapping = tmp_path / "wrong.json"
    mapping.write_text(json.dumps({"columns": {"Nope": "metric:csat"}}))
    with pytest.raises(CommandError, match="no column 'Nope'"):
        call_command("import_responses", survey.survey_id, str(data), "--mapping", str(mapping))
    assert Response.objects.count() == 0


def test_a_mapping_with_an_unknown_target_is_refused(survey, files, tmp_path):
    data, _mapping = files
    mapping = tmp_path / "wrong.json"
    mapping.write_text(json.dumps({"columns": {"Tyytyväisyys": "metric:nps"}}))
    with pytest.raises(CommandError, match="Unknown target"):
        call_command("import_responses", survey.survey_id, str(data), "--mapping", str(mapping))


def test_an_unknown_survey_is_refused(db, files):
    data, mapping = files
    with pytest.raises(CommandError, match="No survey"):
        call_command("import_responses", 999999, str(data), "--mapping", str(mapping))
