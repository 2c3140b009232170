from django.urls import path

from kuulo.playbook import views, views_edit, views_glossary, views_pack, views_roles, views_sparring

app_name = "playbook"
M = "playbook/<slug:slug>/"
urlpatterns = [
    path("playbook/", views.method_list, name="method_list"),
    path("playbook/new/", views_edit.method_create, name="method_create"),
    path("playbook/glossary/", views_glossary.glossary, name="glossary"),
    path("playbook/roles/", views_roles.role_guide_list, name="role_guide_list"),
    path("playbook/roles/<str:role>/", views_roles.role_guide, name="role_guide"),
    path("playbook/help/", views_sparring.help_request_list, name="help_request_list"),
    path("playbook/help/<int:pk>/close/", views_sparring.help_request_close, name="help_request_close"),
    path("playbook/pack/export/", views_pack.pack_export, name="pack_export"),
    path("playbook/pack/import/", views_pack.pack_import, name="pack_import"),
    path(M, views.method_detail, name="method_detail"),
    path(M + "start/", views.method_start, name="method_start"),
    path(M + "history/", views.method_history, name="method_history"),
    path(M + "history/<int:number>/", views.method_version, name="method_version"),
    path(M + "edit/", views_edit.method_edit, name="method_edit"),
    path(M + "templates/new/", views_edit.template_upload, name="template_upload"),
    path(M + "templates/<int:pk>/", views_edit.template_download, name="template_download"),
    path(M + "templates/<int:pk>/delete/", views_edit.template_delete, name="template_delete"),
    path(M + "volunteer/", views_sparring.volunteer, name="volunteer"),
    path(M + "withdraw/", views_sparring.withdraw, name="withdraw"),
    path(M + "request-help/", views_sparring.request_help, name="request_help"),
]
