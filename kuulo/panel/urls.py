from django.urls import path

from kuulo.panel import views_members, views_studies

app_name = "panel"
S = "services/<int:pk>/studies/<int:study_pk>/"
urlpatterns = [
    path("panel/", views_members.home, name="home"),
    path("panel/members/", views_members.member_list, name="member_list"),
    path("panel/members/add/", views_members.member_add, name="member_add"),
    path("panel/members/<int:pk>/", views_members.member_detail, name="member_detail"),
    path("panel/members/<int:pk>/do-not-contact/", views_members.member_do_not_contact, name="member_do_not_contact"),
    path("panel/members/<int:pk>/erase/", views_members.member_erase, name="member_erase"),
    path("panel/rules/", views_members.policy_edit, name="policy_edit"),
    path("panel/consent/new/", views_members.consent_create, name="consent_create"),
    path("services/<int:pk>/studies/", views_studies.study_list, name="study_list"),
    path("services/<int:pk>/studies/new/", views_studies.study_create, name="study_create"),
    path(S, views_studies.study_detail, name="study_detail"),
    path(S + "edit/", views_studies.study_edit, name="study_edit"),
    path(S + "slots/new/", views_studies.slot_create, name="slot_create"),
    path(S + "quotas/new/", views_studies.quota_create, name="quota_create"),
    path(S + "invite/", views_studies.study_invite, name="study_invite"),
    path(S + "participations/<int:participation_pk>/", views_studies.participation_edit, name="participation_edit"),
    path(S + "rewards.csv", views_studies.rewards_csv, name="rewards_csv"),
]
