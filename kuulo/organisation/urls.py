from django.urls import path

from kuulo.organisation.views import members, services, structure, terms

app_name = "organisation"
urlpatterns = [
    path("", services.home, name="home"),
    path("services/", services.service_list, name="service_list"),
    path("services/new/", services.service_create, name="service_create"),
    path("services/<int:pk>/", services.service_detail, name="service_detail"),
    path("services/<int:pk>/edit/", services.service_edit, name="service_edit"),
    path("services/<int:pk>/members/", members.service_members, name="service_members"),
    path("services/<int:pk>/members/<int:membership_pk>/edit/", members.membership_edit, name="membership_edit"),
    path("services/<int:pk>/members/<int:membership_pk>/remove/", members.membership_remove, name="membership_remove"),
    path("units/", structure.unit_list, name="unit_list"),
    path("units/new/", structure.unit_create, name="unit_create"),
    path("units/<int:pk>/edit/", structure.unit_edit, name="unit_edit"),
    path("life-events/", structure.life_event_list, name="life_event_list"),
    path("life-events/new/", structure.life_event_create, name="life_event_create"),
    path("life-events/<int:pk>/edit/", structure.life_event_edit, name="life_event_edit"),
    path("organisation/", structure.organisation_edit, name="organisation_edit"),
    path("organisation/terms/", terms.term_list, name="term_list"),
    path("organisation/terms/new/<str:kind>/", terms.term_create, name="term_create"),
    path("organisation/terms/<int:pk>/edit/", terms.term_edit, name="term_edit"),
    path("organisation/terms/<int:pk>/move/", terms.term_move, name="term_move"),
    path("organisation/terms/<int:pk>/retire/", terms.term_retire, name="term_retire"),
]
