"""The checkpoint report for the management team: a page and a PDF from the same template."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.plans import pdf
from kuulo.plans.models import Checkpoint
from kuulo.plans.report import checkpoint_report
from tests.plans.data import plan_for

pytestmark = pytest.mark.django_db


def upcoming(plan) -> Checkpoint:
    return plan.checkpoints.order_by("starts_at").last()


def test_the_report_lists_goals_done_and_late_actions_and_attendees(client_as, service, viewer):
    plan = plan_for(service)
    checkpoint = upcoming(plan)
    response = client_as("viewer").get(reverse("plans:checkpoint_report", args=[plan.pk, checkpoint.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Asiakastyytyväisyys vähintään 70 %" in page and "goal-status--met" in page
    assert "Liitteiden lähetys mobiilissa" in page  # done since the previous checkpoint
    assert "Selkokielinen ohje" in page and "flag--late" in page
    assert viewer.get_full_name() in page
    assert 'class="chart chart--line"' in page
    assert reverse("plans:checkpoint_report_pdf", args=[plan.pk, checkpoint.pk]) in page


def test_actions_done_before_the_previous_checkpoint_are_not_reported_again(service):
    plan = plan_for(service)
    previous = plan.checkpoints.order_by("starts_at").first()
    BacklogItem.objects.filter(plans=plan, status="done").update(
        done_at=timezone.localdate(previous.starts_at) - datetime.timedelta(days=1)
    )
    report = checkpoint_report(plan, upcoming(plan))
    assert report.previous == previous
    assert report.done == []
    first = checkpoint_report(plan, previous)  # the first checkpoint reports from the plan's start
    assert [item.title for item in first.done] == ["Liitteiden lähetys mobiilissa"]
    assert first.since == plan.starts_on


def test_the_pdf_is_served_with_a_filename(client_as, service):
    plan = plan_for(service)
    checkpoint = upcoming(plan)
    response = client_as("viewer").get(reverse("plans:checkpoint_report_pdf", args=[plan.pk, checkpoint.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert re.fullmatch(r'attachment; filename="[a-z0-9-]+\.pdf"', response["Content-Disposition"])
    assert response.content.startswith(b"%PDF-")


def test_the_pdf_has_the_report_s_text_a_title_and_a_language(rf, service, personas):
    plan = plan_for(service)
    checkpoint = upcoming(plan)
    context = {"report": checkpoint_report(plan, checkpoint), "plan": plan, "checkpoint": checkpoint}
    document = pdf.document(context)
    text = " ".join(_texts(page._page_box) for page in document.pages)
    assert plan.title in text and checkpoint.title in text
    assert "Selkokielinen ohje" in text
    assert plan.title in document.metadata.title
    raw = document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=True)
    assert b"/Lang (en)" in raw  # the language of the page it came from
    assert b"/MarkInfo <</Marked true>>" in raw  # tagged, for screen readers


def _texts(box) -> str:
    own = [box.text] if isinstance(getattr(box, "text", None), str) else []
    return " ".join(own + [_texts(child) for child in getattr(box, "children", None) or []])


def test_an_outsider_gets_no_report(client_as, service):
    plan = plan_for(service)
    checkpoint = upcoming(plan)
    for name in ("plans:checkpoint_report", "plans:checkpoint_report_pdf"):
        assert client_as("outsider").get(reverse(name, args=[plan.pk, checkpoint.pk])).status_code == 404


def test_a_checkpoint_of_another_plan_is_404(client_as, service):
    plan, other = plan_for(service), plan_for(service, title="Toinen")
    url = reverse("plans:checkpoint_report", args=[plan.pk, upcoming(other).pk])
    assert client_as("admin").get(url).status_code == 404


def reports(settings) -> list:
    return sorted((settings.DATA_DIR / "reports").glob("*.pdf"))


def test_the_same_report_is_drawn_once_and_a_change_draws_it_anew(client_as, service, settings):
    plan = plan_for(service)
    checkpoint = upcoming(plan)
    url = reverse("plans:checkpoint_report_pdf", args=[plan.pk, checkpoint.pk])
    client = client_as("viewer")
    first = client.get(url).content
    again = client.get(url).content
    assert again == first  # a second drawing would carry another creation time
    assert len(reports(settings)) == 1

    checkpoint.title = "Johtoryhmän katsaus, siirretty"
    checkpoint.save(update_fields=["title"])
    changed = client.get(url).content
    assert changed != first
    assert len(reports(settings)) == 2 and changed.startswith(b"%PDF-")


def test_each_language_has_its_own_drawing(client_as, service, settings):
    plan = plan_for(service)
    checkpoint = upcoming(plan)
    url = reverse("plans:checkpoint_report_pdf", args=[plan.pk, checkpoint.pk])
    client = client_as("viewer")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    finnish = client.get(url).content
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    swedish = client.get(url).content
    assert finnish != swedish and len(reports(settings)) == 2


def test_opening_the_report_page_draws_its_pdf_in_the_background(
    client_as, service, settings, django_capture_on_commit_callbacks
):
    plan = plan_for(service)
    checkpoint = upcoming(plan)
    client = client_as("viewer")
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("plans:checkpoint_report", args=[plan.pk, checkpoint.pk]))
    assert len(reports(settings)) == 1
    drawn = reports(settings)[0].read_bytes()
    assert client.get(reverse("plans:checkpoint_report_pdf", args=[plan.pk, checkpoint.pk])).content == drawn
