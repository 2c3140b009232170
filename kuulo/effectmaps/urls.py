from django.urls import path

from kuulo.effectmaps import exports, views

app_name = "effectmaps"
S = "services/<int:pk>/effect-maps/"
M = S + "<int:map_pk>/"


def _parts(level: str, plural: str) -> list:
    P = M + plural + "/<int:part_pk>/"
    kind = {"level": level}
    return [
        path(P + "edit/", views.part_edit, kind, name=f"{level}_edit"),
        path(P + "delete/", views.part_delete, kind, name=f"{level}_delete"),
        path(P + "move/", views.part_move, kind, name=f"{level}_move"),
    ]


urlpatterns = [
    path(S, views.map_list, name="map_list"),
    path(S + "new/", views.map_create, name="map_create"),
    path(S + "new-item/", views.deliverable_item_create, name="deliverable_item_create"),
    path(M, views.map_detail, name="map_detail"),
    path(M + "visual/", views.map_visual, name="map_visual"),
    path(M + "map.pdf", views.map_pdf, name="map_pdf"),
    path(M + "map.csv", exports.map_csv, name="map_csv"),
    path(M + "edit/", views.map_edit, name="map_edit"),
    path(M + "delete/", views.map_delete, name="map_delete"),
    path(M + "actors/new/", views.part_create, {"level": "actor"}, name="actor_create"),
    path(M + "actors/<int:parent_pk>/impacts/new/", views.part_create, {"level": "impact"}, name="impact_create"),
    path(
        M + "impacts/<int:parent_pk>/deliverables/new/",
        views.part_create,
        {"level": "deliverable"},
        name="deliverable_create",
    ),
    *_parts("actor", "actors"),
    *_parts("impact", "impacts"),
    *_parts("deliverable", "deliverables"),
]
