from django.urls import path

from kuulo.dashboards import service_views, views

app_name = "dashboards"
urlpatterns = [
    path("overview/", views.overview, name="overview"),
    path("compare/", views.compare, name="compare"),
    path("services/<int:pk>/dashboard/", service_views.service_dashboard, name="service_dashboard"),
]
