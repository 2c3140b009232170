"""Customer-facing pages: the hosted survey page and its QR codes, the thank-you
page, and a demo host page that embeds the widget. No login, no cookies, every
page in the survey's languages."""

import io
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from kuulo.feedback import abuse, hooks
from kuulo.feedback.actions import record_response
from kuulo.feedback.public.forms import HONEYPOT, SurveyForm, errors_of, undecodable_fields
from kuulo.feedback.public.questions import service_context, survey_language
from kuulo.lib.translated import active_language
from kuulo.organisation.public import render_public
from kuulo.surveys.access import get_version_for_user
from kuulo.surveys.models import CollectionPoint, SurveyVersion

HOSTED_KINDS = [CollectionPoint.Kind.LINK, CollectionPoint.Kind.QR, CollectionPoint.Kind.WIDGET]


def render_survey_page(
    request: HttpRequest,
    version: SurveyVersion,
    language: str,
    *,
    point: CollectionPoint | None = None,
    preview: bool = False,
    form: SurveyForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The hosted survey page of `version` in `language`, exactly as a customer
    sees it. With preview=True it says that answers are not saved and the form
    cannot be sent."""
    with override(language):
        form = form or SurveyForm(version, language, point=point)
        for question in form.questions:
            question["errors"] = errors_of(question)
        context = {
            "version": version,
            "title": version.text("title", language),
            "intro": version.text("intro", language),
            "service_context": service_context(version, language),
            "form": form,
            "questions": form.questions,
            "error_list": form.error_list() if form.is_bound else [],
            "honeypot": form[HONEYPOT],
            "point": point,
            "preview": preview,
        }
    return render_public(
        request,
        "feedback/public/survey_page.html",
        context,
        language=language,
        languages=version.languages,
        status=status,
    )


def hosted_point(key: str) -> CollectionPoint:
    point = CollectionPoint.objects.select_related("survey__service").filter(key=key, kind__in=HOSTED_KINDS).first()
    if point is None:
        raise Http404
    return point


def live_version(point: CollectionPoint) -> SurveyVersion | None:
    return point.survey.live_version() if point.is_active else None


def render_message(
    request: HttpRequest, *, title: str, message: str, language: str, languages: list[str], status: int
) -> HttpResponse:
    context = {"title": title, "message": message}
    return render_public(
        request, "feedback/public/message.html", context, language=language, languages=languages, status=status
    )


def render_closed(request: HttpRequest, point: CollectionPoint) -> HttpResponse:
    version = point.survey.versions.order_by("-number").first()
    languages = (version.languages if version else None) or [code for code, _name in settings.LANGUAGES]
    language = request.GET.get("lang") if request.GET.get("lang") in languages else (get_language() or "")[:2]
    language = language if language in languages else languages[0]
    with override(language):
        title = _("This survey is closed")
        message = _("Thank you for your interest. This survey no longer takes answers.")
    return render_message(request, title=title, message=message, language=language, languages=languages, status=410)


@csrf_exempt  # Customers answer without cookies; idempotency keys, the honeypot and rate limits protect the form.
@require_http_methods(["GET", "POST"])
def survey_page(request: HttpRequest, key: str) -> HttpResponse:
    point = hosted_point(key)
    version = live_version(point)
    if version is None:
        return render_closed(request, point)
    if request.method == "GET":
        language = survey_language(request, version)
        initial = {"tp": request.GET.get("tp", ""), "group": request.GET.get("group", "")}
        return render_survey_page(
            request, version, language, point=point, form=SurveyForm(version, language, point=point, initial=initial)
        )
    language = survey_language(request, version, request.POST.get("lang", ""))
    if (wait := abuse.retry_after(request, point)) is not None:
        with override(language):
            title = _("Please wait a moment")
            message = _("We received many answers from your connection just now. Please try again in a minute.")
        response = render_message(
            request, title=title, message=message, language=language, languages=version.languages, status=429
        )
        response["Retry-After"] = str(wait)
        return response
    with override(language):
        undecodable = undecodable_fields(request)
        form = SurveyForm(version, language, request.POST, point=point, undecodable=undecodable)
        valid = form.is_valid()
    if not valid:
        return render_survey_page(request, version, language, point=point, form=form, status=422)
    submission = form.submission
    submission.suspect_reason = abuse.suspect_reason(
        honeypot=form.cleaned_data[HONEYPOT], elapsed_seconds=abuse.seconds_since(form.cleaned_data["started"])
    )
    record_response(point, version, submission)
    thanks = reverse("public:survey_thanks", args=[key]) + "?" + urlencode({"lang": language})
    return HttpResponseRedirect(thanks, status=303)


@require_GET
def survey_thanks(request: HttpRequest, key: str) -> HttpResponse:
    point = hosted_point(key)
    version = point.survey.versions.exclude(status=SurveyVersion.Status.DRAFT).order_by("-number").first()
    if version is None:
        raise Http404
    language = survey_language(request, version)
    context = {
        "title": version.text("title", language),
        "thank_you": version.text("thank_you", language),
        "service_context": service_context(version, language),
        "we_did": hooks.we_did_path(point.survey.service),
    }
    return render_public(
        request, "feedback/public/thanks.html", context, language=language, languages=version.languages
    )


def _qr(request: HttpRequest, key: str):
    point = hosted_point(key)
    url = request.build_absolute_uri(reverse("public:survey_page", args=[point.key]))
    return segno.make(url, error="m")


QR_CACHE = "public, max-age=86400"


@require_GET
def qr_svg(request: HttpRequest, key: str) -> HttpResponse:
    buffer = io.BytesIO()
    _qr(request, key).save(buffer, kind="svg", scale=10, border=4, title="QR", xmldecl=False)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="survey-{key}.svg"'
    response["Cache-Control"] = QR_CACHE
    return response


@require_GET
def qr_png(request: HttpRequest, key: str) -> HttpResponse:
    buffer = io.BytesIO()
    _qr(request, key).save(buffer, kind="png", scale=10, border=4)
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="survey-{key}.png"'
    response["Cache-Control"] = QR_CACHE
    return response


@require_GET
def widget_demo(request: HttpRequest, key: str) -> HttpResponse:
    """A fake page of a housing-allowance service that embeds the widget with its one script tag."""
    point = CollectionPoint.objects.filter(key=key, kind=CollectionPoint.Kind.WIDGET).first()
    if point is None:
        raise Http404
    languages = [code for code, _name in settings.LANGUAGES]
    requested = request.GET.get("lang", "")
    language = requested if requested in languages else (get_language() or settings.LANGUAGE_CODE)[:2]
    language = language if language in languages else settings.LANGUAGE_CODE
    return render_public(
        request, "feedback/public/widget_demo.html", {"point": point}, language=language, languages=languages
    )


@require_GET
@login_required
def version_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Exactly what a customer sees, in ?lang= (default: the staff member's language)."""
    version = get_version_for_user(request, pk)
    languages = version.languages or ["fi"]
    wanted = request.GET.get("lang") or active_language()
    language = wanted if wanted in languages else languages[0]
    return render_survey_page(request, version, language, preview=True)
