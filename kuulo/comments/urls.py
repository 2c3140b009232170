from django.urls import path

from kuulo.comments import views, views_evidence, views_themes

app_name = "comments"
urlpatterns = [
    path("services/<int:pk>/comments/", views.comment_list, name="comment_list"),
    path("services/<int:pk>/comments/export.csv", views.comment_export, name="comment_export"),
    path("services/<int:pk>/comments/bulk/", views.comment_bulk, name="comment_bulk"),
    path(
        "services/<int:pk>/comments/evidence/<slug:target>/<int:target_pk>/",
        views_evidence.evidence_search,
        name="evidence_search",
    ),
    path(
        "services/<int:pk>/comments/evidence/<slug:target>/<int:target_pk>/add/",
        views_evidence.evidence_add,
        name="evidence_add",
    ),
    path("services/<int:pk>/comments/panel/", views.dashboard_panel, name="dashboard_panel"),
    path("services/<int:pk>/comments/<int:comment_pk>/review/", views.comment_review, name="comment_review"),
    path("services/<int:pk>/comments/<int:comment_pk>/praise/", views.praise_hide, name="praise_hide"),
    path("services/<int:pk>/praise/", views.praise_service, name="praise_service"),
    path("praise/", views.praise_organisation, name="praise_organisation"),
    path("services/<int:pk>/themes/", views_themes.theme_list, name="theme_list"),
    path("services/<int:pk>/themes/merge/", views_themes.theme_merge, name="theme_merge"),
    path("services/<int:pk>/themes/recluster/", views_themes.theme_recluster, name="theme_recluster"),
    path("services/<int:pk>/themes/rules/new/", views_themes.rule_create, name="rule_create"),
    path("services/<int:pk>/themes/<int:theme_pk>/rename/", views_themes.theme_rename, name="theme_rename"),
    path("services/<int:pk>/themes/<int:theme_pk>/split/", views_themes.theme_split, name="theme_split"),
    path("services/<int:pk>/themes/<int:theme_pk>/edit/", views_themes.rule_edit, name="rule_edit"),
    path("services/<int:pk>/themes/<int:theme_pk>/delete/", views_themes.rule_delete, name="rule_delete"),
]
