from django.urls import path

from kuulo.network import exports, moderation_views, people_views, public_views, swarm_views, views

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
urlpatterns += [
    path("network/", swarm_views.guest_home, name="guest_home"),
    path("network/swarms/new/", swarm_views.swarm_create, name="swarm_create"),
    path("network/swarms/<int:pk>/", swarm_views.swarm_detail, name="swarm_detail"),
    path("network/swarms/<int:pk>/meetings/", swarm_views.swarm_meeting, name="swarm_meeting"),
    path("network/swarms/<int:pk>/notes/", swarm_views.swarm_note, name="swarm_note"),
    path("network/swarms/<int:pk>/members/", swarm_views.swarm_member, name="swarm_member"),
    path("network/swarms/<int:pk>/join/", swarm_views.swarm_join, name="swarm_join"),
    path("network/swarms/<int:pk>/links/", swarm_views.swarm_link, name="swarm_link"),
    path("network/swarms/<int:pk>/close/", swarm_views.swarm_close, name="swarm_close"),
    path("network/swarms/feed/<str:token>.ics", swarm_views.swarm_feed, name="swarm_feed"),
    path("network/communities/new/", swarm_views.community_create, name="community_create"),
    path("network/communities/<int:pk>/", swarm_views.community_detail, name="community_detail"),
    path("network/communities/<int:pk>/posts/", swarm_views.meetup_post, name="meetup_post"),
    path("network/communities/<int:pk>/members/", swarm_views.community_member, name="community_member"),
    path("network/communities/<int:pk>/join/", swarm_views.community_join, name="community_join"),
    path("network/communities/feed/<str:token>.ics", swarm_views.community_feed, name="community_feed"),
]
urlpatterns += [
    path("network/people/", people_views.people, name="people"),
    path("network/people/me/", people_views.my_profile, name="my_profile"),
]
urlpatterns += [
    path("ideas.csv", exports.ideas_csv, name="ideas_csv"),
    path("network/swarms.csv", exports.swarms_csv, name="swarms_csv"),
]
