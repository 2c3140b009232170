from django.urls import path

from kuulo.integrations import views

app_name = "integrations"
urlpatterns = [
    path("services/<int:pk>/jira/", views.jira_settings, name="jira_settings"),
    path("services/<int:pk>/jira/test/", views.jira_test, name="jira_test"),
    path("services/<int:pk>/jira/sync/", views.jira_sync, name="jira_sync"),
    path("services/<int:pk>/backlog/<int:item_pk>/jira/", views.jira_send, name="jira_send"),
]
