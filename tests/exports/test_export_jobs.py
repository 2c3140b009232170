"""Export jobs from start to download, with the immediate task backend."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kuulo.comments.models import Theme
from kuulo.exports.actions import purge_expired_exports, start_export
from kuulo.exports.models import ExportJob
from tests.exports.data import answer, theme_comments
from tests.factories import ServiceFactory


def period(days: int = 30) -> dict:
    today = timezone.localdate()
    return {"start": (today - timedelta(days=days)).isoformat(), "end": today.isoformat()}


def start(client, **fields):
    data = {"kind": "responses", "format": "csv", "channel": "", "language": "", **period(), **fields}
    return client.post(reverse("exports:export_new"), data)


def csv_rows(job: ExportJob) -> list[list[str]]:
    return list(csv.reader(io.StringIO(job.path.read_text(encoding="utf-8-sig"))))


def test_a_responses_export_has_a_column_per_metric_item_and_the_comments(client_as, service):
    answer(service, 12)
    response = start(client_as("viewer"), service=service.pk)
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("exports:export_detail", args=[job.pk])
    assert job.status == "done" and job.rows_done == job.rows_total == 12
    rows = csv_rows(job)
    header = rows[0]
    assert header[:3] == ["response_id", "responded_at", "service"]
    assert {"csat", "nps", "umux_lite_1", "umux_lite_2", "comment"} <= set(header)
    assert len(rows) == 13
    first = dict(zip(header, rows[1], strict=True))
    assert first["service"] == service.slug and first["umux_lite_2"] == "7"
    assert first["comment"].startswith("Palvelu toimi hyvin")


def test_a_service_with_few_responses_still_exports_its_raw_rows_to_its_members(client_as, service):
    answer(service, 3)
    start(client_as("team_member"), service=service.pk)
    assert len(csv_rows(ExportJob.objects.get())) == 4


def test_the_daily_export_hides_scores_below_the_minimum_n(client_as, service):
    answer(service, 12, days_ago=1)
    answer(service, 3, days_ago=2)
    start(client_as("viewer"), kind="daily", service=service.pk)
    rows = csv_rows(ExportJob.objects.get())
    header = rows[0]
    by_day = {}
    for row in rows[1:]:
        record = dict(zip(header, row, strict=True))
        if record["metric"] == "csat":
            by_day[record["n"]] = record
    assert by_day["12"]["score"] == "75.0" and by_day["12"]["suppressed"] == "false"
    assert by_day["3"]["score"] == "" and by_day["3"]["ci_low"] == "" and by_day["3"]["suppressed"] == "true"


def test_the_comments_export_carries_themes_sentiment_and_language(client_as, service):
    answer(service, 6)
    theme_comments(service, name="Jonotus")
    start(client_as("viewer"), kind="comments", service=service.pk)
    rows = csv_rows(ExportJob.objects.get())
    header = rows[0]
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert len(records) == 3
    assert records[0]["themes"] == "Jonotus" and records[0]["sentiment"] == "positive"
    assert records[0]["detected_language"] == "fi"


@pytest.mark.parametrize(("language", "name"), [("sv", "Köer"), ("en", "Queueing"), ("fi", "Jonotus")])
def test_the_comments_export_names_themes_in_the_language_of_who_exported(client_as, service, viewer, language, name):
    answer(service, 2)
    theme = theme_comments(service, name="Jonotus")
    Theme.objects.filter(pk=theme.pk).update(name_sv="Köer", name_en="Queueing")
    viewer.language = language
    viewer.save(update_fields=["language"])
    start(client_as("viewer"), kind="comments", service=service.pk)
    rows = csv_rows(ExportJob.objects.get())
    assert dict(zip(rows[0], rows[1], strict=True))["themes"] == name


def test_the_comments_export_can_be_narrowed_to_one_theme_and_sentiment(client_as, service):
    answer(service, 10)
    theme = theme_comments(service)
    start(client_as("viewer"), kind="comments", service=service.pk, theme=theme.pk, sentiment="positive")
    assert len(csv_rows(ExportJob.objects.get())) == 3


def test_filters_narrow_the_rows(client_as, service):
    answer(service, 4, channel="web", language="fi")
    answer(service, 5, channel="phone", language="sv")
    answer(service, 6, days_ago=60)
    start(client_as("viewer"), service=service.pk, channel="phone")
    start(client_as("viewer"), service=service.pk, language="fi")
    start(client_as("viewer"), service=service.pk, **period(90))
    phone, finnish, longer = ExportJob.objects.order_by("pk")
    assert len(csv_rows(phone)) == 6
    assert len(csv_rows(finnish)) == 1 + 4  # the header and the recent Finnish ones; the old are outside
    assert len(csv_rows(longer)) == 16


def test_an_xlsx_export_has_the_header_and_the_rows(client_as, service):
    answer(service, 5, text='=HYPERLINK("http://evil")')
    start(client_as("viewer"), service=service.pk, format="xlsx")
    job = ExportJob.objects.get()
    assert job.path.suffix == ".xlsx"
    sheet = load_workbook(job.path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "response_id" and len(rows) == 6
    comment = rows[1][rows[0].index("comment")]
    assert comment.startswith("=HYPERLINK")  # stored as text, not as a formula
    cell = next(sheet.iter_rows(min_row=2, max_row=2))[rows[0].index("comment")]
    assert cell.data_type == "s"


def test_a_csv_export_defuses_formulas_in_customer_text(client_as, service):
    answer(service, 2, text="=1+2")
    start(client_as("viewer"), service=service.pk)
    rows = csv_rows(ExportJob.objects.get())
    assert rows[1][rows[0].index("comment")] == "'=1+2"


def test_every_visible_service_is_exported_when_none_is_chosen(client_as, service):
    answer(service, 2)
    answer(ServiceFactory(), 3)  # a service the viewer cannot see
    start(client_as("viewer"))
    start(client_as("admin"))
    viewer_job, admin_job = ExportJob.objects.order_by("pk")
    assert len(csv_rows(viewer_job)) == 3
    assert len(csv_rows(admin_job)) == 6


def test_an_outsider_cannot_export_a_service_they_cannot_see(client_as, service):
    answer(service, 3)
    response = start(client_as("outsider"), service=service.pk)
    assert response.status_code == 422
    assert not ExportJob.objects.exists()
    assert client_as("outsider").get(reverse("exports:export_new"), {"service": service.pk}).status_code == 404


def test_the_form_is_filled_from_a_dashboard_link(client_as, service):
    response = client_as("viewer").get(
        reverse("exports:export_new"), {"kind": "comments", "service": service.pk, "period": "90", "channel": "web"}
    )
    form = response.context["form"]
    assert form.initial["kind"] == "comments" and form.initial["channel"] == "web"
    assert form.initial["start"] == timezone.localdate() - timedelta(days=89)


def test_a_start_after_the_end_is_refused(client_as, service):
    today = timezone.localdate()
    response = start(client_as("viewer"), start=today.isoformat(), end=(today - timedelta(days=1)).isoformat())
    assert response.status_code == 422
    assert "end" in response.context["form"].errors


def test_only_the_owner_and_admins_see_and_download_an_export(client_as, service, personas):
    answer(service, 3)
    job = start_export(personas["viewer"], "responses", "csv", {"service": service.pk, **period()})
    download = reverse("exports:export_download", args=[job.pk])
    detail = reverse("exports:export_detail", args=[job.pk])
    viewer = client_as("viewer")
    response = viewer.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kuulo-responses-')
    assert b"".join(response.streaming_content).decode("utf-8-sig").startswith("response_id,")
    assert client_as("admin").get(download).status_code == 200
    for role in ("product_owner", "team_member", "outsider"):
        assert client_as(role).get(download).status_code == 404
        assert client_as(role).get(detail).status_code == 404


def test_a_member_who_lost_access_to_the_service_can_no_longer_download(client_as, service, personas):
    job = start_export(personas["viewer"], "responses", "csv", {"service": service.pk, **period()})
    personas["viewer"].memberships.all().delete()
    assert client_as("viewer").get(reverse("exports:export_download", args=[job.pk])).status_code == 404


def test_my_exports_lists_only_my_own(client_as, service, personas):
    mine = start_export(personas["viewer"], "daily", "csv", {"service": service.pk, **period()})
    theirs = start_export(personas["team_member"], "daily", "csv", {"service": service.pk, **period()})
    response = client_as("viewer").get(reverse("exports:export_list"))
    jobs = [job for job, _filters in response.context["rows"]]
    assert jobs == [mine] and theirs not in jobs


def test_the_progress_page_polls_until_the_job_ends(client_as, service, personas):
    job = ExportJob.objects.create(
        user=personas["viewer"], kind="responses", filters=period(), status="running", rows_done=40, rows_total=100
    )
    client = client_as("viewer")
    page = client.get(reverse("exports:export_detail", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and '<progress id="export-bar" max="100" value="40">' in page
    assert 'role="status"' in page
    fragment = client.get(
        reverse("exports:export_detail", args=[job.pk]), {"seen": "running"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "<h1" not in fragment and "hx-swap-oob" not in fragment
    ExportJob.objects.filter(pk=job.pk).update(status="failed")
    fragment = client.get(
        reverse("exports:export_detail", args=[job.pk]), {"seen": "running"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "hx-trigger" not in fragment and 'hx-swap-oob="innerHTML"' in fragment


def test_a_finished_export_offers_its_download(client_as, service, personas):
    answer(service, 2)
    job = start_export(personas["viewer"], "responses", "xlsx", {"service": service.pk, **period()})
    page = client_as("viewer").get(reverse("exports:export_detail", args=[job.pk])).content.decode()
    assert reverse("exports:export_download", args=[job.pk]) in page and "hx-trigger" not in page


def test_a_failing_export_is_marked_failed_and_leaves_no_file(client_as, service, personas, monkeypatch):
    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setitem(__import__("kuulo.exports.writers").exports.writers.WRITERS, "csv", broken)
    job = start_export(personas["viewer"], "responses", "csv", {"service": service.pk, **period()})
    assert job.status == "failed" and "disk full" in job.error and not job.file


def test_expired_exports_are_purged_with_their_files(service, personas):
    job = start_export(personas["viewer"], "daily", "csv", {"service": service.pk, **period()})
    path = job.path
    assert path.exists()
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert purge_expired_exports() == 1
    assert not path.exists() and not ExportJob.objects.exists()


@pytest.mark.parametrize("kind", ["responses", "daily", "comments"])
def test_an_empty_export_still_has_its_header(service, personas, kind):
    for file_format in ("csv", "xlsx"):
        job = start_export(personas["viewer"], kind, file_format, {"service": service.pk, **period()})
        assert job.status == "done" and job.rows_done == 0 and job.path.stat().st_size > 0
