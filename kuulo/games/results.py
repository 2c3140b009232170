"""A unit's self-assessment results per round, never per person.

A round is a calendar quarter. A round with fewer than MIN_RESPONDENTS
answers for the unit is not shown at all: no averages, no counts by
dimension, so that no one's answer can be worked out. Means come with a
95 % interval (normal approximation) for the trend chart.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from kuulo.games.models import Answer, Assessment, Dimension, MaturityModel
from kuulo.lib import charts
from kuulo.lib.templatetags.figures import format_number
from kuulo.organisation.models import Unit

MIN_RESPONDENTS = 5


def period_of(moment: datetime) -> str:
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def period_label(period: str) -> str:
    year, quarter = period.split("-Q")
    return _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


@dataclass
class Mean:
    """The Score protocol of kuulo.lib.charts, for a mean level 1–5."""

    value: float | None
    ci_low: float | None
    ci_high: float | None
    n: int
    suppressed: bool

    @classmethod
    def of(cls, levels: list[float], hidden: bool) -> "Mean":
        n = len(levels)
        if hidden or not n:
            return cls(None, None, None, n, True)
        mean = sum(levels) / n
        spread = math.sqrt(sum((level - mean) ** 2 for level in levels) / (n - 1)) if n > 1 else 0.0
        margin = 1.96 * spread / math.sqrt(n)
        return cls(mean, max(1.0, mean - margin), min(5.0, mean + margin), n, False)

    @property
    def text(self) -> str:
        return "" if self.value is None else format_number(self.value, 1)

    @property
    def band(self) -> int:
        """The whole level the mean rounds to, for the heat map's colour."""
        return 0 if self.value is None else min(5, max(1, int(self.value + 0.5)))


@dataclass
class Round:
    period: str
    label: str
    respondents: int
    hidden: bool
    dimensions: dict[int, Mean] = field(default_factory=dict)
    overall: Mean | None = None


def unit_rounds(model: MaturityModel, unit: Unit) -> list[Round]:
    """Every round in which someone answered for `unit`, oldest first."""
    counts: dict[str, int] = defaultdict(int)
    for period in Assessment.objects.filter(model=model, unit=unit).values_list("period", flat=True):
        counts[period] += 1
    levels: dict[tuple[str, int], list[int]] = defaultdict(list)
    per_person: dict[tuple[str, int], list[int]] = defaultdict(list)
    shown = [period for period, count in counts.items() if count >= MIN_RESPONDENTS]
    answers = Answer.objects.filter(
        assessment__model=model, assessment__unit=unit, assessment__period__in=shown
    ).values_list("assessment__period", "assessment_id", "dimension_id", "level")
    for period, assessment_id, dimension_id, level in answers:
        levels[period, dimension_id].append(level)
        per_person[period, assessment_id].append(level)
    dimension_ids = list(model.dimensions.values_list("pk", flat=True))
    rounds = []
    for period in sorted(counts):
        hidden = counts[period] < MIN_RESPONDENTS
        round_ = Round(period, period_label(period), counts[period], hidden)
        round_.dimensions = {pk: Mean.of(levels[period, pk], hidden) for pk in dimension_ids}
        averages = [sum(v) / len(v) for (p, _id), v in per_person.items() if p == period and v]
        round_.overall = Mean.of(averages, hidden)
        rounds.append(round_)
    return rounds


def latest_shown(rounds: list[Round]) -> Round | None:
    return next((round_ for round_ in reversed(rounds) if not round_.hidden), None)


def weakest_dimension(model: MaturityModel, round_: Round | None) -> Dimension | None:
    """The dimension with the lowest mean in the round; the first in order on a tie."""
    if round_ is None:
        return None
    dimensions = list(model.dimensions.all())
    scored = [d for d in dimensions if not round_.dimensions[d.pk].suppressed]
    return min(scored, key=lambda d: round_.dimensions[d.pk].value, default=None)


def trend_chart(model: MaturityModel, rounds: list[Round]) -> charts.LineChart:
    points = [charts.TrendPoint(round_.label, round_.overall) for round_ in rounds]
    return charts.line_chart(_("Average self-assessed level"), points, (1, 5), lambda value: format_number(value, 1))
