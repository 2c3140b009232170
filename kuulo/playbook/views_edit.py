"""Changing the playbook, for organisation admins: cards (each save a new version) and their
templates; and downloading a template, for everyone who reads the playbook."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kuulo.organisation.access import org_admin_required
from kuulo.playbook.access import get_method
from kuulo.playbook.actions import save_method
from kuulo.playbook.forms import MethodForm, TemplateUploadForm
from kuulo.playbook.models import Method, MethodTemplate


def _render_method_form(request, form: MethodForm, *, title: str, cancel_url: str) -> HttpResponse:
    context = {"form": form, "title": title, "cancel_url": cancel_url}
    return render(request, "playbook/method_form.html", context, status=422 if form.errors else 200)


@org_admin_required
def method_create(request: HttpRequest) -> HttpResponse:
    form = MethodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        method = Method(
            slug=form.cleaned_data["slug"],
            content=form.content(),
            phases=form.cleaned_data["phases"],
            roles=form.cleaned_data["roles"],
            produces=form.cleaned_data["produces"],
            position=Method.objects.count(),
        )
        save_method(method, user=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("The card was created."))
        return redirect(method)
    return _render_method_form(request, form, title=_("New method card"), cancel_url=reverse("playbook:method_list"))


@org_admin_required
def method_edit(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_method(slug)
    form = MethodForm(request.POST or None, method=method)
    if request.method == "POST" and form.is_valid():
        method.content = form.content()
        method.phases = form.cleaned_data["phases"]
        method.roles = form.cleaned_data["roles"]
        method.produces = form.cleaned_data["produces"]
        save_method(method, user=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("Your changes were saved as version %(number)s.") % {"number": method.version})
        return redirect(method)
    return _render_method_form(request, form, title=_("Edit method card"), cancel_url=method.get_absolute_url())


@org_admin_required
def template_upload(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_method(slug)
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        MethodTemplate.objects.create(
            method=method,
            name=form.cleaned_data["name"],
            filename=upload.name[-200:],
            content_type=upload.kuulo_content_type,
            data=data,
            size=len(data),
        )
        messages.success(request, _("The template was added to the card."))
        return redirect(method)
    context = {"form": form, "title": _("Add a template"), "cancel_url": method.get_absolute_url()}
    return render(request, "playbook/upload_form.html", context, status=422 if form.errors else 200)


@require_POST
@org_admin_required
def template_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    method = get_method(slug)
    get_object_or_404(MethodTemplate, method=method, pk=pk).delete()
    messages.success(request, _("The template was removed."))
    return redirect(method)


@require_GET
@login_required
def template_download(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    method = get_method(slug)
    template = get_object_or_404(MethodTemplate, method=method, pk=pk)
    response = HttpResponse(bytes(template.data), content_type=template.content_type)
    response["Content-Disposition"] = content_disposition_header(True, template.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
