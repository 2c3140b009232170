from django.urls import path

from kuulo.games import views

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
]
