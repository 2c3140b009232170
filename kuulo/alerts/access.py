"""The alert objects of a service, reached only through the service's access rule."""

from django.http import Http404, HttpRequest

from kuulo.alerts.models import Alert, Subscription
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role


def get_subscription_for_user(request: HttpRequest, service_pk: int, pk: int) -> Subscription:
    """The user's own subscription on a service where they are product owner (an organisation admin
    reaches everyone's, to tidy up); 404 for another person's."""
    service = get_service_for_user(request, service_pk, role=Role.PRODUCT_OWNER)
    subscriptions = Subscription.objects.filter(pk=pk, service=service)
    if not request.user.is_superuser:
        subscriptions = subscriptions.filter(user=request.user)
    subscription = subscriptions.first()
    if subscription is None:
        raise Http404
    return subscription


def get_alert_for_user(request: HttpRequest, service_pk: int, pk: int) -> Alert:
    """An alert raised on a service the user may see (its chart shows the service's own figures)."""
    service = get_service_for_user(request, service_pk)
    alert = (
        Alert.objects.select_related("subscription__metric", "subscription__theme", "subscription__service")
        .filter(pk=pk, subscription__service=service)
        .first()
    )
    if alert is None:
        raise Http404
    alert.subscription.service = service
    return alert
