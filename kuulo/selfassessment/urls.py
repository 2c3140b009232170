from django.urls import path

from kuulo.selfassessment import views, views_consensus

app_name = "selfassessment"
R = "selfassessment/rounds/<int:pk>/"
urlpatterns = [
    path("selfassessment/", views.index, name="index"),
    path("selfassessment/frameworks/<int:pk>/", views.framework_detail, name="framework_detail"),
    path("selfassessment/frameworks/import/", views.framework_import, name="framework_import"),
    path("selfassessment/rounds/new/", views.round_create, name="round_create"),
    path(R, views.round_detail, name="round_detail"),
    path(R + "edit/", views.round_edit, name="round_edit"),
    path(R + "score/", views.round_score, name="round_score"),
    path(R + "results/", views.round_results, name="round_results"),
    path(R + "consensus/", views_consensus.round_consensus, name="round_consensus"),
    path(R + "consensus/start/", views_consensus.round_start_consensus, name="round_start_consensus"),
    path(R + "consensus/<int:sub_pk>/", views_consensus.consensus_save, name="consensus_save"),
    path(R + "close/", views_consensus.round_close, name="round_close"),
    path(
        R + "improvements/<int:improvement_pk>/backlog/",
        views_consensus.improvement_to_backlog,
        name="improvement_to_backlog",
    ),
    path(
        R + "improvements/<int:improvement_pk>/goal/", views_consensus.improvement_to_goal, name="improvement_to_goal"
    ),
    path(R + "consensus.csv", views_consensus.consensus_csv, name="consensus_csv"),
]
