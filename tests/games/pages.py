"""URL arguments for the games' pages and actions, for the shared personas' service."""

from kuulo.games.models import MaturityModel, Suggestion

SHIPPED = "kuulo-customer-centricity"


def model_args(service) -> list:
    return [SHIPPED]


def unit_args(service) -> list:
    return [SHIPPED, service.unit_id]


def suggestion_args(service) -> list:
    suggestion = Suggestion.objects.filter(dimension__model__slug=SHIPPED, kind=Suggestion.Kind.ACT).first()
    return [SHIPPED, service.unit_id, suggestion.pk]


def shipped_model() -> MaturityModel:
    return MaturityModel.objects.get(slug=SHIPPED)
