"""Access to surveys goes through the service they belong to: no access to the
service answers 404, a role too low for the action 403
(kuulo.organisation.access.get_service_for_user)."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role
from kuulo.surveys.models import CollectionPoint, Question, Survey, SurveyVersion


def get_survey_for_user(request: HttpRequest, pk: int, role: Role = Role.VIEWER) -> Survey:
    survey = get_object_or_404(Survey, pk=pk)
    survey.service = get_service_for_user(request, survey.service_id, role=role)
    return survey


def get_version_for_user(request: HttpRequest, pk: int, role: Role = Role.VIEWER) -> SurveyVersion:
    version = get_object_or_404(SurveyVersion.objects.select_related("survey"), pk=pk)
    version.survey.service = get_service_for_user(request, version.survey.service_id, role=role)
    return version


def get_question_for_user(request: HttpRequest, pk: int, role: Role = Role.PRODUCT_OWNER) -> Question:
    question = get_object_or_404(Question.objects.select_related("version__survey"), pk=pk)
    question.version.survey.service = get_service_for_user(request, question.version.survey.service_id, role=role)
    return question


def get_point_for_user(request: HttpRequest, pk: int, role: Role = Role.VIEWER) -> CollectionPoint:
    point = get_object_or_404(CollectionPoint.objects.select_related("survey"), pk=pk)
    point.survey.service = get_service_for_user(request, point.survey.service_id, role=role)
    return point
