from django.urls import path

from kuulo.plans import feed_views, report_views, views

app_name = "plans"
urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("units/<int:pk>/plans/", views.unit_plans, name="unit_plans"),
    path("units/<int:pk>/plans/new/", views.unit_plan_create, name="unit_plan_create"),
    path("services/<int:pk>/plans/", views.service_plans, name="service_plans"),
    path("services/<int:pk>/plans/new/", views.service_plan_create, name="service_plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/archive/", views.plan_archive, name="plan_archive"),
    path("plans/<int:pk>/unarchive/", views.plan_unarchive, name="plan_unarchive"),
    path("plans/<int:pk>/delete/", views.plan_delete, name="plan_delete"),
    path("plans/<int:pk>/goals/new/", views.goal_create, name="goal_create"),
    path("plans/<int:pk>/goals/<int:goal_pk>/edit/", views.goal_edit, name="goal_edit"),
    path("plans/<int:pk>/goals/<int:goal_pk>/delete/", views.goal_delete, name="goal_delete"),
    path("plans/<int:pk>/actions/", views.plan_actions_edit, name="plan_actions"),
    path("plans/<int:pk>/checkpoints/new/", views.checkpoint_create, name="checkpoint_create"),
    path("plans/<int:pk>/checkpoints/<int:checkpoint_pk>/edit/", views.checkpoint_edit, name="checkpoint_edit"),
    path("plans/<int:pk>/checkpoints/<int:checkpoint_pk>/delete/", views.checkpoint_delete, name="checkpoint_delete"),
    path(
        "plans/<int:pk>/checkpoints/<int:checkpoint_pk>/report/",
        report_views.report_page,
        name="checkpoint_report",
    ),
    path(
        "plans/<int:pk>/checkpoints/<int:checkpoint_pk>/report.pdf",
        report_views.report_pdf,
        name="checkpoint_report_pdf",
    ),
    path("plans/<int:pk>/feed/new-address/", feed_views.feed_rotate, name="feed_rotate"),
    path("plans/feed/<str:token>.ics", feed_views.feed, name="feed"),
    path("plans/my-calendar/", feed_views.my_calendar, name="my_calendar"),
    path("plans/my-calendar/new-address/", feed_views.my_calendar_rotate, name="my_calendar_rotate"),
    path("plans/my-calendar/<str:token>.ics", feed_views.personal_feed, name="personal_feed"),
]
