"""Access to themes, on top of kuulo.organisation.access: 404 for outsiders and for a theme the
URL's service does not see, 403 for a role too low for the action and for a rule theme of every
service unless an organisation admin. Comments themselves come through kuulo.feedback.access.

Automatic themes are found over every service's comments at once: product owners name, merge
and split them from their service's pages. Rule themes belong to one service, whose product
owners manage them, or to every service (service empty), which only organisation admins manage."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.comments.forms import themes_of
from kuulo.comments.models import Theme
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role, Service


def manageable_themes(request: HttpRequest, service: Service) -> QuerySet[Theme]:
    """The themes this user may change on this service's pages."""
    themes = themes_of(service)
    if request.user.is_org_admin:
        return themes
    return themes.exclude(kind=Theme.Kind.RULE, service__isnull=True)


def get_theme_for_user(
    request: HttpRequest, service_pk: int, pk: int, role: Role = Role.PRODUCT_OWNER, *, kind: str | None = None
) -> Theme:
    """A theme of the service `service_pk` (or of every service), of `kind` if given, that the user
    may change; `theme.page_service` is the URL's service from get_service_for_user (a theme of
    every service has no service of its own)."""
    service = get_service_for_user(request, service_pk, role=role)
    themes = themes_of(service)
    if kind:
        themes = themes.filter(kind=kind)
    theme = get_object_or_404(themes, pk=pk)
    if theme.kind == Theme.Kind.RULE and theme.service_id is None and not request.user.is_org_admin:
        raise PermissionDenied
    theme.page_service = service
    return theme
