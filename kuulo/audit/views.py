"""The audit log for organisation admins: filtered, newest first, a page at a time, and as CSV."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kuulo import audit
from kuulo.audit.codes import action_label
from kuulo.audit.forms import EntryFilters
from kuulo.audit.log import retention_days
from kuulo.audit.models import Entry
from kuulo.lib.exports import csv_response
from kuulo.lib.filters import bind_filters
from kuulo.organisation.access import org_admin_required

PAGE_SIZE = 50


def _filtered(request: HttpRequest) -> tuple[EntryFilters, object]:
    filters = bind_filters(request, EntryFilters, request.GET or None)
    entries = filters.filter(Entry.objects.select_related("service"))
    return filters, entries


@org_admin_required
def entry_list(request: HttpRequest) -> HttpResponse:
    filters, entries = _filtered(request)
    if before := filters.cursor():
        entries = entries.filter(id__lt=before)
    page = list(entries[: PAGE_SIZE + 1])
    more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    for entry in page:
        entry.action_label = action_label(entry.action)
    context = {
        "filters": filters,
        "entries": page,
        "next_before": page[-1].pk if more else None,
        "query": filters.query_without("before"),
        "retention_days": retention_days(),
    }
    return render(request, "audit/entry_list.html", context)


@org_admin_required
def entry_export(request: HttpRequest) -> HttpResponse:
    """The entries the filters select, as CSV; the export is itself an audited action."""
    _filters, entries = _filtered(request)
    with transaction.atomic():
        exported = audit.record(request, "audit.exported", filters=request.GET.dict(), rows=entries.count())
    entries = entries.filter(id__lt=exported.pk)  # the file holds what was counted, not its own entry
    header = [
        _("Time"),
        _("Actor"),
        _("Kind of actor"),
        _("Action"),
        _("Action code"),
        _("Target kind"),
        _("Target id"),
        _("Target"),
        _("Service"),
        _("Client address (hashed)"),
        _("Details"),
    ]
    rows = (
        [
            timezone.localtime(entry.at).isoformat(),
            entry.actor_label,
            entry.get_actor_kind_display(),
            action_label(entry.action),
            entry.action,
            entry.target_kind,
            entry.target_id,
            entry.target_label,
            str(entry.service) if entry.service else "",
            entry.client_hash,
            json.dumps(entry.details, ensure_ascii=False, cls=DjangoJSONEncoder),
        ]
        for entry in entries.iterator(chunk_size=2000)
    )
    return csv_response(f"kuulo-audit-{timezone.localdate():%Y%m%d}.csv", [str(title) for title in header], rows)
