from django.urls import path

from kuulo.games import badge_views, feed_views, pack_views, quiz_views, views

app_name = "games"
urlpatterns = [
    path("maturity-and-quizzes/", views.home, name="home"),
    path("maturity/<slug:slug>/answer/", views.assess, name="assess"),
    path("maturity/<slug:slug>/units/<int:pk>/", views.unit_results, name="unit_results"),
    path(
        "maturity/<slug:slug>/units/<int:pk>/suggestions/<int:suggestion_pk>/to-backlog/",
        views.suggestion_to_backlog,
        name="suggestion_to_backlog",
    ),
    path("quizzes/<slug:slug>/", quiz_views.quiz_detail, name="quiz_detail"),
    path("quizzes/<slug:slug>/start/", quiz_views.quiz_start, name="quiz_start"),
    path("quiz-attempts/<int:pk>/", quiz_views.attempt_page, name="attempt"),
    path("quiz-attempts/<int:pk>/questions/<int:question_pk>/", quiz_views.attempt_answer, name="attempt_answer"),
    path("people/<int:pk>/badges/", badge_views.profile, name="profile"),
    path("my-badges/", badge_views.my_profile, name="my_profile"),
    path("my-badges/preferences/", badge_views.preferences, name="preferences"),
    path("leaderboard/", badge_views.leaderboard, name="leaderboard"),
    path("successes/", feed_views.celebrations, name="celebrations"),
    path("successes/<str:kind>/<int:entry_id>/react/", feed_views.react, name="react"),
    path("maturity-and-quizzes/packs/", pack_views.pack_import, name="pack_import"),
    path("maturity-and-quizzes/packs/export.json", pack_views.pack_export, name="pack_export"),
]
