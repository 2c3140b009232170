"""Who may call an API endpoint: the one place where token scopes are checked.

Every endpoint declares the scope it needs with its `auth`:

    @router.get("/comments", auth=READ, ...)      # a token with `read`, or a staff session
    @api.post("/collection-points/…", auth=INGEST, ...)  # a token with `ingest`

A token without that scope gets 403 with the API's error body. An endpoint
that declares nothing falls back to the API's default, UNDECLARED, which
refuses every token, and tests/api/test_api_scopes.py fails on it. Which
services a token reaches is checked where rows are chosen
(`reading.service_scope`, `api.open_point`).
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, django_auth

from kuulo.api.errors import Refusal
from kuulo.api.models import ApiToken, Scope
from kuulo.audit.log import record_token_use

DESCRIPTION = (
    "An organisation API token: `Authorization: Bearer kuulo_…`. Each token has scopes: `ingest` sends "
    "responses to collection points (the /collection-points endpoints) and `read` reads everything else "
    "(scores, aggregates, responses, comments, themes, insights, backlog items, effects, experiments). A "
    "token may also be limited to some services: its lists then hold only their rows, another service "
    "answers 404, and sending to another service's collection point 403. A token without the scope an "
    "endpoint needs gets 403."
)


class TokenAuth(HttpBearer):
    """A bearer token that must have `scope`; without one (an endpoint that declared
    none) every token is refused."""

    openapi_description = DESCRIPTION

    def __init__(self, scope: Scope | None = None):
        self.scope = scope
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        api_token = ApiToken.authenticate(token)
        if api_token is None:
            return None  # 401
        if self.scope is None:
            raise Refusal(403, {"Authorization": _("This endpoint declares no scope, so no token may use it.")})
        if not api_token.allows(self.scope):
            message = _("This token does not have the “%(scope)s” scope that this endpoint needs.")
            raise Refusal(403, {"Authorization": message % {"scope": self.scope}})
        record_token_use(request, api_token, self.scope)
        return api_token


INGEST = TokenAuth(Scope.INGEST)
READ = [TokenAuth(Scope.READ), django_auth]  # BI tools with a token, staff pages with their session
UNDECLARED = TokenAuth()
