"""The one way to render a customer-facing page: in the customer's language, with links to the others."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import override

from kuulo.organisation.models import Organisation


def render_public(
    request: HttpRequest, template: str, context: dict, *, language: str, languages: list[str], status: int = 200
) -> HttpResponse:
    """Renders a customer-facing page in `language`, with links to the same page in `languages`."""
    links = []
    for code in languages:
        query = request.GET.copy()
        query["lang"] = code
        links.append(
            {
                "code": code,
                "name": dict(settings.LANGUAGES).get(code, code),
                "url": f"?{query.urlencode()}",
                "current": code == language,
            }
        )
    with override(language):
        context = {
            "language": language,
            "language_links": links,
            "organisation_name": Organisation.current().name,
            **context,
        }
        response = render(request, template, context, status=status)
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language"])
    return response
