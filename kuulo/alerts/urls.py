from django.urls import path

from kuulo.alerts import views

app_name = "alerts"
urlpatterns = [
    path("services/<int:pk>/alerts/", views.alert_settings, name="alert_settings"),
    path("services/<int:pk>/alerts/<int:subscription_pk>/remove/", views.unsubscribe, name="unsubscribe"),
    path("services/<int:pk>/alerts/raised/<int:alert_pk>/", views.alert_detail, name="alert_detail"),
]
