"""The precision of every figure the API returns, by kind (docs/reporting-api.md, "Precision").

A response schema types each float field with one of these, and the schema
rounds the value (half away from zero, kuulo.lib.rounding) when the answer is
built, so no endpoint can return 49.99999999999999 and the CSV feed, which is
written from the same schema, rounds alike. Each field's description in the
OpenAPI schema tells its precision.
"""

from typing import Annotated

from pydantic import AfterValidator, Field

from kuulo.lib.rounding import round_half_up

SCORE_DIGITS = 1  # scores, their 95 % intervals and differences of scores: percent, NPS points, index points
MEAN_DIGITS = 2  # means of answers on the answer scale (e.g. mean CSAT 4.27)
LEVEL_DIGITS = 2  # levels that people set: targets and an experiment's minimum change
P_VALUE_DIGITS = 4  # p-values; 0.0 means below 0.00005


def _rounded(digits: int):
    return AfterValidator(lambda value: round_half_up(value, digits))


ScoreFigure = Annotated[float, _rounded(SCORE_DIGITS)]
MeanFigure = Annotated[float, _rounded(MEAN_DIGITS)]
LevelFigure = Annotated[float, _rounded(LEVEL_DIGITS)]
PValue = Annotated[float, _rounded(P_VALUE_DIGITS), Field(ge=0, le=1)]
