"""Exports of GSA Touchpoints, Formbricks, Qualtrics, Webropol, Microsoft Forms and Google Forms,
written here in each tool's published layout, imported unchanged with
`import_responses FILE --service SLUG`: the layout is recognised, the question columns are
matched to the survey's metrics by their text, and the stored n, means and monthly figures
equal those computed from the file itself."""

import csv
import io
import json
from collections import defaultdict
from datetime import UTC, datetime
from statistics import mean
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from kuulo.feedback.models import Answer, Response
from kuulo.surveys.models import Survey
from tests.factories import ServiceFactory, published_survey

HELSINKI = ZoneInfo("Europe/Helsinki")
A11 = ("satisfaction", "trust", "effectiveness", "ease", "efficiency", "fairness", "helpfulness")


def run(path, *args) -> str:
    out = io.StringIO()
    call_command("import_responses", str(path), *args, "--no-progress", stdout=out)
    return out.getvalue()


def write_csv(tmp_path, name: str, rows: list[list], delimiter: str = ",") -> str:
    path = tmp_path / name
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def stored(code: str) -> list[int]:
    return sorted(Answer.objects.filter(metric__code=code).values_list("value", flat=True))


def monthly(code: str) -> dict[tuple[int, int], tuple[int, float]]:
    """(year, month) in Helsinki -> (n, mean) of the stored answers."""
    values = defaultdict(list)
    for answer in Answer.objects.filter(metric__code=code).select_related("response"):
        moment = answer.response.responded_at.astimezone(HELSINKI)
        values[(moment.year, moment.month)].append(answer.value)
    return {month: (len(found), mean(found)) for month, found in values.items()}


def expected_monthly(rows, moment_of, value_of) -> dict:
    values = defaultdict(list)
    for row in rows:
        if value_of(row) != "":
            moment = moment_of(row).astimezone(HELSINKI)
            values[(moment.year, moment.month)].append(int(value_of(row)))
    return {month: (len(found), mean(found)) for month, found in values.items()}


# --- GSA Touchpoints: ID, UUID, the question texts, then its own columns; Created At in UTC ---

TOUCHPOINTS_QUESTIONS = [
    "I am satisfied with the service I received from the Agency.",
    "This interaction increased my confidence in the Agency.",
    "My need was addressed.",
    "It was easy to complete what I needed to do.",
    "It took a reasonable amount of time to do what I needed to do.",
    "I was treated fairly.",
    "Employees I interacted with were helpful.",
]
TOUCHPOINTS_TAIL = [
    "Location Code",
    "User Agent",
    "Status",
    "Archived",
    "Flagged",
    "Page",
    "Hostname",
    "Referrer",
    "Created At",
    "Tags",
]


def touchpoints_rows() -> list[list]:
    rows = []
    for number in range(1, 41):
        answers = [str(1 + (number * (q + 3)) % 5) for q in range(7)]
        if number % 9 == 0:
            answers[5] = ""  # a question left unanswered
        page = ["/fi/asumistuki/hakemus", "/sv/bostadsbidrag/ansokan", "/en/housing-allowance"][number % 3]
        day = 1 + number % 28
        month = 1 + number % 3
        created = f"2025-{month:02d}-{day:02d} {number % 24:02d}:{number % 60:02d}:05 UTC"
        uuid = f"6f1c0c1e-8a55-4d57-9a43-{number:012d}"
        rows.append([str(number), uuid, *answers, "", "Mozilla/5.0", "received", "false", "false", page,
                     "asumistuki.example.fi", "", created, ""])  # fmt: skip
    return rows


@pytest.fixture
def service(db):
    return ServiceFactory()


def test_a_touchpoints_export_is_recognised_and_imported_with_its_figures(service, tmp_path):
    published_survey(service=service, codes=A11, open_question=False)
    rows = touchpoints_rows()
    path = write_csv(tmp_path, "touchpoints.csv", [["ID", "UUID", *TOUCHPOINTS_QUESTIONS, *TOUCHPOINTS_TAIL], *rows])
    out = run(path, "--service", service.slug)
    assert "Format: GSA Touchpoints" in out
    for code in A11:
        assert f"-> metric:{code}" in out
    assert "Created 40, already imported 0, skipped 0, rejected 0." in out
    for position, code in enumerate(A11):
        column = 2 + position
        assert stored(code) == sorted(int(row[column]) for row in rows if row[column])
        assert monthly(code) == expected_monthly(
            rows,
            lambda row: datetime.strptime(row[17], "%Y-%m-%d %H:%M:%S UTC").replace(tzinfo=UTC),
            lambda row, column=column: row[column],
        )
    # the UUID is the response id, the page path gives the language
    first = Response.objects.get(idempotency_key=f"id:{rows[0][1]}")
    assert first.language == "sv"
    assert sorted(Response.objects.values_list("language", flat=True).distinct()) == ["en", "fi", "sv"]
    assert "nothing" not in out
    assert run(path, "--service", service.slug).count("Created 0, already imported 40") == 1


def test_a_service_without_a_fitting_survey_gets_an_import_survey(service, tmp_path):
    rows = touchpoints_rows()
    path = write_csv(tmp_path, "touchpoints.csv", [["ID", "UUID", *TOUCHPOINTS_QUESTIONS, *TOUCHPOINTS_TAIL], *rows])
    out = run(path, "--service", service.slug)
    survey = Survey.objects.get(service=service)
    assert f"Created survey {survey.pk}" in out
    codes = [q.metric.code for q in survey.live_version().questions.select_related("metric")]
    assert codes == list(A11)
    assert survey.collection_points.get().kind == "import"
    assert "Created 40, already imported 0" in out
    assert stored("fairness") == sorted(int(row[7]) for row in rows if row[7])


# --- Formbricks: Response ID, Timestamp with GMT offset, Finished, question headlines, url, ... ---


def test_a_formbricks_export_in_finnish_is_recognised_and_imported(service, tmp_path):
    published_survey(service=service, codes=("csat", "nps"))
    header = [
        "Response ID",
        "Timestamp",
        "Finished",
        "Kuinka tyytyväinen olit palveluun kokonaisuutena?",
        "Kuinka todennäköisesti suosittelisit palvelua ystävälle tai työkaverille?",
        "Mitä voisimme parantaa?",
        "url",
        "userId",
        "Tags",
        "Notes",
    ]
    rows = []
    for number in range(30):
        csat = "" if number == 7 else str(1 + number % 5)
        nps = str(number % 11)
        stamp = f"2026-{9 + number % 2:02d}-{1 + number:02d} {number % 24:02d}:17:29 GMT+2"
        url = ["https://palvelu.example.fi/fi/lomake", "https://palvelu.example.fi/sv/blankett?x=1"][number % 2]
        rows.append([f"clx{number:04d}", stamp, "true", csat, nps, "Selkeämpi lomake" if number % 4 == 0 else "",
                     url, "", "", ""])  # fmt: skip
    path = write_csv(tmp_path, "formbricks.csv", [header, *rows])
    out = run(path, "--service", service.slug)
    assert "Format: Formbricks" in out
    assert "-> metric:csat" in out and "-> metric:nps" in out and "-> open:" in out
    assert "Created 30, already imported 0, skipped 0, rejected 0." in out
    assert stored("csat") == sorted(int(row[3]) for row in rows if row[3])
    assert stored("nps") == sorted(int(row[4]) for row in rows)
    moment = Response.objects.get(idempotency_key="id:clx0000").responded_at
    assert moment == datetime(2026, 8, 31, 22, 17, 29, tzinfo=UTC)
    assert Response.objects.get(idempotency_key="id:clx0001").language == "sv"


# --- Qualtrics: ids as header, then a row of question texts and a row of ImportIds with the zone ---


def test_a_qualtrics_export_with_its_three_header_rows_is_imported(service, tmp_path):
    published_survey(service=service, codes=("csat", "ces", "nps"), open_question=False)
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
            "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
            "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel",
            "UserLanguage"]  # fmt: skip
    header = [*meta, "Q1", "Q2", "Q3"]
    texts = [
        "Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
        "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email",
        "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel",
        "User Language",
        "Hur nöjd är du överlag med tjänsten?",
        "Myndigheten gjorde det lätt för mig att sköta mitt ärende.",
        "Hur sannolikt är det att du skulle rekommendera tjänsten till en vän eller kollega?",
    ]  # fmt: skip
    import_ids = [json.dumps({"ImportId": name, "timeZone": "Europe/Helsinki"}) for name in meta]
    import_ids += [json.dumps({"ImportId": f"QID{n}"}) for n in (1, 2, 3)]
    rows = []
    for number in range(24):
        recorded = f"2025-{1 + number % 4:02d}-{1 + number:02d} {8 + number % 12:02d}:30:00"
        language = ["SV", "FI", "EN", "SV-FI"][number % 4]
        rows.append([recorded, recorded, "IP Address", "", "100", "95", "True", recorded, f"R_{number:015d}",
                     "", "", "", "", "", "", "anonymous", language,
                     str(1 + number % 5), str(1 + (number * 2) % 5), str(number % 11)])  # fmt: skip
    path = write_csv(tmp_path, "qualtrics.csv", [header, texts, import_ids, *rows])
    out = run(path, "--service", service.slug)
    assert "Format: Qualtrics" in out
    assert "'Q1' -> metric:csat" in out and "'Q2' -> metric:ces" in out and "'Q3' -> metric:nps" in out
    assert "Created 24, already imported 0, skipped 0, rejected 0." in out
    assert stored("ces") == sorted(int(row[18]) for row in rows)
    # times written without a zone are in the zone of the ImportId row
    first = Response.objects.get(idempotency_key=f"id:R_{0:015d}")
    assert first.responded_at == datetime(2025, 1, 1, 8, 30, tzinfo=HELSINKI)
    assert first.language == "sv"
    assert monthly("csat") == expected_monthly(
        rows, lambda row: datetime.fromisoformat(row[7]).replace(tzinfo=HELSINKI), lambda row: row[17]
    )


def test_qualtrics_rows_are_numbered_as_the_spreadsheet_shows_them(service, tmp_path):
    published_survey(service=service, codes=("csat",), open_question=False)
    header = ["StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId", "Q1"]
    texts = ["Start Date", "End Date", "Response Type", "Progress", "Finished", "Recorded Date", "Response ID",
             "How satisfied are you with the service overall?"]  # fmt: skip
    import_ids = [json.dumps({"ImportId": name}) for name in header]
    rows = [["2025-01-02 10:00:00"] * 2 + ["IP Address", "100", "True", "2025-01-02 10:00:00", "R_1", "9"]]
    path = write_csv(tmp_path, "qualtrics.csv", [header, texts, import_ids, *rows])
    out = run(path, "--service", service.slug)
    assert "Row 4: answers.csat:" in out


# --- Webropol: semicolons, numbered questions, Finnish dates ---


def test_a_webropol_export_is_recognised_and_imported(service, tmp_path):
    published_survey(service=service, codes=("csat", "ease"), open_question=False)
    header = [
        "Vastaaja",
        "Vastausaika",
        "1. Kuinka tyytyväinen olet palveluun kaiken kaikkiaan?",
        "2. Asiani hoitaminen oli helppoa.",
    ]
    rows = [[str(n), f"{1 + n % 28}.{1 + n % 2}.2025 {n % 24}:05", str(1 + n % 5), str(1 + (n + 2) % 5)]
            for n in range(1, 21)]  # fmt: skip
    path = write_csv(tmp_path, "webropol.csv", [header, *rows], delimiter=";")
    out = run(path, "--service", service.slug, "--time-zone", "Europe/Helsinki")
    assert "Format: Webropol" in out
    assert "-> metric:csat" in out and "-> metric:ease" in out
    assert "Created 20, already imported 0, skipped 0, rejected 0." in out
    assert stored("ease") == sorted(int(row[3]) for row in rows)
    assert monthly("csat") == expected_monthly(
        rows, lambda row: datetime.strptime(row[1], "%d.%m.%Y %H:%M").replace(tzinfo=HELSINKI), lambda row: row[2]
    )


# --- Microsoft Forms: an XLSX with real date cells ---


def test_a_microsoft_forms_workbook_with_date_cells_is_imported(service, tmp_path, settings):
    settings.TIME_ZONE = "Europe/Helsinki"
    published_survey(service=service, codes=("csat", "nps"))
    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name",
                  "How satisfied are you with our service?", "How likely is it that you would recommend us?",
                  "What could we improve?"])  # fmt: skip
    rows = []
    for number in range(1, 16):
        done = datetime(2025, 5 + number % 2, number, 9, 45, 10)
        rows.append(
            [number, done, done, "anonymous", "", 1 + number % 5, number % 11, "Kiitos" if number % 3 else None]
        )
        sheet.append(rows[-1])
    path = tmp_path / "forms.xlsx"
    book.save(path)
    out = run(path, "--service", service.slug)
    assert "Format: Microsoft Forms" in out
    assert "Created 15, already imported 0, skipped 0, rejected 0." in out
    assert stored("csat") == sorted(row[5] for row in rows)
    assert stored("nps") == sorted(row[6] for row in rows)
    response = Response.objects.get(idempotency_key="id:3")
    assert response.responded_at == datetime(2025, 6, 3, 9, 45, 10, tzinfo=HELSINKI)


# --- Google Forms: the timestamp first, in the form owner's language ---


def test_a_google_forms_export_in_finnish_is_imported(service, tmp_path):
    published_survey(service=service, codes=("csat", "nps"), open_question=False)
    header = ["Aikaleima", "Kuinka tyytyväinen olet palveluun?", "Suosittelisitko palvelua ystävällesi?"]
    rows = [[f"{n}.3.2025 {n % 24}.15.03", str(1 + n % 5), str(n % 11)] for n in range(1, 26)]
    path = write_csv(tmp_path, "google.csv", [header, *rows])
    out = run(path, "--service", service.slug, "--time-zone", "Europe/Helsinki")
    assert "Format: Google Forms" in out
    assert "Created 25, already imported 0, skipped 0, rejected 0." in out
    assert stored("nps") == sorted(int(row[2]) for row in rows)
    moment = datetime.strptime(rows[0][0], "%d.%m.%Y %H.%M.%S").replace(tzinfo=HELSINKI)
    assert Response.objects.filter(responded_at=moment).count() == 1


# --- the rest of the command ---


def test_a_dry_run_reports_what_would_happen_and_stores_nothing(service, tmp_path):
    published_survey(service=service, codes=A11, open_question=False)
    rows = touchpoints_rows()
    path = write_csv(tmp_path, "touchpoints.csv", [["ID", "UUID", *TOUCHPOINTS_QUESTIONS, *TOUCHPOINTS_TAIL], *rows])
    out = run(path, "--service", service.slug, "--dry-run")
    assert "Dry run, nothing stored: would have created 40, already imported 0" in out
    assert Response.objects.count() == 0


def test_a_file_of_several_services_imports_the_rows_of_the_one_asked(service, tmp_path):
    other = ServiceFactory(name_fi="Pysäköintiluvat", name_sv="Parkeringstillstånd", name_en="Parking permits")
    published_survey(service=service, codes=("csat",), open_question=False)
    header = ["Response ID", "Service", "How satisfied are you with the service overall?"]
    rows = [["a1", service.name_fi, "5"], ["a2", "Parking permits", "1"], ["a3", service.slug, "4"],
            ["a4", other.slug, "2"], ["a5", "Uimahalli", "3"]]  # fmt: skip
    path = write_csv(tmp_path, "services.csv", [header, *rows])
    out = run(path, "--service", service.slug)
    assert "Created 2, already imported 0, skipped 0, for another service 2, rejected 1." in out
    assert "Row 6: service:" in out
    assert stored("csat") == [4, 5]


def test_unknown_channel_values_get_the_default_with_a_warning(service, tmp_path):
    published_survey(service=service, codes=("csat",), open_question=False)
    header = ["Response ID", "Kanava", "How satisfied are you with the service overall?"]
    rows = [["c1", "Puhelin", "5"], ["c2", "Telefon", "4"], ["c3", "phone", "3"], ["c4", "Kirje", "2"],
            ["c5", "Faksi", "1"], ["c6", "Faksi", "2"]]  # fmt: skip
    path = write_csv(tmp_path, "channels.csv", [header, *rows])
    out = run(path, "--service", service.slug)
    assert "Created 6, already imported 0, skipped 0, rejected 0." in out
    assert "Warning: “Faksi” is not a known channel: 2 rows were given the default, Web." in out
    channels = dict(Response.objects.values_list("idempotency_key", "channel"))
    assert channels == {"id:c1": "phone", "id:c2": "phone", "id:c3": "phone", "id:c4": "letter",
                        "id:c5": "web", "id:c6": "web"}  # fmt: skip


def test_a_saved_mapping_is_used_by_name_for_next_months_export(service, tmp_path):
    from kuulo.feedback import import_setup, imports

    version, _point = published_survey(service=service, codes=("csat", "nps"), open_question=False)
    headers = ["Tunniste", "Pvm", "Arvosana", "Suositus", "Kanava"]
    mapping = imports.Mapping(
        columns={0: "response_id", 1: "responded_at", 2: "metric:csat", 3: "metric:nps", 4: "channel"},
        labels={2: {"loistava": 5, "en osaa sanoa": None}},
        values={4: {"puhelu": "phone"}},
        language="fi",
    )
    import_setup.save_mapping(version, "Kuukausiraportti", mapping, headers, None)
    rows = [["k1", "2.11.2026", "Loistava", "9", "puhelu"], ["k2", "3.11.2026", "En osaa sanoa", "7", "verkko"],
            ["k3", "4.11.2026", "3", "", ""]]  # fmt: skip
    path = write_csv(tmp_path, "marraskuu.csv", [headers, *rows], delimiter=";")
    out = run(path, "--service", service.slug, "--mapping", "Kuukausiraportti")
    assert 'Mapping: saved mapping "Kuukausiraportti"' in out
    assert "Created 3, already imported 0, skipped 0, rejected 0." in out
    assert stored("csat") == [3, 5]
    assert Response.objects.get(idempotency_key="id:k1").channel == "phone"
    with pytest.raises(CommandError, match="No saved mapping 'Joulukuu'"):
        run(path, "--service", service.slug, "--mapping", "Joulukuu")


def test_a_file_with_no_recognisable_question_is_refused_with_its_columns(service, tmp_path):
    path = write_csv(tmp_path, "other.csv", [["Nimi", "Osoite"], ["Matti", "Kotikatu 1"]])
    with pytest.raises(CommandError, match="Its columns: Nimi, Osoite"):
        run(path, "--service", service.slug)


def test_the_service_must_be_given_and_known(db, tmp_path):
    path = write_csv(tmp_path, "x.csv", [["csat"], ["5"]])
    with pytest.raises(CommandError, match="--service"):
        run(path)
    with pytest.raises(CommandError, match="No service has the slug 'nope'"):
        run(path, "--service", "nope")


# --- the import page: the same recognition, values, warnings and saved mappings ---


def page_import(client, version, path, **changes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.feedback.test_import import mapping_post, upload

    upload_id = upload(client, version, SimpleUploadedFile(path.name, path.read_bytes()))
    page = client.get(reverse("feedback:import_map", args=[version.survey_id, upload_id]))
    data = mapping_post(client, version, upload_id, **changes)
    mapped = client.post(reverse("feedback:import_map", args=[version.survey_id, upload_id]), data)
    assert mapped.status_code == 302, mapped.content.decode()[:2000]
    preview = client.get(reverse("feedback:import_preview", args=[version.survey_id, upload_id]))
    done = client.post(reverse("feedback:import_preview", args=[version.survey_id, upload_id]))
    return page, preview, done


@pytest.fixture
def _private_storage(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def stored_responses() -> list[tuple]:
    return sorted(
        Response.objects.values_list("idempotency_key", "language", "channel", "responded_at", "customer_group")
    )


def stored_answers() -> list[tuple]:
    return sorted(Answer.objects.values_list("response__idempotency_key", "metric__code", "value"))


@pytest.mark.usefixtures("_private_storage")
def test_the_page_and_the_command_store_the_same_from_the_same_file(client_as, service, tmp_path):
    version, _point = published_survey(service=service, codes=A11, open_question=False)
    rows = touchpoints_rows()
    rows[3][14] = "/yhteystiedot"  # a page that names no language: the default
    path = write_csv(tmp_path, "touchpoints.csv", [["ID", "UUID", *TOUCHPOINTS_QUESTIONS, *TOUCHPOINTS_TAIL], *rows])
    run(path, "--service", service.slug)
    by_command = (stored_responses(), stored_answers())
    Response.objects.all().delete()
    page, _preview, done = page_import(client_as("product_owner"), version, path)
    assert "The file is an export of GSA Touchpoints" in page.content.decode()
    assert done.context["result"].created == 40
    assert (stored_responses(), stored_answers()) == by_command


@pytest.mark.usefixtures("_private_storage")
def test_the_page_maps_channel_values_warns_of_unknown_ones_and_saves_the_mapping(client_as, service, tmp_path):
    version, _point = published_survey(service=service, codes=("csat",), open_question=False)
    client = client_as("product_owner")
    header = ["Response ID", "Kanava", "How satisfied are you with the service overall?"]
    rows = [["c1", "Puhelin", "5"], ["c2", "Puhelu", "4"], ["c3", "Faksi", "2"]]
    path = write_csv(tmp_path, "channels.csv", [header, *rows])
    _page, preview, _done = page_import(client, version, path, value_1_1="phone", save_as="Kuukausiraportti")
    text = preview.content.decode()
    assert "Faksi" in text and preview.context["preview"].warnings[0].rows == 1
    assert dict(Response.objects.values_list("idempotency_key", "channel")) == {
        "id:c1": "phone",
        "id:c2": "phone",
        "id:c3": "web",
    }
    # next month: the saved mapping is offered and gives the same values
    Response.objects.all().delete()
    page = client.get(reverse("feedback:import_upload", args=[version.survey_id]))
    saved = page.context["form"].fields["saved_mapping"].queryset.get()
    assert saved.name == "Kuukausiraportti"
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("feedback:import_upload", args=[version.survey_id]),
        {"file": SimpleUploadedFile("next.csv", path.read_bytes()), "saved_mapping": saved.pk},
    )
    assert response.status_code == 302
    form = client.get(response["Location"]).context["form"]
    assert form["value_1_1"].value() == "phone"


@pytest.mark.usefixtures("_private_storage")
def test_another_surveys_saved_mapping_cannot_be_chosen(client_as, service, tmp_path):
    from kuulo.feedback import import_setup, imports

    version, _point = published_survey(service=service, codes=("csat",), open_question=False)
    other, _point = published_survey(service=service, codes=("csat",), open_question=False)
    saved = import_setup.save_mapping(other, "Muu", imports.Mapping(columns={0: "metric:csat"}), ["x"], None)
    import_setup.save_mapping(version, "Oma", imports.Mapping(columns={0: "metric:csat"}), ["x"], None)
    client = client_as("product_owner")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("feedback:import_upload", args=[version.survey_id]),
        {"file": SimpleUploadedFile("x.csv", b"x\n5\n"), "saved_mapping": saved.pk},
    )
    assert response.status_code == 422


def test_a_dont_know_on_a_required_question_keeps_the_rest_of_the_row(service, tmp_path):
    version, _point = published_survey(service=service, codes=("csat", "ease"), open_question=False)
    version.questions.filter(metric__code="csat").update(required=True)
    header = ["Vastaaja", "Vastausaika", "1. Kuinka tyytyväinen olet palveluun?", "2. Asiani hoitaminen oli helppoa."]
    rows = [["1", "3.11.2026 9:05", "En osaa sanoa", "4"], ["2", "3.11.2026 9:10", "5", "5"]]
    path = write_csv(tmp_path, "webropol.csv", [header, *rows], delimiter=";")
    out = run(path, "--service", service.slug)
    assert "Created 2, already imported 0, skipped 0, rejected 0." in out
    assert stored("csat") == [5] and stored("ease") == [4, 5]


def test_channel_words_people_use_are_understood(service, tmp_path):
    published_survey(service=service, codes=("csat",), open_question=False)
    header = ["Response ID", "Asiointikanava", "How satisfied are you with the service overall?"]
    words = {"Verkko": "web", "Sähköposti": "email", "Palvelupiste": "service_point", "Chatti": "chat",
             "Videosamtal": "video", "E-post": "email"}  # fmt: skip
    rows = [[f"w{number}", word, "4"] for number, word in enumerate(words)]
    path = write_csv(tmp_path, "words.csv", [header, *rows])
    out = run(path, "--service", service.slug, "--mapping", str(mapping_json(tmp_path, header)))
    assert "Warning" not in out
    stored_channels = dict(Response.objects.values_list("idempotency_key", "channel"))
    assert stored_channels == {f"id:w{number}": channel for number, channel in enumerate(words.values())}


def mapping_json(tmp_path, header):
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"columns": {header[0]: "response_id", header[1]: "channel", header[2]: "metric:csat"}}))
    return path


def test_customer_groups_and_touchpoints_match_the_vocabulary_by_name_in_any_language(service, tmp_path):
    from kuulo.organisation.models import Organisation, Term

    organisation = Organisation.current()
    organisation.save()
    Term.objects.create(organisation=organisation, kind="customer_group", code="private-person",
                        name_fi="Yksityishenkilö", name_sv="Privatperson", name_en="Private person")  # fmt: skip
    Term.objects.create(organisation=organisation, kind="customer_group", code="company",
                        name_fi="Yritys", name_sv="Företag", name_en="Company")  # fmt: skip
    published_survey(service=service, codes=("csat",), open_question=False)
    header = ["Response ID", "Asiakasryhmä", "How satisfied are you with the service overall?"]
    rows = [
        ["g1", "Yksityishenkilö", "5"],
        ["g2", "företag", "4"],
        ["g3", "private-person", "3"],
        ["g4", "Yhdistys", "2"],
    ]
    path = write_csv(tmp_path, "groups.csv", [header, *rows])
    out = run(path, "--service", service.slug)
    assert "Created 4, already imported 0, skipped 0, rejected 0." in out
    assert "Warning: “Yhdistys” is not a known customer group: it was left empty in 1 row." in out
    groups = dict(Response.objects.values_list("idempotency_key", "customer_group"))
    assert groups == {"id:g1": "private-person", "id:g2": "company", "id:g3": "private-person", "id:g4": ""}
