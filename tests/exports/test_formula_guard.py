"""Every CSV and XLSX file a person can download from Kuulo keeps customer text as
text: a spreadsheet never runs it as a formula, and numbers stay numbers."""

import csv
import io
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kuulo.api.models import ApiToken
from kuulo.exports.models import ExportJob
from kuulo.feedback.actions import record_response
from kuulo.feedback.submissions import clean_submission
from kuulo.lib.exports import defused
from tests.comments.pages import make_comment
from tests.exports.test_export_jobs import period
from tests.factories import published_survey

# What a spreadsheet may read as a formula: each begins with =, +, -, @, a tab or a carriage return.
FORMULAS = ['=HYPERLINK("http://evil.example","Click")', "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(1,1)"]
FORMULAS += ["\t=1+2", "\r=1+2"]


def streamed(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))


def job_rows() -> list[list[str]]:
    """The rows of the one export job's CSV file, carriage returns kept."""
    with ExportJob.objects.get().path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def column(rows: list[list[str]], name: str) -> list[str]:
    index = rows[0].index(name)
    return [row[index] for row in rows[1:]]


@pytest.fixture
def formulas(service):
    """One accepted comment for each formula, newest last, each scored 10."""
    return [make_comment(service, text, score=10, days_ago=1 - n / 100) for n, text in enumerate(FORMULAS)]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert defused(text) == "'" + text


@pytest.mark.parametrize("value", ["-12.5", "+3", "-7", "0.25", -12.5, -100, None, "", "Hyvä palvelu", "a=b"])
def test_numbers_and_ordinary_text_are_written_as_they_are(value):
    assert defused(value) == value


def test_the_comments_page_csv_defuses_every_formula(client_as, service, formulas):
    rows = streamed(client_as("viewer").get(reverse("comments:comment_export", args=[service.pk])))
    texts = column(rows, "Comment")
    assert sorted(texts) == sorted("'" + text for text in FORMULAS)
    assert set(column(rows, "Score")) == {"10"}


@pytest.mark.parametrize("kind", ["responses", "comments"])
def test_a_csv_export_job_defuses_every_formula(client_as, service, formulas, kind):
    data = {"kind": kind, "format": "csv", "service": service.pk, "channel": "", "language": "", **period()}
    client_as("viewer").post(reverse("exports:export_new"), data)
    rows = job_rows()
    texts = column(rows, "comment" if kind == "responses" else "text")
    assert sorted(texts) == sorted("'" + text for text in FORMULAS)


@pytest.mark.parametrize("kind", ["responses", "comments"])
def test_an_xlsx_export_job_keeps_every_formula_as_text(client_as, service, formulas, kind):
    data = {"kind": kind, "format": "xlsx", "service": service.pk, "channel": "", "language": "", **period()}
    client_as("viewer").post(reverse("exports:export_new"), data)
    sheet = load_workbook(ExportJob.objects.get().path).active
    header = [cell.value for cell in sheet[1]]
    cells = [row[header.index("comment" if kind == "responses" else "text")] for row in sheet.iter_rows(min_row=2)]
    # XML reads a carriage return back as a line feed; the text is otherwise as written.
    assert sorted(cell.value for cell in cells) == sorted(text.replace("\r", "\n") for text in FORMULAS)
    assert {cell.data_type for cell in cells} == {"s"}


def answer_csat(version, point, value: int, days_ago: int) -> None:
    data = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"csat": value}}
    submission = clean_submission(version, data)
    submission.responded_at = timezone.now() - timedelta(days=days_ago)
    record_response(point, version, submission)


def test_the_overview_csv_defuses_a_service_name_and_keeps_a_fall_as_a_negative_number(client_as, service):
    service.name_en = '=HYPERLINK("http://evil.example")'
    service.save(update_fields=["name_en"])
    version, point = published_survey(service=service, codes=("csat",), open_question=False)
    for value in [5] * 15 + [1] * 5:  # previous 30 days: 75 %
        answer_csat(version, point, value, days_ago=40)
    for value in [5] * 10 + [1] * 10:  # last 30 days: 50 %
        answer_csat(version, point, value, days_ago=5)
    rows = streamed(client_as("viewer").get(reverse("dashboards:overview"), {"format": "csv"}))
    assert rows[1][0] == "'" + service.name_en
    assert rows[1][2] == "50.0"
    assert rows[1][-1] == "-25.0"


def test_the_daily_scores_feed_defuses_a_service_name_and_keeps_a_negative_nps(client, service):
    service.name_fi = service.name_sv = service.name_en = "@SUM(1,1)"
    service.save(update_fields=["name_fi", "name_sv", "name_en"])
    version, point = published_survey(service=service, codes=("nps",), open_question=False)
    for _n in range(12):
        data = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"nps": 2}}
        submission = clean_submission(version, data)
        submission.responded_at = timezone.now() - timedelta(days=1)
        record_response(point, version, submission)
    token = ApiToken.issue("bi")[1]
    response = client.get("/api/v1/scores/daily.csv", headers={"Authorization": f"Bearer {token}"})
    rows = streamed(response)
    assert column(rows, "service_name") == ["'@SUM(1,1)"]
    assert column(rows, "score") == ["-100.0"]
