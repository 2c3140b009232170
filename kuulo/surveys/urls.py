from django.urls import path

from kuulo.surveys.views import builder, points, surveys

app_name = "surveys"
urlpatterns = [
    path("services/<int:pk>/surveys/", surveys.survey_list, name="survey_list"),
    path("services/<int:pk>/surveys/new/", surveys.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/close/", surveys.survey_close, name="survey_close"),
    path("surveys/<int:pk>/new-version/", surveys.version_new, name="version_new"),
    path("surveys/<int:pk>/points/new/", points.point_create, name="point_create"),
    path("surveys/points/<int:pk>/edit/", points.point_edit, name="point_edit"),
    path("surveys/versions/<int:pk>/edit/", builder.version_edit, name="version_edit"),
    path("surveys/versions/<int:pk>/publish/", builder.version_publish, name="version_publish"),
    path("surveys/versions/<int:pk>/questions/metric/", builder.question_add_metric, name="question_add_metric"),
    path("surveys/versions/<int:pk>/questions/open/", builder.question_add_open, name="question_add_open"),
    path("surveys/questions/<int:pk>/move/", builder.question_move, name="question_move"),
    path("surveys/questions/<int:pk>/remove/", builder.question_remove, name="question_remove"),
]
