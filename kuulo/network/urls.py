from django.urls import path

from kuulo.network import moderation_views, public_views, views

app_name = "network"
IDEA = "ideas/<int:pk>/"
urlpatterns = [
    path("ideas/", views.idea_list, name="idea_list"),
    path("ideas/new/", views.idea_create, name="idea_create"),
    path(IDEA, views.idea_detail, name="idea_detail"),
    path(IDEA + "vote/", views.idea_vote, name="idea_vote"),
    path(IDEA + "follow/", views.idea_follow, name="idea_follow"),
    path(IDEA + "comments/", views.idea_comment, name="idea_comment"),
    path(IDEA + "status/", views.idea_status, name="idea_status"),
    path(IDEA + "promote/", views.idea_promote, name="idea_promote"),
    path(IDEA + "attachments/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
]
urlpatterns += [
    path("ideas/public/moderation/", moderation_views.moderation, name="moderation"),
    path("ideas/public/moderation/<int:pk>/", moderation_views.moderate, name="moderate"),
    path("public/ideas/", public_views.public_ideas, name="public_ideas"),
    path("public/ideas/new/", public_views.public_idea_new, name="public_idea_new"),
    path("public/ideas/new/thanks/", public_views.public_idea_thanks, name="public_idea_thanks"),
]
