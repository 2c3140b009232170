"""Response headers that Django has no setting for."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Switches off browser features Kuulo never uses (camera, microphone, location …) on every page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.KUULO_PERMISSIONS_POLICY)
        return response
