from django.urls import path

from kuulo.savedviews import views

app_name = "savedviews"
urlpatterns = [
    path("services/<int:pk>/views/", views.view_list, name="view_list"),
    path("services/<int:pk>/views/new/", views.view_save, name="view_save"),
    path("services/<int:pk>/views/<int:view_pk>/delete/", views.view_delete, name="view_delete"),
]
