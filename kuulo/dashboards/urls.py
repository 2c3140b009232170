from django.urls import path

from kuulo.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("overview/", views.overview, name="overview"),
]
