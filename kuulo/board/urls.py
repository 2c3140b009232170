from django.urls import path

from kuulo.board import retro_views, roadmap_views
from kuulo.board import views as board_views

app_name = "board"
# The team board, the weekly follow-up, the roadmap and the retrospectives.
urlpatterns = [
    path("services/<int:pk>/board/", board_views.board, name="board"),
    path("services/<int:pk>/board/limits/", board_views.board_limits, name="board_limits"),
    path("services/<int:pk>/board/<int:item_pk>/move/", board_views.board_move, name="board_move"),
    path("follow-up/", board_views.follow_up_organisation, name="follow_up_organisation"),
    path("services/<int:pk>/follow-up/", board_views.follow_up, name="follow_up"),
    path("roadmap/", roadmap_views.roadmap_organisation, name="roadmap_organisation"),
    path("services/<int:pk>/roadmap/", roadmap_views.roadmap, name="roadmap"),
    path("services/<int:pk>/roadmap/<int:item_pk>/schedule/", roadmap_views.roadmap_schedule, name="roadmap_schedule"),
    path("services/<int:pk>/retros/", retro_views.retro_list, name="retro_list"),
    path("services/<int:pk>/retros/new/", retro_views.retro_create, name="retro_create"),
    path("services/<int:pk>/retros/<int:retro_pk>/", retro_views.retro_detail, name="retro_detail"),
]
