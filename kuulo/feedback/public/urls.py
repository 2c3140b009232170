"""Customer-facing URLs: no login, every language, WCAG 2.1 AA."""

from django.urls import path

from kuulo.feedback.public import views as public_views
from kuulo.feedback.public import widget

app_name = "public"
urlpatterns = [
    path("s/<str:key>/", public_views.survey_page, name="survey_page"),
    path("s/<str:key>/thanks/", public_views.survey_thanks, name="survey_thanks"),
    path("s/<str:key>/qr.svg", public_views.qr_svg, name="qr_svg"),
    path("s/<str:key>/qr.png", public_views.qr_png, name="qr_png"),
    path("w/<str:key>/config", widget.widget_config, name="widget_config"),
    path("w/<str:key>/displays", widget.widget_display, name="widget_display"),
    path("w/<str:key>/responses", widget.widget_response, name="widget_response"),
    # Staff only: the survey page exactly as a customer would see it, nothing saved.
    path("surveys/versions/<int:pk>/preview/", public_views.version_preview, name="version_preview"),
    path("demo/widget/<str:key>/", public_views.widget_demo, name="widget_demo"),
]
