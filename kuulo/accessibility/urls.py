from django.urls import path

from kuulo.accessibility import views

app_name = "accessibility"
urlpatterns = [
    path("accessibility/", views.statement, name="statement"),
    path("accessibility/feedback/", views.feedback, name="feedback"),
    path("accessibility/feedback/thanks/", views.feedback_thanks, name="feedback_thanks"),
    path("accessibility/cases/", views.case_list, name="cases"),
    path("accessibility/cases/<int:pk>/", views.case_detail, name="case"),
    path("accessibility/statement/edit/", views.statement_edit, name="statement_edit"),
]
