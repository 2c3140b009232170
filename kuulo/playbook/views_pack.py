"""Sharing the playbook between organisations: export it as a JSON pack, import one."""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kuulo.organisation.access import org_admin_required
from kuulo.playbook.forms import ImportForm
from kuulo.playbook.pack import PackError, export_pack, import_pack, parse_pack

MAX_PACK_BYTES = 50 * 1024 * 1024


@require_GET
@org_admin_required
def pack_export(request: HttpRequest) -> HttpResponse:
    body = json.dumps(export_pack(), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "kuulo-playbook.json")
    return response


@org_admin_required
def pack_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_PACK_BYTES:
                raise PackError(_("The file is larger than 50 MB."))
            counts = import_pack(parse_pack(upload.read()), user=request.user, replace=form.cleaned_data["replace"])
        except PackError as error:
            form.add_error("file", str(error) + " " + _("Nothing was imported."))
        else:
            messages.success(
                request,
                _("The pack was imported: %(added)s added, %(updated)s replaced, %(skipped)s kept as they were.")
                % counts,
            )
            return redirect("playbook:method_list")
    context = {"form": form, "title": _("Import a playbook pack"), "cancel_url": "/playbook/"}
    return render(request, "playbook/upload_form.html", context, status=422 if form.errors else 200)
