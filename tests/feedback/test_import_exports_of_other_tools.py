"""Exports of other survey tools, as they write them, imported with the command:
their timestamps, blank rows, formula guards and respondents who answered nothing."""

import csv
import json
from datetime import UTC, datetime
from statistics import mean

import pytest
from django.core.management import CommandError, call_command

from kuulo.feedback.models import Answer, Response
from tests.factories import published_survey


@pytest.fixture
def survey(db):
    version, _point = published_survey(codes=("csat", "nps"))
    return version


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def mapping_file(tmp_path, columns: dict, **defaults):
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"columns": columns, "defaults": {"language": "en", **defaults}}))
    return path


def import_file(survey, data, mapping, *extra) -> str:
    call_command("import_responses", survey.survey_id, str(data), "--mapping", str(mapping), "--no-progress", *extra)


# A GSA Touchpoints-like export: running ID, UUID, answers, page, and "Created At" in UTC.
TOUCHPOINTS_ROWS = [
    ("1", "6f1c0c1e-8a55-4d57-9a43-000000000001", "5", "9", "/benefits", "2025-01-01 06:21:05 UTC"),
    ("2", "6f1c0c1e-8a55-4d57-9a43-000000000002", "4", "10", "/benefits", "2025-01-01 23:59:59 UTC"),
    ("3", "6f1c0c1e-8a55-4d57-9a43-000000000003", "2", "3", "/apply", "2025-01-31 22:30:00 UTC"),
    ("4", "6f1c0c1e-8a55-4d57-9a43-000000000004", "3", "7", "/apply", "2025-02-01 00:00:01 UTC"),
]


def touchpoints_csv() -> str:
    lines = ["ID,UUID,Answer 01,Answer 02,Page,Created At"]
    lines += [",".join(row) for row in TOUCHPOINTS_ROWS]
    return "\n".join(lines) + "\n"


def test_a_touchpoints_export_with_utc_times_is_imported_with_its_figures(survey, tmp_path, capsys):
    data = write(tmp_path, "touchpoints.csv", touchpoints_csv())
    columns = {
        "UUID": "response_id",
        "Answer 01": "metric:csat",
        "Answer 02": "metric:nps",
        "Created At": "responded_at",
    }
    import_file(survey, data, mapping_file(tmp_path, columns))
    assert "Created 4, already imported 0, skipped 0, rejected 0." in capsys.readouterr().out
    csat = [int(row[2]) for row in TOUCHPOINTS_ROWS]
    nps = [int(row[3]) for row in TOUCHPOINTS_ROWS]
    stored_csat = list(Answer.objects.filter(metric__code="csat").values_list("value", flat=True))
    stored_nps = list(Answer.objects.filter(metric__code="nps").values_list("value", flat=True))
    assert (len(stored_csat), mean(stored_csat)) == (len(csat), mean(csat))
    promoters, detractors = sum(v >= 9 for v in nps), sum(v <= 6 for v in nps)
    assert round(100 * (sum(v >= 9 for v in stored_nps) - sum(v <= 6 for v in stored_nps)) / len(stored_nps)) == round(
        100 * (promoters - detractors) / len(nps)
    )
    times = {r.idempotency_key: r.responded_at for r in Response.objects.all()}
    for row in TOUCHPOINTS_ROWS:
        expected = datetime.strptime(row[5], "%Y-%m-%d %H:%M:%S UTC").replace(tzinfo=UTC)
        assert times[f"id:{row[1]}"] == expected


# A Formbricks-like export: "Response ID", "Timestamp" with a GMT offset, question headlines as columns.
FORMBRICKS = """Response ID,Timestamp,Finished,How satisfied were you?,How likely are you to recommend us?,url
clx1a,2026-10-31 00:17:29 GMT+2,true,5,10,https://example.fi/fi/palvelu
clx1b,2026-10-30 23:05:00 GMT+2,true,'4,9,https://example.fi/sv/tjanst
,,,,,
clx1c,2026-10-29 12:00:00 GMT+2,false,,,https://example.fi/en/service
clx1d,2026-10-29 12:00:00 GMT+2,true,very good,8,https://example.fi/en/service
clx1e,2026-10-28 08:00:00 GMT+2,true,1,0,https://example.fi/fi/palvelu
"""


def test_a_formbricks_export_with_gmt_offsets_blank_rows_and_guards_is_imported(survey, tmp_path, capsys):
    data = write(tmp_path, "formbricks.csv", FORMBRICKS)
    columns = {
        "Response ID": "response_id",
        "Timestamp": "responded_at",
        "How satisfied were you?": "metric:csat",
        "How likely are you to recommend us?": "metric:nps",
    }
    errors = tmp_path / "errors.csv"
    import_file(survey, data, mapping_file(tmp_path, columns), "--errors", str(errors))
    out = capsys.readouterr().out
    # rows as a spreadsheet numbers them: header 1, clx1a 2, clx1b 3, blank 4, clx1c 5, clx1d 6, clx1e 7
    assert "Created 3, already imported 0, skipped 2, rejected 1." in out
    assert "Row 6: answers.csat:" in out and "very good" in out
    with open(errors, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["row", "field", "reason"]
    assert [(row[0], row[1]) for row in rows[1:]] == [("6", "answers.csat")]
    assert sorted(Answer.objects.filter(metric__code="csat").values_list("value", flat=True)) == [1, 4, 5]
    assert Response.objects.get(idempotency_key="id:clx1a").responded_at == datetime(
        2026, 10, 30, 22, 17, 29, tzinfo=UTC
    )
    assert Response.objects.get(idempotency_key="id:clx1b").responded_at == datetime(2026, 10, 30, 21, 5, tzinfo=UTC)


NAIVE = """id;aika;csat
n1;4.3.2025 12:05;5
n2;45658,5;4
"""


@pytest.mark.parametrize(
    ("zone", "first"),
    [
        (None, datetime(2025, 3, 4, 10, 5, tzinfo=UTC)),  # the server's zone, Europe/Helsinki
        ("America/New_York", datetime(2025, 3, 4, 17, 5, tzinfo=UTC)),
    ],
)
def test_times_without_a_zone_are_read_in_the_zone_given(survey, tmp_path, zone, first):
    data = write(tmp_path, "naive.csv", NAIVE)
    mapping = mapping_file(tmp_path, {"id": "response_id", "aika": "responded_at", "csat": "metric:csat"})
    import_file(survey, data, mapping, *(["--time-zone", zone] if zone else []))
    assert Response.objects.get(idempotency_key="id:n1").responded_at == first
    assert Response.objects.get(idempotency_key="id:n2").responded_at.date().isoformat() == "2025-01-01"


def test_an_unknown_time_zone_is_refused(survey, tmp_path):
    data = write(tmp_path, "naive.csv", NAIVE)
    mapping = mapping_file(tmp_path, {"csat": "metric:csat"})
    with pytest.raises(CommandError, match="Unknown time zone"):
        import_file(survey, data, mapping, "--time-zone", "Mars/Olympus")
    assert Response.objects.count() == 0


LABELS = """id;csat;nps
l1;Agree;9
l2;En osaa sanoa;10
l3;4;Vet ej
l4;Ei kokemusta;N/A
l5;Very satisfied;N/A
"""


def test_scale_labels_match_only_the_metrics_own_and_dont_know_skips_the_question(survey, tmp_path, capsys):
    data = write(tmp_path, "labels.csv", LABELS)
    path = tmp_path / "mapping.json"
    path.write_text(
        json.dumps(
            {
                "columns": {"id": "response_id", "csat": "metric:csat", "nps": "metric:nps"},
                "labels": {"csat": {"Ei kokemusta": None}},
                "defaults": {"language": "fi"},
            }
        )
    )
    import_file(survey, data, path)
    out = capsys.readouterr().out
    # l1: "Agree" is a label of an agreement scale, not of csat; l4 answered nothing; l2, l3, l5 keep their answers
    assert "Row 2: answers.csat: “Agree” is not a value of the scale." in out
    assert "Created 3, already imported 0, skipped 1, rejected 1." in out
    answers = {
        (response.idempotency_key, answer.metric.code): answer.value
        for response in Response.objects.all()
        for answer in response.answers.select_related("metric")
    }
    assert answers == {("id:l2", "nps"): 10, ("id:l3", "csat"): 4, ("id:l5", "csat"): 5}


def test_labels_are_read_only_in_the_languages_the_mapping_selects(survey, tmp_path, capsys):
    data = write(tmp_path, "labels.csv", "id;csat\ns1;Mycket nöjd\ns2;Erittäin tyytyväinen\n")
    path = tmp_path / "mapping.json"
    path.write_text(
        json.dumps({"columns": {"id": "response_id", "csat": "metric:csat"}, "defaults": {"label_languages": ["fi"]}})
    )
    import_file(survey, data, path)
    out = capsys.readouterr().out
    assert "Row 2: answers.csat: “Mycket nöjd” is not a value of the scale." in out
    assert "Created 1, already imported 0, skipped 0, rejected 1." in out
