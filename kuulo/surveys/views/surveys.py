"""A service's surveys: list, create, read, close and start a new version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role
from kuulo.surveys import actions
from kuulo.surveys.access import get_survey_for_user
from kuulo.surveys.forms import SurveyCreateForm
from kuulo.surveys.models import SurveyVersion
from kuulo.surveys.views.points import with_usage


def survey_state(versions: list[SurveyVersion]) -> str:
    statuses = {version.status for version in versions}
    if SurveyVersion.Status.PUBLISHED in statuses:
        return _("Collecting answers")
    if statuses == {SurveyVersion.Status.DRAFT}:
        return _("Draft, not published yet")
    return _("Closed")


@login_required
def survey_list(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    surveys = list(
        service.surveys.annotate(response_count=Count("versions__responses"))
        .prefetch_related(Prefetch("versions", queryset=SurveyVersion.objects.order_by("-number")))
        .order_by("name")
    )
    for survey in surveys:
        versions = list(survey.versions.all())
        survey.live = next((v for v in versions if v.status == SurveyVersion.Status.PUBLISHED), None)
        survey.draft = next((v for v in versions if v.status == SurveyVersion.Status.DRAFT), None)
        survey.state = survey_state(versions)
    return render(request, "surveys/survey_list.html", {"service": service, "surveys": surveys})


@login_required
def survey_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = SurveyCreateForm(request.POST or None, service=service)
    if request.method == "POST" and form.is_valid():
        survey = actions.create_survey(service, form.cleaned_data["name"], form.cleaned_data["languages"])
        messages.success(request, _("The survey was created. Write its texts and add questions."))
        return redirect("surveys:version_edit", pk=survey.versions.get().pk)
    return render_form_page(
        request,
        form,
        title=_("New survey for %(service)s") % {"service": service},
        submit_label=_("Create the survey"),
        cancel_url=reverse("surveys:survey_list", args=[service.pk]),
    )


@login_required
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request, pk)
    return render(request, "surveys/survey_detail.html", detail_context(request, survey))


def detail_context(request: HttpRequest, survey) -> dict:
    versions = list(
        survey.versions.annotate(
            question_count=Count("questions", distinct=True), response_count=Count("responses", distinct=True)
        ).order_by("-number")
    )
    return {
        "survey": survey,
        "service": survey.service,
        "versions": versions,
        "has_draft": any(version.status == SurveyVersion.Status.DRAFT for version in versions),
        "live": next((v for v in versions if v.status == SurveyVersion.Status.PUBLISHED), None),
        "state": survey_state(versions),
        "points": [with_usage(request, point) for point in survey.collection_points.order_by("kind", "name")],
    }


@require_POST
@login_required
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request, pk, role=Role.PRODUCT_OWNER)
    if actions.close_survey(survey):
        messages.success(request, _("The survey is closed. It no longer collects answers."))
    else:
        messages.info(request, _("The survey had no published version to close."))
    return redirect(survey)


@require_POST
@login_required
def version_new(request: HttpRequest, pk: int) -> HttpResponse:
    """A new draft copied from the live version; the live one keeps collecting until the draft is published."""
    survey = get_survey_for_user(request, pk, role=Role.PRODUCT_OWNER)
    try:
        draft = actions.new_version(survey)
    except actions.DraftExists:
        messages.error(request, _("The survey already has a draft. Edit it instead of making another."))
        return render(request, "surveys/survey_detail.html", detail_context(request, survey), status=409)
    messages.success(request, _("Version %(number)s was created as a draft.") % {"number": draft.number})
    return redirect("surveys:version_edit", pk=draft.pk)
