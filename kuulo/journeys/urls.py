from django.urls import path

from kuulo.journeys import exports, views, views_more

app_name = "journeys"
J = "services/<int:pk>/journeys/<int:journey_pk>/"
urlpatterns = [
    path("services/<int:pk>/journeys/", views.journey_list, name="journey_list"),
    path("services/<int:pk>/journeys/new/", views.journey_create, name="journey_create"),
    path(J, views.journey_detail, name="journey_detail"),
    path(J + "visual/", views.journey_visual, name="journey_visual"),
    path(J + "map.pdf", views.journey_pdf, name="journey_pdf"),
    path(J + "edit/", views.journey_edit, name="journey_edit"),
    path(J + "share/", views.journey_share, name="journey_share"),
    path(J + "copy/", views.journey_copy, name="journey_copy"),
    path("journeys/shared/<str:token>/", views.shared_journey, name="shared_journey"),
    path(J + "delete/", views.journey_delete, name="journey_delete"),
    path(J + "phases/new/", views.phase_create, name="phase_create"),
    path(J + "phases/<int:phase_pk>/edit/", views.phase_edit, name="phase_edit"),
    path(J + "phases/<int:phase_pk>/delete/", views.phase_delete, name="phase_delete"),
    path(J + "phases/<int:phase_pk>/move/", views.phase_move, name="phase_move"),
    path(J + "phases/<int:phase_pk>/steps/new/", views.step_create, name="step_create"),
    path(J + "steps/<int:step_pk>/", views.step_detail, name="step_detail"),
    path(J + "steps/<int:step_pk>/edit/", views.step_edit, name="step_edit"),
    path(J + "steps/<int:step_pk>/delete/", views.step_delete, name="step_delete"),
    path(J + "steps/<int:step_pk>/move/", views.step_move, name="step_move"),
    path(J + "steps/<int:step_pk>/pain-points/new/", views_more.pain_point_create, name="pain_point_create"),
    path(J + "pain-points/<int:pain_pk>/delete/", views_more.pain_point_delete, name="pain_point_delete"),
    path(J + "steps/<int:step_pk>/opportunities/new/", views_more.opportunity_create, name="opportunity_create"),
    path(J + "opportunities/<int:opportunity_pk>/edit/", views_more.opportunity_edit, name="opportunity_edit"),
    path(J + "opportunities/", views_more.opportunity_matrix, name="opportunity_matrix"),
    path(J + "steps.csv", exports.steps_csv, name="steps_csv"),
    path(J + "opportunities.csv", exports.opportunities_csv, name="opportunities_csv"),
    path("services/<int:pk>/journeys/new-item/", views_more.opportunity_item_create, name="opportunity_item_create"),
    path("services/<int:pk>/personas/", views_more.persona_list, name="persona_list"),
    path("services/<int:pk>/personas/new/", views_more.persona_create, name="persona_create"),
    path("services/<int:pk>/personas/<int:persona_pk>/edit/", views_more.persona_edit, name="persona_edit"),
]
