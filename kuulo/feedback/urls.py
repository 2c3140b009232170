from django.urls import path

from kuulo.feedback.views import imports, review

app_name = "feedback"
urlpatterns = [
    path("services/<int:pk>/review/", review.review_queue, name="review_queue"),
    path("surveys/<int:survey_pk>/import/", imports.import_upload, name="import_upload"),
    path("surveys/<int:survey_pk>/import/<str:upload>/", imports.import_map, name="import_map"),
    path("surveys/<int:survey_pk>/import/<str:upload>/preview/", imports.import_preview, name="import_preview"),
]
