"""Who sees what in the games.

Every member of staff takes the assessments and quizzes. A unit's results are
for the members of the unit's services and organisation admins; to anyone
else the unit does not exist (404), as with services.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.games.models import MaturityModel
from kuulo.organisation.models import Unit


def units_of(user) -> QuerySet[Unit]:
    """The units a person answers for and whose results they see: those of their services."""
    if user.is_org_admin:
        return Unit.objects.all()
    return Unit.objects.filter(services__memberships__user=user).distinct()


def get_unit_for_user(request: HttpRequest, pk: int) -> Unit:
    if not request.user.is_authenticated or not units_of(request.user).filter(pk=pk).exists():
        raise Http404("No such unit.")
    return Unit.objects.get(pk=pk)


def get_model(slug: str, *, active_only: bool = False) -> MaturityModel:
    models = MaturityModel.objects.filter(active=True) if active_only else MaturityModel.objects.all()
    return get_object_or_404(models, slug=slug)
