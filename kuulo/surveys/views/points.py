"""Collection points of a survey and what to paste, link or print for each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from kuulo.lib.views import render_form_page
from kuulo.organisation.models import Role
from kuulo.surveys.access import get_point_for_user, get_survey_for_user
from kuulo.surveys.forms import CollectionPointForm
from kuulo.surveys.models import CollectionPoint

API_PATH = "/api/v1/collection-points/{key}/responses"


def public_url(request: HttpRequest, name: str, key: str) -> str | None:
    # The public URLs are built in parallel (kuulo/feedback/public/urls.py); until a
    # name resolves, the page leaves that piece out instead of failing.
    try:
        return request.build_absolute_uri(reverse(name, args=[key]))
    except NoReverseMatch:
        return None


def widget_script_url(request: HttpRequest) -> str:
    try:
        path = static("kuulo/widget.js")
    except ValueError:  # the manifest storage does not know the file yet
        path = "/static/kuulo/widget.js"
    return request.build_absolute_uri(path)


def widget_snippet(request: HttpRequest, point: CollectionPoint) -> str:
    return (
        f'<script src="{widget_script_url(request)}" data-kuulo-survey="{point.key}" '
        f'data-lang="fi" data-channel="{point.channel}" async></script>'
    )


def with_usage(request: HttpRequest, point: CollectionPoint) -> CollectionPoint:
    """Attaches what staff need to put the point to use: a snippet, a link, QR images or an API path."""
    kind = CollectionPoint.Kind
    point.snippet = widget_snippet(request, point) if point.kind == kind.WIDGET else ""
    point.link = public_url(request, "public:survey_page", point.key) if point.kind in (kind.LINK, kind.QR) else None
    point.qr_svg = public_url(request, "public:qr_svg", point.key) if point.kind == kind.QR else None
    point.qr_png = public_url(request, "public:qr_png", point.key) if point.kind == kind.QR else None
    point.api_path = API_PATH.format(key=point.key) if point.kind == kind.API else ""
    return point


@login_required
def point_create(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = CollectionPointForm(request.POST or None, instance=CollectionPoint(survey=survey))
    if request.method == "POST" and form.is_valid():
        point = form.save()
        messages.success(request, _("The collection point “%(name)s” was added.") % {"name": point.name})
        return redirect(f"{survey.get_absolute_url()}#point-{point.pk}")
    return render_form_page(
        request,
        form,
        title=_("New collection point for %(survey)s") % {"survey": survey},
        submit_label=_("Add the collection point"),
        cancel_url=survey.get_absolute_url(),
    )


@login_required
def point_edit(request: HttpRequest, pk: int) -> HttpResponse:
    point = get_point_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = CollectionPointForm(request.POST or None, instance=point)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(f"{point.survey.get_absolute_url()}#point-{point.pk}")
    return render_form_page(
        request,
        form,
        title=_("Edit collection point: %(name)s") % {"name": point.name},
        submit_label=_("Save changes"),
        cancel_url=point.survey.get_absolute_url(),
    )
