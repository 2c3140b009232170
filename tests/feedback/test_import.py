"""Importing CSV and XLSX exports through the staff UI: upload → map → preview → import."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.timezone import localtime
from openpyxl import Workbook

from kuulo.feedback import uploads
from kuulo.feedback.models import Answer, Comment, Response
from kuulo.surveys.models import CollectionPoint
from tests.factories import published_survey

CSV_FI = (
    "Vastaus ID;Päivämäärä;Kieli;Asiakastyytyväisyys;Suositteluhalukkuus (NPS);Mitä voisimme parantaa?\n"
    "r1;1.3.2026 12:30;fi;Erittäin tyytyväinen;9;Hyvä palvelu, soita 040 123 4567\n"
    "r2;2.3.2026 8:05;sv;melko tyytymätön;3;\n"
    "r3;3.3.2026;en;Very satisfied;10;Great\n"
)


@pytest.fixture(autouse=True)
def _private_storage(settings, tmp_path):
    settings.DATA_DIR = tmp_path


@pytest.fixture
def survey(service):
    version, _point = published_survey(service=service, codes=("csat", "nps"))
    return version


def csv_file(text: str, name: str = "export.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows: list[list]) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("export.xlsx", buffer.getvalue())


def upload(client, version, file) -> str:
    response = client.post(reverse("feedback:import_upload", args=[version.survey_id]), {"file": file})
    assert response.status_code == 302, response.context["form"].errors
    return re.search(r"/import/([^/]+)/$", response["Location"]).group(1)


def mapping_post(client, version, upload_id: str, **changes) -> dict:
    """The mapping form's suggested values, with `changes`."""
    page = client.get(reverse("feedback:import_map", args=[version.survey_id, upload_id]))
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    data.update(changes)
    return data


def run_import(client, version, file, **changes):
    upload_id = upload(client, version, file)
    data = mapping_post(client, version, upload_id, **changes)
    response = client.post(reverse("feedback:import_map", args=[version.survey_id, upload_id]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    preview = client.get(reverse("feedback:import_preview", args=[version.survey_id, upload_id]))
    done = client.post(reverse("feedback:import_preview", args=[version.survey_id, upload_id]))
    return preview, done, upload_id


def test_a_finnish_csv_with_semicolons_is_imported_with_labels_mapped(client_as, survey):
    client = client_as("product_owner")
    preview, done, upload_id = run_import(client, survey, csv_file(CSV_FI))
    assert preview.context["preview"].valid == 3
    assert done.status_code == 200
    assert (done.context["result"].created, done.context["result"].duplicates) == (3, 0)
    stored = {r.idempotency_key: r for r in Response.objects.all()}
    assert set(stored) == {"id:r1", "id:r2", "id:r3"}
    assert stored["id:r2"].language == "sv"
    assert localtime(stored["id:r1"].responded_at).strftime("%Y-%m-%d %H:%M") == "2026-03-01 12:30"
    values = dict(Answer.objects.filter(metric__code="csat").values_list("response__idempotency_key", "value"))
    assert values == {"id:r1": 5, "id:r2": 2, "id:r3": 5}
    assert "040 123 4567" not in Comment.objects.get(response=stored["id:r1"]).text
    assert stored["id:r1"].collection_point.kind == CollectionPoint.Kind.IMPORT
    assert uploads.path_of(upload_id) is None
    call_command("rebuild_rollups", "--check")


def test_the_mapping_page_suggests_columns_and_label_values(client_as, survey):
    client = client_as("product_owner")
    upload_id = upload(client, survey, csv_file(CSV_FI))
    form = client.get(reverse("feedback:import_map", args=[survey.survey_id, upload_id])).context["form"]
    assert form["column_0"].value() == "response_id"
    assert form["column_1"].value() == "responded_at"
    assert form["column_2"].value() == "language"
    assert form["column_3"].value() == "metric:csat"
    assert form["column_5"].value().startswith("open:")
    labels = {form.fields[name].label: form[name].value() for name in form.fields if name.startswith("label_3_")}
    assert labels == {
        "Value of “Erittäin tyytyväinen”": 5,
        "Value of “melko tyytymätön”": 2,
        "Value of “Very satisfied”": 5,
    }


def test_importing_the_same_file_twice_adds_nothing(client_as, survey):
    client = client_as("product_owner")
    run_import(client, survey, csv_file(CSV_FI))
    _preview, done, _upload = run_import(client, survey, csv_file(CSV_FI))
    assert (done.context["result"].created, done.context["result"].duplicates) == (0, 3)
    assert Response.objects.count() == 3


def test_rows_without_response_ids_are_keyed_by_content_and_occurrence(client_as, survey):
    text = "csat,nps\n5,9\n5,9\n4,7\n"
    client = client_as("product_owner")
    _preview, done, _upload = run_import(client, survey, csv_file(text))
    assert done.context["result"].created == 3
    _preview, again, _upload = run_import(client, survey, csv_file(text))
    assert (again.context["result"].created, again.context["result"].duplicates) == (0, 3)
    assert Response.objects.count() == 3


def test_a_comma_separated_csv_with_a_bom_is_read(client_as, survey):
    text = "\ufeffcsat,nps,language\nVery satisfied,10,en\nSatisfied,8,en\n"
    _preview, done, _upload = run_import(client_as("product_owner"), survey, csv_file(text))
    assert done.context["result"].created == 2
    assert sorted(Answer.objects.filter(metric__code="csat").values_list("value", flat=True)) == [4, 5]


def test_a_windows_encoded_csv_is_read(client_as, survey):
    text = "csat;nps;kieli\nErittäin tyytyväinen;10;fi\nMelko tyytyväinen;8;fi\n"
    _preview, done, _upload = run_import(client_as("product_owner"), survey, csv_file(text, encoding="cp1252"))
    assert done.context["result"].created == 2
    assert sorted(Answer.objects.filter(metric__code="csat").values_list("value", flat=True)) == [4, 5]


def test_an_xlsx_export_is_imported(client_as, survey):
    from datetime import datetime

    file = xlsx_file(
        [["ID", "Date", "csat", "nps"], ["a-1", datetime(2026, 1, 5, 9, 0), 4, 8], ["a-2", None, "Mycket nöjd", 10.0]]
    )
    _preview, done, _upload = run_import(client_as("product_owner"), survey, file)
    assert done.context["result"].created == 2
    assert set(Response.objects.values_list("idempotency_key", flat=True)) == {"id:a-1", "id:a-2"}
    responded_at = Response.objects.get(idempotency_key="id:a-1").responded_at
    assert localtime(responded_at).strftime("%Y-%m-%d %H:%M") == "2026-01-05 09:00"


def test_the_preview_names_each_rows_errors_and_they_are_left_out(client_as, survey):
    text = "csat;nps;language\n5;9;fi\nhuono;9;fi\n4;11;fi\n3;5;de\n"
    preview, done, _upload = run_import(client_as("product_owner"), survey, csv_file(text), label_3_0="")
    errors = {(error.row, error.field) for error in preview.context["preview"].errors}
    assert errors == {(3, "answers.csat"), (4, "answers.nps"), (5, "language")}
    page = preview.content.decode()
    assert "answers.nps" in page and "between 0 and 10" in page
    assert (done.context["result"].created, done.context["result"].rejected) == (1, 3)
    assert Response.objects.count() == 1


def test_an_explicit_label_value_overrides_the_suggestion(client_as, survey):
    text = "csat;nps\nhuono;9\nhyvä;9\n"
    client = client_as("product_owner")
    _preview, done, _upload = run_import(client, survey, csv_file(text), label_0_0="1", label_0_1="5")
    assert done.context["result"].created == 2
    assert sorted(Answer.objects.filter(metric__code="csat").values_list("value", flat=True)) == [1, 5]


def test_a_mapping_without_questions_is_refused(client_as, survey):
    client = client_as("product_owner")
    upload_id = upload(client, survey, csv_file(CSV_FI))
    data = mapping_post(client, survey, upload_id, column_3="ignore", column_4="ignore", column_5="ignore")
    response = client.post(reverse("feedback:import_map", args=[survey.survey_id, upload_id]), data)
    assert response.status_code == 422


def test_two_columns_cannot_map_to_the_same_question(client_as, survey):
    client = client_as("product_owner")
    upload_id = upload(client, survey, csv_file(CSV_FI))
    data = mapping_post(client, survey, upload_id, column_4="metric:csat")
    response = client.post(reverse("feedback:import_map", args=[survey.survey_id, upload_id]), data)
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("name", "content"),
    [("export.pdf", b"%PDF-1.4"), ("export.csv", b""), ("export.xlsx", b"PK\x03\x04broken")],
)
def test_a_file_that_is_not_a_table_is_refused(client_as, survey, name, content):
    response = client_as("product_owner").post(
        reverse("feedback:import_upload", args=[survey.survey_id]), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 422
    assert list((uploads.folder()).iterdir()) == []


def test_an_upload_belongs_to_its_survey(client_as, survey, service):
    client = client_as("product_owner")
    upload_id = upload(client, survey, csv_file(CSV_FI))
    other, _point = published_survey(service=service)
    assert client.get(reverse("feedback:import_map", args=[other.survey_id, upload_id])).status_code == 404
    assert client.get(reverse("feedback:import_map", args=[survey.survey_id, "x" * 24])).status_code == 404


def test_the_preview_waits_for_a_mapping(client_as, survey):
    client = client_as("product_owner")
    upload_id = upload(client, survey, csv_file(CSV_FI))
    response = client.get(reverse("feedback:import_preview", args=[survey.survey_id, upload_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:import_map", args=[survey.survey_id, upload_id])


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_can_upload(client_as, survey, role, status):
    response = client_as(role).post(
        reverse("feedback:import_upload", args=[survey.survey_id]), {"file": csv_file(CSV_FI)}
    )
    assert response.status_code == status
    assert not uploads.folder().exists() or list(uploads.folder().iterdir()) == []


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_can_map_and_import(client_as, survey, role, status):
    owner = client_as("product_owner")
    upload_id = upload(owner, survey, csv_file(CSV_FI))
    data = mapping_post(owner, survey, upload_id)
    owner.post(reverse("feedback:import_map", args=[survey.survey_id, upload_id]), data)
    other = client_as(role)
    assert other.post(reverse("feedback:import_map", args=[survey.survey_id, upload_id]), data).status_code == status
    assert other.post(reverse("feedback:import_preview", args=[survey.survey_id, upload_id])).status_code == status
    assert Response.objects.count() == 0
    assert uploads.path_of(upload_id) is not None


def test_blank_rows_and_empty_answers_are_skipped_and_rows_keep_their_spreadsheet_numbers(client_as, survey):
    text = "csat;nps;language\n5;9;fi\n;;\n;;fi\nhuono;9;fi\n"
    preview, done, _upload = run_import(client_as("product_owner"), survey, csv_file(text), label_3_0="")
    assert [(error.row, error.field) for error in preview.context["preview"].errors] == [(5, "answers.csat")]
    assert (preview.context["preview"].valid, preview.context["preview"].skipped) == (1, 2)
    assert "2 rows are blank or have no answers and will be skipped." in preview.content.decode()
    result = done.context["result"]
    assert (result.created, result.skipped, result.rejected) == (1, 2, 1)


def test_a_dont_know_label_is_offered_as_no_answer_and_keeps_the_rest_of_the_row(client_as, survey):
    text = "csat;nps\nEn osaa sanoa;9\n4;En osaa sanoa\nTäysin samaa mieltä;8\n"
    client = client_as("product_owner")
    upload_id = upload(client, survey, csv_file(text))
    form = client.get(reverse("feedback:import_map", args=[survey.survey_id, upload_id])).context["form"]
    assert form["no_answer_0_0"].value() is True
    preview, done, _upload = run_import(client, survey, csv_file(text))
    assert [(error.row, error.field) for error in preview.context["preview"].errors] == [(4, "answers.csat")]
    assert (done.context["result"].created, done.context["result"].rejected) == (2, 1)
    assert sorted(Answer.objects.values_list("metric__code", "value")) == [("csat", 4), ("nps", 9)]
