"""The figures of a round: the spread of the assessors' own scores per subcriterion, the
agreed scores per criterion, and the unit's rounds of the same framework over time.

Agreed scores are compared across panels as a share of the panel's scale (0–100 % of
0–100, or of 1–3), so a criterion scored on a three-step scale sits on the same radar."""

from dataclasses import dataclass, field
from statistics import mean

from kuulo.selfassessment.models import Consensus, Criterion, Improvement, Round, Score, Subcriterion


@dataclass
class Line:
    """One subcriterion of a round, with what the assessors and the consensus said."""

    subcriterion: Subcriterion
    scores: list[Score] = field(default_factory=list)
    consensus: Consensus | None = None
    improvements: list[Improvement] = field(default_factory=list)

    @property
    def values(self) -> list[int]:
        return [score.value for score in self.scores if score.value is not None]

    @property
    def low(self):
        return min(self.values) if self.values else None

    @property
    def high(self):
        return max(self.values) if self.values else None

    @property
    def mean(self):
        return round(mean(self.values), 1) if self.values else None

    @property
    def gap(self) -> int:
        return (self.high - self.low) if self.values else 0

    @property
    def agreed(self):
        return self.consensus.value if self.consensus else None

    @property
    def band(self):
        return self.subcriterion.criterion.panel.band_of(self.agreed)


@dataclass
class CriterionResult:
    criterion: Criterion
    lines: list[Line]

    @property
    def agreed_mean(self):
        values = [line.agreed for line in self.lines if line.agreed is not None]
        return round(mean(values), 1) if values else None

    @property
    def share(self):
        """The agreed mean as a share (0–1) of the panel's scale."""
        value = self.agreed_mean
        if value is None:
            return None
        panel = self.criterion.panel
        return (value - panel.minimum) / (panel.maximum - panel.minimum)

    @property
    def band(self):
        return self.criterion.panel.band_of(self.agreed_mean)


def criteria_of(framework) -> list[Criterion]:
    criteria = list(
        Criterion.objects.filter(framework=framework).select_related("panel").prefetch_related("panel__bands")
    )
    subs = Subcriterion.objects.filter(criterion__framework=framework).prefetch_related("examples")
    by_criterion: dict[int, list] = {}
    for sub in subs:
        by_criterion.setdefault(sub.criterion_id, []).append(sub)
    for criterion in criteria:
        criterion.subcriterion_list = by_criterion.get(criterion.pk, [])
        for sub in criterion.subcriterion_list:
            sub.criterion = criterion
    return criteria


def round_results(round_: Round, with_scores: bool = True) -> list[CriterionResult]:
    """Every criterion of the round's framework with its lines; the assessors' own scores only
    when `with_scores` (never for readers who are not assessors)."""
    scores: dict[int, list] = {}
    if with_scores:
        for score in Score.objects.filter(round=round_).select_related("assessor").order_by("assessor__username"):
            scores.setdefault(score.subcriterion_id, []).append(score)
    consensus = {item.subcriterion_id: item for item in Consensus.objects.filter(round=round_)}
    improvements: dict[int, list] = {}
    for item in Improvement.objects.filter(round=round_).select_related("backlog_item", "goal__plan"):
        improvements.setdefault(item.subcriterion_id, []).append(item)
    return [
        CriterionResult(
            criterion,
            [
                Line(sub, scores.get(sub.pk, []), consensus.get(sub.pk), improvements.get(sub.pk, []))
                for sub in criterion.subcriterion_list
            ],
        )
        for criterion in criteria_of(round_.framework)
    ]


def overall_share(results: list[CriterionResult]):
    shares = [result.share for result in results if result.share is not None]
    return mean(shares) if shares else None


def earlier_rounds(round_: Round, limit: int = 8) -> list[Round]:
    """The unit's rounds of the same framework that reached consensus, oldest first, up to this one."""
    rounds = Round.objects.filter(
        unit=round_.unit, framework=round_.framework, assessed_on__lte=round_.assessed_on
    ).exclude(status=Round.Status.SCORING)
    return list(reversed(rounds.order_by("-assessed_on", "-pk")[:limit]))
