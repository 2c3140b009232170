from django.contrib import admin
from django.urls import include, path

from kuulo.lib import observability

admin.site.site_header = "Kuulo"
admin.site.site_title = "Kuulo"

urlpatterns = [
    # Customer-facing endpoints first: the widget's are the busiest URLs.
    path("", include("kuulo.feedback.public.urls")),
    path("admin/", admin.site.urls),
    path("healthz", observability.health, name="health"),
    path("readyz", observability.ready, name="ready"),
    path("metrics", observability.metrics, name="metrics"),
    path("", include("kuulo.accounts.urls")),
    path("oidc/", include("kuulo.accounts.oidc_urls")),
    path("", include("kuulo.organisation.urls")),
    path("", include("kuulo.metrics.urls")),
    path("", include("kuulo.surveys.urls")),
    path("", include("kuulo.feedback.urls")),
    path("", include("kuulo.api.urls")),
    path("", include("kuulo.dashboards.urls")),
    path("", include("kuulo.comments.urls")),
    path("", include("kuulo.insights.urls")),
    path("", include("kuulo.exports.urls")),
    path("", include("kuulo.backlog.urls")),
    path("", include("kuulo.board.urls")),
    path("", include("kuulo.effects.urls")),
    path("", include("kuulo.traceability.urls")),
    path("", include("kuulo.plans.urls")),
    path("", include("kuulo.journeys.urls")),
    path("", include("kuulo.playbook.urls")),
    path("", include("kuulo.selfassessment.urls")),
    path("", include("kuulo.effectmaps.urls")),
    path("", include("kuulo.integrations.urls")),
    path("", include("kuulo.notifications.urls")),
    path("", include("kuulo.accessibility.urls")),
    path("", include("kuulo.alerts.urls")),
    path("", include("kuulo.savedviews.urls")),
    path("", include("kuulo.panel.urls_public")),
    path("", include("kuulo.panel.urls")),
    path("", include("kuulo.games.urls")),
    path("", include("kuulo.network.urls")),
    path("", include("kuulo.audit.urls")),
    path("", include("kuulo.privacy.urls")),
]
