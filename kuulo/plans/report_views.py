"""The checkpoint report: page and PDF, one template."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language

import kuulo.audit as audit
from kuulo.plans import pdf
from kuulo.plans.access import get_checkpoint_for_user
from kuulo.plans.report import checkpoint_report
from kuulo.plans.tasks import draw_report_pdf


def file_name(*parts: str) -> str:
    """A plain file name: "asumisen-tukien-kehittamissuunnitelma-2026-2027-2026-12-02"."""
    return slugify(" ".join(parts).replace("–", "-")) or "plan"  # slugify would drop the en dash of 2026–2027


def _report_context(request: HttpRequest, pk: int, checkpoint_pk: int) -> dict:
    checkpoint = get_checkpoint_for_user(request, pk, checkpoint_pk)
    plan = checkpoint.plan
    return {"report": checkpoint_report(plan, checkpoint), "plan": plan, "checkpoint": checkpoint}


@login_required
def report_page(request: HttpRequest, pk: int, checkpoint_pk: int) -> HttpResponse:
    """The report as a page; its PDF is drawn meanwhile in the background, ready for the download."""
    context = _report_context(request, pk, checkpoint_pk)
    if not pdf.cached_path(pdf.report_html(context)).exists():
        language = get_language()
        transaction.on_commit(lambda: draw_report_pdf.enqueue(checkpoint_pk, language))
    return render(request, "plans/report.html", context)


@login_required
def report_pdf(request: HttpRequest, pk: int, checkpoint_pk: int) -> HttpResponse:
    """The PDF; drawn here only when the background task has not drawn this very report yet."""
    context = _report_context(request, pk, checkpoint_pk)
    audit.record(request, "report.downloaded", context["checkpoint"], service=context["plan"].service_id)
    response = HttpResponse(pdf.report_pdf(context), content_type="application/pdf")
    day = f"{timezone.localtime(context['checkpoint'].starts_at):%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{file_name(context["plan"].title, day)}.pdf"'
    return response
