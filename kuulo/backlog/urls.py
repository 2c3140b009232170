from django.urls import include, path

app_name = "backlog"
# Each part keeps its own URL list: items and ranking; board, follow-up, roadmap and retros;
# experiments, effect and the public "you said, we did" page.
urlpatterns = [
    path("", include("kuulo.backlog.item_urls")),
    path("", include("kuulo.backlog.board_urls")),
    path("", include("kuulo.backlog.effect_urls")),
]
