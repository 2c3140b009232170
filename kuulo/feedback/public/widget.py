"""The widget's JSON endpoints: its configuration, display counts and responses.

Cross-origin by design: a host page on an allowed origin (CollectionPoint.allowed_origins,
exact scheme, host and port) or Kuulo's own origin may call them. No cookies,
no sessions, no CSRF token: nothing here acts on behalf of a logged-in user.

The response endpoint is the hot path (benchmarked at 1,000 submissions/s on
two cores): the collection point, its live version and its questions are kept
in a small in-process cache for TTL_SECONDS, so a submission costs the inserts
of one transaction and nothing else.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from kuulo.feedback import abuse, hooks, rollups
from kuulo.feedback.actions import record_response
from kuulo.feedback.public.questions import service_context, survey_language, survey_questions
from kuulo.feedback.submissions import SubmissionError, clean_submission, questions_of
from kuulo.lib import jsonbody
from kuulo.surveys.models import CollectionPoint, SurveyVersion

TTL_SECONDS = 30.0
CONFIG_MAX_AGE = 300
DISPLAYS_PER_CLIENT_PER_MINUTE = 120
FIELDS = {
    "idempotency_key",
    "language",
    "channel",
    "customer_group",
    "touchpoint",
    "page",
    "answers",
    "comments",
    "elapsed_ms",
    "website",
}


@dataclass
class LivePoint:
    point: CollectionPoint
    version: SurveyVersion | None  # None: closed or unpublished
    expires: float
    configs: dict[str, dict] = field(default_factory=dict)


_points: dict[str, LivePoint] = {}


def live_point(key: str) -> LivePoint | None:
    """The widget collection point of `key` with its live version, cached for a short time."""
    now = time.monotonic()
    cached = _points.get(key)
    if cached is not None and cached.expires > now:
        return cached
    point = (
        CollectionPoint.objects.select_related("survey__service")
        .filter(key=key, kind=CollectionPoint.Kind.WIDGET)
        .first()
    )
    if point is None:
        _points.pop(key, None)
        return None
    version = point.survey.live_version() if point.is_active else None
    if version is not None:
        version.survey = point.survey
        questions_of(version)  # loads and keeps the questions with their metrics
    if len(_points) > 10_000:
        _points.clear()
    _points[key] = cached = LivePoint(point, version, now + TTL_SECONDS)
    return cached


def forget_cached_points() -> None:
    _points.clear()


def _error(status: int, errors: dict[str, str], origin: str = "") -> JsonResponse:
    return _with_cors(JsonResponse({"errors": errors}, status=status), origin)


def _with_cors(response: HttpResponse, origin: str) -> HttpResponse:
    if origin:
        response["Access-Control-Allow-Origin"] = origin
    response["Vary"] = "Origin"
    return response


def _origin_allowed(request: HttpRequest, point: CollectionPoint) -> bool:
    """No Origin header (not a cross-origin browser request), Kuulo's own origin, or an allowed one."""
    origin = request.headers.get("Origin")
    if not origin:
        return True
    return origin in point.allowed_origins or origin == f"{request.scheme}://{request.get_host()}"


def _guard(request: HttpRequest, key: str, methods: str) -> tuple[LivePoint | None, str, HttpResponse | None]:
    """The cached point and the origin to answer to, or the refusal: unknown key,
    origin not allowed, preflight, wrong method, closed survey."""
    live = live_point(key)
    if live is None:
        return None, "", _error(404, {"key": _("No such survey.")})
    if not _origin_allowed(request, live.point):
        return None, "", _error(403, {"origin": _("This web site may not show this survey.")})
    origin = request.headers.get("Origin", "")
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = f"{methods}, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Content-Type"
        response["Access-Control-Max-Age"] = "600"
        return None, origin, _with_cors(response, origin)
    if request.method not in methods.split(", "):
        response = _error(405, {"method": _("Method not allowed.")}, origin)
        response["Allow"] = f"{methods}, OPTIONS"
        return None, origin, response
    if live.version is None:
        return None, origin, _error(410, {"survey": _("This survey is closed.")}, origin)
    return live, origin, None


@csrf_exempt
def widget_config(request: HttpRequest, key: str) -> HttpResponse:
    live, origin, refusal = _guard(request, key, "GET")
    if refusal:
        return refusal
    version = live.version
    language = survey_language(request, version)
    if language not in live.configs:
        point = live.point
        live.configs[language] = {
            "language": language,
            "languages": version.languages,
            "title": version.text("title", language),
            "context": service_context(version, language),
            "thank_you": version.text("thank_you", language),
            "sample_percent": point.sample_percent,
            "quiet_days": point.quiet_days,
            "channel": point.channel,
            "touchpoint": point.touchpoint,
            "we_did": _we_did(point.survey.service, language),
            "questions": [_config_question(question) for question in survey_questions(version, language)],
        }
    response = JsonResponse(live.configs[language])
    response["Cache-Control"] = f"public, max-age={CONFIG_MAX_AGE}"
    response["Vary"] = "Origin, Accept-Language"
    if origin:
        response["Access-Control-Allow-Origin"] = origin
    return response


def _we_did(service, language: str) -> str:
    """The path of the service's "you said, we did" page in `language`, or "" when it has none."""
    path = hooks.we_did_path(service)
    return f"{path}?lang={language}" if path else ""


def _config_question(question: dict) -> dict:
    if question["kind"] == "open":
        return {key: question[key] for key in ("kind", "id", "text", "max_length", "required")}
    shown = {key: question[key] for key in ("kind", "code", "question", "items", "min", "max", "required")}
    shown["labels"] = {str(value): text for value, text in question["labels"].items()}
    return shown


@csrf_exempt
def widget_display(request: HttpRequest, key: str) -> HttpResponse:
    live, origin, refusal = _guard(request, key, "POST")
    if refusal:
        return refusal
    if abuse.hit(f"display:{abuse.client_fingerprint(request)}", DISPLAYS_PER_CLIENT_PER_MINUTE):
        return _error(429, {"displays": _("Too many requests.")}, origin)
    rollups.add_display(live.point.pk, timezone.localdate())
    return _with_cors(HttpResponse(status=204), origin)


def _non_negative_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


@csrf_exempt
def widget_response(request: HttpRequest, key: str) -> HttpResponse:
    live, origin, refusal = _guard(request, key, "POST")
    if refusal:
        return refusal
    limit = settings.KUULO_MAX_SINGLE_BODY
    if request.content_type != "application/json":
        return _error(415, {"content_type": _("Send JSON (Content-Type: application/json).")}, origin)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _error(400, {"content_length": _("Invalid Content-Length.")}, origin)
    too_large = _error(413, {"body": _("At most %(count)d bytes.") % {"count": limit}}, origin)
    if declared > limit:
        return too_large
    body = request.read(limit + 1)
    if len(body) > limit:
        return too_large
    if wait := abuse.retry_after(request, live.point):
        response = _error(429, {"rate": _("Too many responses. Please try again later.")}, origin)
        response["Retry-After"] = str(wait)
        return response
    try:
        data = jsonbody.parse(body, limit=limit)
    except jsonbody.BodyError as error:
        return _error(error.status, {"body": error.message}, origin)
    if not isinstance(data, dict):
        return _error(400, {"body": _("Expected a JSON object.")}, origin)
    errors = {name: _("Unknown field.") for name in data if name not in FIELDS}
    elapsed_ms = data.pop("elapsed_ms", None)
    honeypot = data.pop("website", "")
    if elapsed_ms is not None and not _non_negative_number(elapsed_ms):
        errors["elapsed_ms"] = _("Expected a number of milliseconds.")
    if not isinstance(honeypot, str):
        errors["website"] = _("Expected text.")
    point, version = live.point, live.version
    try:
        submission = clean_submission(
            version, data, defaults={"channel": point.channel, "touchpoint": point.touchpoint}
        )
    except SubmissionError as error:
        errors = {**error.errors, **errors}
    if errors:
        return _error(400, errors, origin)
    submission.suspect_reason = abuse.suspect_reason(
        honeypot=honeypot, elapsed_seconds=None if elapsed_ms is None else elapsed_ms / 1000
    )
    _response, created = record_response(point, version, submission)
    if created:
        return _with_cors(JsonResponse({"status": "created"}, status=201), origin)
    return _with_cors(JsonResponse({"status": "duplicate"}), origin)
