from django.urls import path

from kuulo.privacy import views

app_name = "privacy"
urlpatterns = [
    path("data-protection/", views.processing, name="processing"),
    path("data-protection/retention/", views.retention_edit, name="retention_edit"),
    path("data-protection/users/<int:pk>/data.json", views.user_data, name="user_data"),
    path("data-protection/users/<int:pk>/erase/", views.user_erase, name="user_erase"),
]
