"""Schemathesis against /api/v1/openapi.json with every check: the server does what its
schema says, for a fixture service's scoped tokens (read and ingest) and without one.

The schema is read from the Django WSGI app itself, so the run needs no server and
works in the test's database transaction, on SQLite and PostgreSQL alike.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from kuulo.api.models import ApiToken, hash_token
from kuulo.wsgi import application
from tests.exports.data import answer, insight_with_evidence, theme_comments
from tests.factories import published_survey

# Read when the module is collected: serving the schema touches no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
anonymous_schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# The fixture service's tokens: read for the read endpoints, ingest for the collection points.
# Given to schemathesis as the API's authentication, so that it neither generates an Authorization
# header of its own nor counts ours as a mutation. Fixed texts, because schemathesis builds some of
# its cases when it collects the tests, before any fixture has run; the fixture stores their hashes.
TOKENS = {"read": "kuulo_schemathesis-read-token", "ingest": "kuulo_schemathesis-ingest-token"}


@schema.auth(refresh_interval=None)
class ScopedTokens:
    def get(self, case, context) -> dict[str, str]:
        return TOKENS

    def set(self, case, tokens: dict[str, str], context) -> None:
        scope = "ingest" if case.path.startswith("/api/v1/collection-points/") else "read"
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {tokens[scope]}"}


# A batch of more than 1,000 responses breaks the schema's maxItems and is refused with 413
# (documented): a refusal like 400, which negative_data_rejection does not list by default.
rejection = schema.config.checks.negative_data_rejection
rejection.expected_statuses = [*rejection.expected_statuses, "413"]


@pytest.fixture
def _one_connection():
    """Requests reach the WSGI app in the test's own transaction: the app must not close the
    database connection after each request (Django's test client disconnects the same)."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def fixture_service(service, _one_connection):
    """A service with scored days, comments, a theme and an insight, and an API collection point."""
    answer(service, 12, days_ago=1)
    answer(service, 4, days_ago=2)
    theme_comments(service)
    insight_with_evidence(service)
    _version, point = published_survey(service=service, kind="api")
    for scope, token in TOKENS.items():
        api_token = ApiToken.objects.create(name=scope, token_hash=hash_token(token), hint=token[:10])
        api_token.set_access([scope], [service])
    return point


# positive_data_acceptance expects every schema-valid request to succeed. These operations also
# refuse (400, documented) requests by rules that JSON Schema cannot state about one parameter
# alone, so a schema-valid request may rightly be refused:
# - a period (`start`, `end`) longer than three years or with its start after its end;
# - a `cursor` that this server did not sign (any string is schema-valid, only ours are accepted);
# - a response whose answers do not fit the survey behind the key (which metrics, which scale),
#   or that answers nothing: that depends on the collection point, not on the schema.
# Every other check runs on them, negative_data_rejection included.
REFUSES_SCHEMA_VALID = {
    "POST /api/v1/collection-points/{key}/responses",
    "POST /api/v1/collection-points/{key}/responses/batch",
    "GET /api/v1/scores/daily",
    "GET /api/v1/scores/daily.csv",
    "GET /api/v1/aggregates",
    "GET /api/v1/responses",
    "GET /api/v1/comments",
    "GET /api/v1/themes",
    "GET /api/v1/insights",
    "GET /api/v1/backlog-items",
    "GET /api/v1/effects",
    "GET /api/v1/experiments",
    "GET /api/v1/ideas",
    "GET /api/v1/swarms",
}


def excluded_checks(case) -> list:
    return [positive_data_acceptance] if f"{case.method} {case.path}" in REFUSES_SCHEMA_VALID else []


# Examples per operation are bounded so that the run stays short on a busy machine.
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_does_what_its_schema_says_with_scoped_tokens(case, fixture_service):
    # Half of the cases reach the fixture's collection point, the others a key that names none.
    if "key" in (case.path_parameters or {}) and len(str(case.path_parameters["key"])) % 2:
        case.path_parameters["key"] = fixture_service.key
    case.call_and_validate(excluded_checks=excluded_checks(case))


@anonymous_schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_does_what_its_schema_says_without_a_token(case, fixture_service):
    """Every operation answers 401 with the documented error body; nothing is read or stored."""
    response = case.call_and_validate(excluded_checks=excluded_checks(case))
    assert response.status_code in (400, 401, 404, 405)
