"""A product owner's alerts on a service, and the page of one raised alert with its chart."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.alerts import checks
from kuulo.alerts.access import get_alert_for_user, get_subscription_for_user
from kuulo.alerts.forms import SubscriptionForm
from kuulo.alerts.models import Alert, Subscription
from kuulo.comments.queries import count_chart
from kuulo.lib import charts
from kuulo.lib.periods import bucket_label
from kuulo.lib.templatetags.figures import figure
from kuulo.notifications import texts
from kuulo.notifications.models import Notification
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role

CHART_WEEKS = 12


@login_required
def alert_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """The user's alerts on the service, a form for a new one, and the service's latest raised alerts."""
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = SubscriptionForm(request.POST or None, service=service, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The alert was saved. It is checked once a week has ended."))
        return redirect("alerts:alert_settings", pk=service.pk)
    subscriptions = Subscription.objects.filter(service=service, user=request.user).select_related("metric", "theme")
    raised = Alert.objects.filter(subscription__service=service, subscription__user=request.user)
    raised = raised.select_related("subscription__metric", "subscription__theme")[:20]
    context = {"service": service, "form": form, "subscriptions": subscriptions, "raised": _with_text(raised)}
    return render(request, "alerts/alert_settings.html", context, status=422 if form.errors else 200)


@require_POST
@login_required
def unsubscribe(request: HttpRequest, pk: int, subscription_pk: int) -> HttpResponse:
    subscription = get_subscription_for_user(request, pk, subscription_pk)
    subscription.delete()
    messages.success(request, _("The alert was removed."))
    return redirect("alerts:alert_settings", pk=pk)


@login_required
def alert_detail(request: HttpRequest, pk: int, alert_pk: int) -> HttpResponse:
    """One raised alert: what was found, the chart of the weeks up to it and a link to the figures."""
    alert = get_alert_for_user(request, pk, alert_pk)
    subscription = alert.subscription
    mondays = [alert.period_start - datetime.timedelta(weeks=n) for n in range(CHART_WEEKS - 1, -1, -1)]
    weeks = [checks.Period(monday, monday + datetime.timedelta(days=6)) for monday in mondays]
    if subscription.kind == Subscription.Kind.NEGATIVE_SPIKE:
        counts = checks.negative_counts(subscription, weeks)
        title = _("Negative comments by week · %(theme)s") % {"theme": subscription.theme}
        chart = count_chart(title, [(bucket_label(monday, "week"), counts[monday]) for monday in mondays])
        query = {"theme": subscription.theme_id, "sentiment": "negative"}
        figures_url = reverse("comments:comment_list", args=[pk]) + "?" + urlencode(query)
    else:
        metric = subscription.metric
        scores = checks.weekly_scores(subscription, weeks)
        target = checks.target_of(subscription, alert.period_end)
        points = [charts.TrendPoint(bucket_label(monday, "week"), scores[monday]) for monday in mondays]
        chart = charts.line_chart(
            _("%(metric)s by week") % {"metric": metric.name},
            points,
            metric.score_bounds(),
            lambda value: figure(value, metric),
            target,
            width=charts.WIDE,
        )
        query = {"metric": metric.pk, "grain": "week", "period": "90"}
        figures_url = reverse("dashboards:service_dashboard", args=[pk]) + "?" + urlencode(query)
    context = {
        "service": subscription.service,
        "alert": _with_text([alert])[0],
        "chart": chart,
        "figures_url": figures_url,
        "is_subscriber": subscription.user_id == request.user.pk,
    }
    return render(request, "alerts/alert_detail.html", context)


def _with_text(alerts) -> list[Alert]:
    """Each alert with the sentence its notification says, in the active language."""
    found = list(alerts)
    for alert in found:
        alert.text = texts.title(Notification(kind="alert", params=checks.describe(alert)))
    return found
