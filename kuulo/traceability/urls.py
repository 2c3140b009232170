from django.urls import path

from kuulo.traceability import views

# Links of any registered pair; the service is the source's (see kuulo.traceability.access).
app_name = "traceability"
urlpatterns = [
    path("services/<int:pk>/links/<slug:source>/<slug:target>/", views.link, name="link"),
    path(
        "services/<int:pk>/links/<slug:source>/<int:source_pk>/<slug:target>/",
        views.panel,
        name="panel",
    ),
    path(
        "services/<int:pk>/links/<slug:source>/<int:source_pk>/<slug:target>/<int:target_pk>/remove/",
        views.unlink,
        name="unlink",
    ),
]
