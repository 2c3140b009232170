from django.urls import path

from kuulo.metrics.views import library, targets

app_name = "metrics"
urlpatterns = [
    path("metrics/", library.metric_list, name="metric_list"),
    path("metrics/new/", library.metric_create, name="metric_create"),
    path("metrics/<int:pk>/", library.metric_detail, name="metric_detail"),
    path("metrics/<int:pk>/new-version/", library.metric_new_version, name="metric_new_version"),
    path("metrics/<int:pk>/deactivate/", library.metric_deactivate, name="metric_deactivate"),
    path("targets/", targets.target_list, name="target_list"),
    path("services/<int:pk>/targets/", targets.service_targets, name="service_targets"),
]
