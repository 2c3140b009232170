"""GET /api/v1/maturity-results: a maturity model's self-assessment results per unit and quarter.

Aggregated only, as on the results page: a quarter with fewer than five
respondents for a unit shows that it is hidden and nothing else. A token
reads the units of the services in its reach; a logged-in person the units
of their own services. Added to the one NinjaAPI in GamesConfig.ready.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field

from kuulo.api import reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.games.models import MaturityModel
from kuulo.games.results import MIN_RESPONDENTS, unit_rounds
from kuulo.lib.rounding import round_half_up
from kuulo.organisation.models import Unit

router = Router()


class DimensionResult(Schema):
    code: str
    mean: float | None = Field(description="Average level 1–5 to two decimals; null when the round is hidden.")
    ci_low: float | None
    ci_high: float | None


class RoundResult(Schema):
    period: str = Field(description="The quarter, e.g. `2026-Q4`.")
    hidden: bool = Field(description=f"True when fewer than {MIN_RESPONDENTS} people answered; then no figures.")
    respondents: int | None = Field(description="Null when hidden.")
    overall: float | None = Field(description="Average of the respondents' average levels; null when hidden.")
    dimensions: list[DimensionResult]


class UnitResult(Schema):
    unit_id: int
    unit: str
    rounds: list[RoundResult]


class MaturityResults(Schema):
    model: str
    units: list[UnitResult]


def _figure(value: float | None) -> float | None:
    return None if value is None else round_half_up(value, 2)


@router.get(
    "/maturity-results",
    auth=READ,
    response={200: MaturityResults, **reading.READ_ERRORS},
    tags=["games"],
    summary="Maturity self-assessment results per unit and quarter (aggregated)",
    description="The average self-assessed level of each dimension of a maturity model, per unit and quarter, "
    f"with a 95 % interval. A quarter with fewer than {MIN_RESPONDENTS} respondents for a unit is `hidden` and "
    "carries no figures. No person's answers are ever returned. `model` is the model's short name.",
)
def maturity_results(request: HttpRequest, model: str = "kuulo-customer-centricity"):
    maturity = MaturityModel.objects.filter(slug=model).first()
    if maturity is None:
        raise Refusal(404, {"model": _("No such maturity model.")})
    codes = dict(maturity.dimensions.values_list("pk", "code"))
    units = Unit.objects.filter(services__in=reading.services_for(request)).distinct().order_by("pk")
    result = []
    for unit in units:
        rounds = []
        for round_ in unit_rounds(maturity, unit):
            rounds.append(
                {
                    "period": round_.period,
                    "hidden": round_.hidden,
                    "respondents": None if round_.hidden else round_.respondents,
                    "overall": _figure(round_.overall.value),
                    "dimensions": [
                        {
                            "code": codes[pk],
                            "mean": _figure(mean.value),
                            "ci_low": _figure(mean.ci_low),
                            "ci_high": _figure(mean.ci_high),
                        }
                        for pk, mean in round_.dimensions.items()
                    ],
                }
            )
        if rounds:
            result.append({"unit_id": unit.pk, "unit": unit.name, "rounds": rounds})
    return {"model": maturity.slug, "units": result}
