from django.urls import path

from kuulo.effects import experiment_views, public_views
from kuulo.effects import views as effect_views

app_name = "effects"
# Measured effect, experiments and the public "you said, we did" page.
urlpatterns = [
    path("services/<int:pk>/effects/", effect_views.effect_list, name="effect_list"),
    path("services/<int:pk>/backlog/<int:item_pk>/effect/", effect_views.item_effect, name="item_effect"),
    path("services/<int:pk>/backlog/<int:item_pk>/verify/", effect_views.item_verify, name="item_verify"),
    path(
        "services/<int:pk>/backlog/<int:item_pk>/quotes/<int:link_pk>/",
        effect_views.quote_approval,
        name="quote_approval",
    ),
    path("services/<int:pk>/experiments/", experiment_views.experiment_list, name="experiment_list"),
    path("services/<int:pk>/experiments/new/", experiment_views.experiment_create, name="experiment_create"),
    path(
        "services/<int:pk>/experiments/<int:experiment_pk>/",
        experiment_views.experiment_detail,
        name="experiment_detail",
    ),
    path(
        "services/<int:pk>/experiments/<int:experiment_pk>/edit/",
        experiment_views.experiment_edit,
        name="experiment_edit",
    ),
    path(
        "services/<int:pk>/experiments/<int:experiment_pk>/decision/",
        experiment_views.experiment_decision,
        name="experiment_decision",
    ),
    path("we-did/<slug:slug>/", public_views.we_did, name="we_did"),
]
