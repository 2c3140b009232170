"""Customer-facing panel URLs: no login, every language."""

from django.urls import path

from kuulo.panel import views_member, views_public

app_name = "panel_public"
urlpatterns = [
    path("panel/join/", views_public.join, name="join"),
    path("panel/join/sent/", views_public.join_sent, name="join_sent"),
    path("panel/confirm/<str:token>/", views_public.confirm, name="confirm"),
    path("panel/unsubscribe/<str:token>/", views_public.unsubscribe, name="unsubscribe"),
    path("panel/me/", views_public.ask_link, name="ask_link"),
    path("panel/invitation/<str:token>/", views_public.invitation, name="invitation"),
    path("panel/invitation/<str:token>/session.ics", views_public.invitation_ics, name="invitation_ics"),
    path("panel/me/<str:token>/", views_member.my_page, name="my_page"),
    path("panel/me/<str:token>/data.json", views_member.my_data_json, name="my_data_json"),
    path("panel/me/<str:token>/data/", views_member.my_data_html, name="my_data_html"),
    path("panel/me/<str:token>/edit/", views_member.my_edit, name="my_edit"),
    path("panel/me/<str:token>/withdraw/", views_member.my_withdraw, name="my_withdraw"),
    path("panel/me/<str:token>/erase/", views_member.my_erase, name="my_erase"),
]
