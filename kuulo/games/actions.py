from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kuulo.backlog import actions as backlog_actions
from kuulo.backlog.models import BacklogItem
from kuulo.games.models import Answer, Assessment, Dimension, MaturityModel, Suggestion
from kuulo.games.results import period_of
from kuulo.organisation.models import Service, Unit


@transaction.atomic
def record_assessment(model: MaturityModel, user, unit: Unit, levels: dict[Dimension, int]) -> Assessment:
    """The person's answer for the unit in this quarter; a second answer in the same quarter replaces the first."""
    now = timezone.now()
    assessment, _created = Assessment.objects.update_or_create(
        model=model, user=user, unit=unit, period=period_of(now), defaults={"submitted_at": now}
    )
    assessment.answers.all().delete()
    Answer.objects.bulk_create(
        [Answer(assessment=assessment, dimension=dimension, level=level) for dimension, level in levels.items()]
    )
    return assessment


def item_from_suggestion(suggestion: Suggestion, service: Service, user) -> BacklogItem:
    """A backlog idea on `service` from a suggested action, titled in the person's language."""
    return backlog_actions.create_item(
        service,
        user,
        title=suggestion.title,
        description=_("Suggested by the maturity self-assessment for the dimension %(dimension)s.")
        % {"dimension": suggestion.dimension.name},
        kind=BacklogItem.Kind.IMPROVEMENT,
    )
