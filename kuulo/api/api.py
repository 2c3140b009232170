"""Kuulo's REST API, version 1: the one NinjaAPI instance.

Machines authenticate with an organisation API token (`Authorization: Bearer
kuulo_…`) that has the scope each endpoint declares (kuulo/api/auth.py). The
OpenAPI schema is served at /api/v1/openapi.json and the interactive docs at
/api/v1/docs, from ninja's own static files (no CDN).
"""

from typing import Annotated

from django.conf import settings
from django.db import IntegrityError
from django.http import HttpRequest, JsonResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Header, NinjaAPI, Status
from ninja.errors import AuthenticationError, ValidationError
from ninja.openapi.docs import Swagger
from ninja.parser import Parser

from kuulo.api import ingestion
from kuulo.api.aggregates import router as aggregates_router
from kuulo.api.auth import INGEST, UNDECLARED
from kuulo.api.effects import router as effects_router
from kuulo.api.errors import Refusal
from kuulo.api.items import router as backlog_items_router
from kuulo.api.links import router as links_router
from kuulo.api.network import router as network_router
from kuulo.api.playbook import router as playbook_router
from kuulo.api.records import router as records_router
from kuulo.api.schemas import BatchItemIn, BatchOut, CollectionPointOut, Errors, ResponseIn, ResponseOut
from kuulo.api.scores import router as scores_router
from kuulo.feedback import actions
from kuulo.feedback.submissions import SubmissionError, questions_of
from kuulo.lib import jsonbody
from kuulo.surveys.models import CollectionPoint, Question, SurveyVersion

DESCRIPTION = """
Send customer feedback into Kuulo from other systems, and read survey definitions.

**Authentication**: an organisation API token, created by an organisation admin
under *API tokens*, sent as `Authorization: Bearer kuulo_…`. A token has scopes:
`ingest` to send responses to collection points, `read` for every reading
endpoint. It may also be limited to some services. A token without the scope an
endpoint needs gets 403; a limited token reads only its services' rows (another
service answers 404) and may not send to another service's collection point (403).

**Idempotency**: every POST carries an `Idempotency-Key` header. Sending the same
key again stores nothing new, so a client can retry safely after a network error.

**Errors** are JSON: `{"errors": {"field": "message"}}`, and nothing of an
invalid request is stored.
"""


class GuardedParser(Parser):
    """Bodies that ninja parses for a route go through the same guarded parser, and a
    parameter that takes one value, given twice (`?limit=1&limit=5000`), answers 400
    rather than silently using one of them."""

    def parse_body(self, request: HttpRequest) -> dict:
        return jsonbody.parse(request.body, limit=settings.KUULO_MAX_BATCH_BODY)

    def parse_querydict(self, data: MultiValueDict, list_fields: list[str], request: HttpRequest) -> dict:
        repeated = [key for key, values in data.lists() if key not in list_fields and len(values) > 1]
        if repeated:
            raise Refusal(400, {key: _("Give this parameter only once.") for key in repeated})
        return super().parse_querydict(data, list_fields, request)


api = NinjaAPI(
    title="Kuulo API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api:api_v1",  # the namespace api_v1, nested in the api app's namespace
    auth=UNDECLARED,  # each endpoint declares its scope; one that does not refuses every token
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
    parser=GuardedParser(),
)


@api.exception_handler(AuthenticationError)
def unauthorised(request: HttpRequest, exc: AuthenticationError) -> JsonResponse:
    return JsonResponse(
        {"errors": {"Authorization": _("A valid API token is required: Authorization: Bearer kuulo_…")}},
        status=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(ValidationError)
def malformed(request: HttpRequest, exc: ValidationError) -> JsonResponse:
    """A parameter of the wrong type or out of its range (a date that is not a date, a limit
    above the maximum, no Idempotency-Key): 400 naming the parameter."""
    errors = {}
    for error in exc.errors:
        name = str(error["loc"][-1]) if error.get("loc") else "request"
        if error.get("type") == "missing" and error["loc"][0] == "header":
            message = _("This header is required.")
        else:
            message = _("This value is not valid: %(problem)s") % {"problem": error.get("msg", "")}
        errors.setdefault(name, message)
    return JsonResponse({"errors": errors}, status=400)


@api.exception_handler(Refusal)
def refused(request: HttpRequest, exc: Refusal) -> JsonResponse:
    return JsonResponse({"errors": exc.errors}, status=exc.status)


@api.exception_handler(SubmissionError)
def invalid(request: HttpRequest, exc: SubmissionError) -> JsonResponse:
    return JsonResponse({"errors": exc.errors}, status=400)


def open_point(request: HttpRequest, key: str) -> tuple[CollectionPoint, SurveyVersion]:
    """The API or import collection point `key` and its live survey version, when the
    token reaches the point's service (otherwise 403: the caller knows the key already)."""
    point = CollectionPoint.objects.select_related("survey").filter(key=key).first()
    if point is None:
        raise Refusal(404, {"key": _("No collection point has this key.")})
    if not request.auth.reaches(point.survey.service_id):
        raise Refusal(403, {"key": _("This token may not send responses to the service of this collection point.")})
    if point.kind not in (CollectionPoint.Kind.API, CollectionPoint.Kind.IMPORT):
        raise Refusal(409, {"key": _("This collection point does not take responses through the API.")})
    version = point.survey.live_version() if point.is_active else None
    if version is None:
        raise Refusal(410, {"key": _("The survey is closed and takes no more responses.")})
    version.survey = point.survey
    return point, version


def json_body(request: HttpRequest, limit: int) -> object:
    """The parsed JSON body through the guarded parser: 413 above `limit` bytes, 400 when not JSON or too deep."""
    declared = jsonbody.declared_length(request) or 0
    try:
        if declared > limit:
            raise jsonbody.BodyError(413, _("The body is larger than %(count)d bytes.") % {"count": limit})
        return jsonbody.parse(request.body, limit=limit)
    except jsonbody.BodyError as error:
        raise Refusal(error.status, {"body": error.message}) from error


def request_body(schema: dict, limit: int) -> dict:
    """OpenAPI text for a JSON body that the view parses itself (with clean_submission), with its size limit."""
    return {
        "requestBody": {
            "required": True,
            "description": f"JSON, at most {limit:,} bytes and nested at most {jsonbody.MAX_DEPTH} levels deep: "
            "a larger body answers 413, a deeper one 400.",
            "content": {"application/json": {"schema": schema}},
        }
    }


# What an ingestion endpoint may answer besides success, each with the API's error body.
ERRORS = {400: Errors, 401: Errors, 403: Errors, 404: Errors, 409: Errors, 410: Errors}
POST_ERRORS = {**ERRORS, 413: Errors}
IdempotencyKey = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        description="Letters, digits and - _ . : (at most 72). A repeated key stores nothing new.",
        min_length=1,
        max_length=ingestion.MAX_HEADER_KEY,
        pattern=ingestion.KEY_PATTERN.pattern,
    ),
]


@api.get(
    "/collection-points/{key}",
    response={200: CollectionPointOut, **ERRORS},
    summary="Survey definition of a collection point",
    description="The live survey version of an API or import collection point: its languages, the metric "
    "questions with their scales and the open questions. Answer metrics by `code` and open questions by `id`.",
    tags=["responses"],
    auth=INGEST,
)
def collection_point(request: HttpRequest, key: str):
    point, version = open_point(request, key)
    metric_questions, open_questions = [], []
    for question in questions_of(version):
        if question.kind == Question.Kind.METRIC:
            metric = question.metric
            metric_questions.append(
                {
                    "code": metric.code,
                    "metric_version": metric.version,
                    "question": {code: metric.question(code) for code in version.languages},
                    "items": [
                        {code: text for code, text in item.items() if code in version.languages}
                        for item in metric.items
                    ],
                    "scale_min": metric.scale_min,
                    "scale_max": metric.scale_max,
                    "labels": {code: metric.labels.get(code, {}) for code in version.languages},
                    "required": question.required,
                }
            )
        else:
            open_questions.append(
                {
                    "id": question.pk,
                    "question": {code: question.open_text(code) for code in version.languages},
                    "max_length": question.max_length,
                    "required": question.required,
                }
            )
    return {
        "key": point.key,
        "kind": point.kind,
        "survey_version": version.number,
        "languages": version.languages,
        "channel": point.channel,
        "touchpoint": point.touchpoint,
        "questions": metric_questions,
        "open_questions": open_questions,
    }


@api.post(
    "/collection-points/{key}/responses",
    response={200: ResponseOut, 201: ResponseOut, **POST_ERRORS},
    summary="Send one response",
    description="Stores one response. 201 when stored, 200 when the Idempotency-Key was already stored "
    "(nothing new is stored). 400 names every invalid field; 409 when the collection point is not of kind "
    "api or import; 410 when its survey is closed; 413 when the body is over 16 kB.",
    openapi_extra=request_body(ResponseIn.model_json_schema(), settings.KUULO_MAX_SINGLE_BODY),
    tags=["responses"],
    auth=INGEST,
)
def post_response(request: HttpRequest, key: str, idempotency_key: IdempotencyKey):
    header_key = ingestion.clean_header_key(idempotency_key)
    point, version = open_point(request, key)
    data = json_body(request, settings.KUULO_MAX_SINGLE_BODY)
    submission = ingestion.clean_api_response(version, point, data, header_key)
    response, created = actions.record_response(point, version, submission)
    return Status(201 if created else 200, {"id": response.pk, "created": created})


@api.post(
    "/collection-points/{key}/responses/batch",
    response={201: BatchOut, **POST_ERRORS},
    summary="Send a batch of responses",
    description="Stores up to 1,000 responses in one transaction. Item i gets the key "
    "`<Idempotency-Key>:<i>` unless it carries its own `idempotency_key`, so a retried batch stores nothing "
    "new. Every item is validated first: if any is invalid the answer is 400 with errors named like "
    "`responses[3].answers.csat` and nothing is stored. 413 when the body is over 1 MB or holds more than "
    "1,000 responses.",
    openapi_extra=request_body(
        {
            "type": "object",
            "required": ["responses"],
            "properties": {"responses": {"type": "array", "maxItems": 1000, "items": BatchItemIn.model_json_schema()}},
        },
        settings.KUULO_MAX_BATCH_BODY,
    ),
    tags=["responses"],
    auth=INGEST,
)
def post_batch(request: HttpRequest, key: str, idempotency_key: IdempotencyKey):
    header_key = ingestion.clean_header_key(idempotency_key)
    point, version = open_point(request, key)
    data = json_body(request, settings.KUULO_MAX_BATCH_BODY)
    items = data.get("responses") if isinstance(data, dict) else None
    if isinstance(items, list) and len(items) > settings.KUULO_MAX_BATCH_SIZE:
        limit = settings.KUULO_MAX_BATCH_SIZE
        raise Refusal(413, {"responses": _("At most %(count)d responses in one batch.") % {"count": limit}})
    submissions = ingestion.clean_batch(version, point, data, header_key)
    try:
        created, duplicates = actions.record_many(point, version, submissions)
    except IntegrityError:
        # A concurrent retry of the same batch stored some keys first; the second pass skips them.
        created, duplicates = actions.record_many(point, version, submissions)
    return Status(201, {"created": created, "duplicates": duplicates})


# Read endpoints for BI tools: a token with the read scope, or the session of a logged-in
# person. Each of their routes declares `auth=READ` itself.
api.add_router("/scores/", scores_router)
api.add_router("/aggregates", aggregates_router)
api.add_router("/", records_router)
api.add_router("/", backlog_items_router)
api.add_router("/", effects_router)
api.add_router("/", network_router)
api.add_router("/", links_router)
api.add_router("/", playbook_router)
