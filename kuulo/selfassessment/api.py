"""The API of self-assessment: rounds and their agreed results, aggregated. No assessor's own
score leaves Kuulo through it; the spread of each subcriterion is given as figures only.

A token not limited to services reads every round; a token limited to some reads the rounds
of their units (and the units above them, as for plans); a person with a session reads the
rounds they may see in the UI. Attached to the one NinjaAPI in AppConfig.ready()."""

from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field

from kuulo.api import reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.api.models import ApiToken
from kuulo.organisation.models import Unit
from kuulo.selfassessment import access
from kuulo.selfassessment import results as figures_of
from kuulo.selfassessment.models import Round

router = Router(tags=["self-assessment"])


class CriterionFigure(Schema):
    code: str
    name: str
    panel: str = Field(description="Code of the scoring panel, e.g. `enablers` or `results` in CAF.")
    agreed_mean: float | None = Field(description="Mean of the agreed scores of its subcriteria, one decimal.")
    share: float | None = Field(description="The agreed mean as a share (0–1) of the panel's scale, three decimals.")


class SubcriterionFigure(Schema):
    criterion: str
    code: str
    name: str
    agreed: int | None = Field(description="The agreed score; null until agreed.")
    band: str = Field(description="The label of the band the agreed score falls in.")
    assessors_scored: int = Field(description="How many assessors gave an own score.")
    own_min: int | None
    own_max: int | None
    own_mean: float | None
    strengths: str
    improvements: list[str]
    backlog_items: list[int] = Field(description="Ids of the backlog items made of its areas for improvement.")


class RoundSummary(Schema):
    id: int
    title: str
    framework: str = Field(description="The framework's code, e.g. `caf-2020`.")
    unit: str
    assessed_on: date
    status: str = Field(description="scoring, consensus or closed. Results are null while scoring.")
    overall_share: float | None = Field(description="Mean share of the scale over the criteria, three decimals.")
    criteria: list[CriterionFigure] | None


class RoundDetail(RoundSummary):
    subcriteria: list[SubcriterionFigure] | None


class Rounds(Schema):
    items: list[RoundSummary]


def _rounds(request: HttpRequest):
    if isinstance(request.auth, ApiToken):
        rounds = Round.objects.select_related("framework", "unit")
        if request.auth.all_services:
            return rounds
        parents = dict(Unit.objects.values_list("pk", "parent_id"))
        units: set[int] = set()
        for unit_id in request.auth.services_in_reach().values_list("unit_id", flat=True):
            while unit_id is not None and unit_id not in units:
                units.add(unit_id)
                unit_id = parents.get(unit_id)
        return rounds.filter(unit_id__in=units)
    return access.visible_rounds(request.user)


def _share(value):
    return None if value is None else round(value, 3)


def _summary(round_: Round, results) -> dict:
    return {
        "id": round_.pk,
        "title": round_.title,
        "framework": round_.framework.code,
        "unit": round_.unit.name,
        "assessed_on": round_.assessed_on,
        "status": round_.status,
        "overall_share": _share(figures_of.overall_share(results)) if results is not None else None,
        "criteria": None
        if results is None
        else [
            {
                "code": result.criterion.code,
                "name": result.criterion.name,
                "panel": result.criterion.panel.code,
                "agreed_mean": result.agreed_mean,
                "share": _share(result.share),
            }
            for result in results
        ],
    }


def _results(round_: Round, with_scores: bool = False):
    if round_.status == Round.Status.SCORING:
        return None
    return figures_of.round_results(round_, with_scores=with_scores)


@router.get(
    "/rounds",
    url_name="self_assessment_rounds",
    auth=READ,
    response={200: Rounds, **reading.READ_ERRORS},
    summary="Self-assessment rounds with their agreed results per criterion",
    description="Every round you may read, newest first, with the mean agreed score of each criterion. "
    "Results are null while the assessors are still scoring on their own.",
)
def rounds(request: HttpRequest):
    return {"items": [_summary(round_, _results(round_)) for round_ in _rounds(request)]}


@router.get(
    "/rounds/{round_id}",
    url_name="self_assessment_round",
    auth=READ,
    response={200: RoundDetail, **reading.READ_ERRORS},
    summary="One self-assessment round with agreed scores per subcriterion",
    description="The agreed score, band, strengths and areas for improvement of each subcriterion, with the "
    "spread of the assessors' own scores as figures (how many, lowest, highest, mean) — never who gave what.",
)
def round_detail(request: HttpRequest, round_id: int):
    round_ = _rounds(request).filter(pk=round_id).first()
    if round_ is None:
        raise Refusal(404, {"round_id": _("No such round.")})
    results = _results(round_, with_scores=True)
    detail = _summary(round_, results)
    detail["subcriteria"] = (
        None
        if results is None
        else [
            {
                "criterion": result.criterion.code,
                "code": line.subcriterion.code,
                "name": line.subcriterion.name,
                "agreed": line.agreed,
                "band": line.band.label if line.band else "",
                "assessors_scored": len(line.values),
                "own_min": line.low,
                "own_max": line.high,
                "own_mean": line.mean,
                "strengths": line.consensus.strengths if line.consensus else "",
                "improvements": [improvement.text for improvement in line.improvements],
                "backlog_items": [item.backlog_item_id for item in line.improvements if item.backlog_item_id],
            }
            for result in results
            for line in result.lines
        ]
    )
    return detail
