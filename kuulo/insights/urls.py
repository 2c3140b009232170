from django.urls import path

from kuulo.insights import views

app_name = "insights"
urlpatterns = [
    path("insights/", views.insight_list, name="insight_list"),
    path("services/<int:pk>/insights/", views.service_insights, name="service_insights"),
    path("services/<int:pk>/insights/new/", views.insight_create, name="insight_create"),
    path("services/<int:pk>/insights/<int:insight_pk>/", views.insight_detail, name="insight_detail"),
    path("services/<int:pk>/insights/<int:insight_pk>/edit/", views.insight_edit, name="insight_edit"),
    path("services/<int:pk>/insights/<int:insight_pk>/status/", views.insight_status, name="insight_status"),
    path("services/<int:pk>/insights/<int:insight_pk>/delete/", views.insight_delete, name="insight_delete"),
    path("services/<int:pk>/insights/<int:insight_pk>/segments/new/", views.segment_create, name="segment_create"),
    path(
        "services/<int:pk>/insights/<int:insight_pk>/segments/<int:segment_pk>/remove/",
        views.segment_evidence_remove,
        name="segment_evidence_remove",
    ),
]
