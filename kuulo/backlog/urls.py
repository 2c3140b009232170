from django.urls import path

from kuulo.backlog import item_views as views

app_name = "backlog"
# The backlog of a service: the ranked list, ranking and items (their evidence: kuulo.traceability).
urlpatterns = [
    path("services/<int:pk>/backlog/", views.item_list, name="item_list"),
    path("services/<int:pk>/backlog/new/", views.item_create, name="item_create"),
    path("services/<int:pk>/backlog/order/", views.item_reorder, name="item_reorder"),
    path("services/<int:pk>/backlog/<int:item_pk>/", views.item_detail, name="item_detail"),
    path("services/<int:pk>/backlog/<int:item_pk>/edit/", views.item_edit, name="item_edit"),
    path("services/<int:pk>/backlog/<int:item_pk>/status/", views.item_status, name="item_status"),
    path("services/<int:pk>/backlog/<int:item_pk>/move/", views.item_move, name="item_move"),
    path("services/<int:pk>/backlog/<int:item_pk>/delete/", views.item_delete, name="item_delete"),
]
