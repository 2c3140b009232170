from django.urls import path

from kuulo.api import views
from kuulo.api.api import api

app_name = "api"
urlpatterns = [
    path("api/v1/", api.urls),
    path("api-tokens/", views.token_list, name="token_list"),
    path("api-tokens/new/", views.token_create, name="token_create"),
    path("api-tokens/<int:pk>/access/", views.token_access, name="token_access"),
    path("api-tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
