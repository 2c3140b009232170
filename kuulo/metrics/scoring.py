"""The one scoring module: every score Kuulo shows is computed here.

A score derives from a histogram of answers, ``{scale value: count}``. Daily
rollups store histograms; a period's score is the score of the summed
histograms (``merge_histograms``), never an average of daily scores.

Every score carries its n and a 95 % confidence interval, and is suppressed
(value ``None``) below a minimum n so that small groups can be neither misread
nor identified. Suppressed scores still report n, so a page can say "7 answers,
too few to show".

Rules are looked up by name through ``score(rule, histogram, **params)`` so
that a metric definition can store the rule as a plain string.

This module is pure Python with no Django imports; it must stay that way so
that rollups, exports and benchmarks can use it without a database.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import TypeAlias

MIN_N = 10
Z_95 = 1.96

Histogram: TypeAlias = Mapping[float, int]


@dataclass(frozen=True, slots=True)
class Score:
    """A score with its sample size and 95 % interval.

    ``value``, ``ci_low`` and ``ci_high`` are on the score's own scale
    (percent 0..100 for shares and 0..100 indices, −100..100 for NPS, the
    answer scale for ``mean``). They are ``None`` when ``suppressed``. ``mean``
    is the secondary mean of the raw answers where the rule reports one
    (top-box rules: the mean CSAT or CES shown next to the share).
    """

    value: float | None
    n: int
    ci_low: float | None
    ci_high: float | None
    suppressed: bool
    mean: float | None = None

    @classmethod
    def hidden(cls, n: int) -> Score:
        return cls(value=None, n=n, ci_low=None, ci_high=None, suppressed=True)


# Histograms


def merge_histograms(*histograms: Histogram) -> dict[float, int]:
    """Sum the counts of several histograms, e.g. daily rollups over a period."""
    merged: Counter[float] = Counter()
    for histogram in histograms:
        merged.update(_checked(histogram))
    return {value: count for value, count in sorted(merged.items()) if count}


def histogram_of(answers: Iterable[float]) -> dict[float, int]:
    """Count raw answers into a histogram."""
    return dict(sorted(Counter(answers).items()))


def _checked(histogram: Histogram) -> Histogram:
    for value, count in histogram.items():
        if count < 0:
            raise ValueError(f"negative count {count} for answer {value!r}")
    return histogram


def _size(histogram: Histogram) -> int:
    return sum(_checked(histogram).values())


def _require_keys_within(histogram: Histogram, low: float, high: float, rule: str) -> None:
    for value, count in histogram.items():
        if count and not low <= value <= high:
            raise ValueError(f"{rule}: answer {value!r} outside {low}..{high}")


def _is_hidden(n: int, min_n: int) -> bool:
    if min_n < 0:
        raise ValueError("min_n must not be negative")
    return n == 0 or n < min_n


# Intervals


def wilson_interval(successes: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for a proportion, as fractions 0..1.

    Preferred over the normal approximation because it stays inside 0..1 and
    behaves at small n and at shares near 0 % or 100 %, which are common for
    satisfaction items. The bounds are exact at the edges (0 successes gives a
    lower bound of exactly 0), so the interval always contains the share.
    """
    if n <= 0:
        raise ValueError("n must be positive")
    if not 0 <= successes <= n:
        raise ValueError("successes must be within 0..n")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    low = 0.0 if successes == 0 else max(0.0, min(p, centre - half))
    high = 1.0 if successes == n else min(1.0, max(p, centre + half))
    return low, high


def _t_975(df: int) -> float:
    """Two-sided 95 % critical value of Student's t without SciPy.

    Exact values for df ≤ 4, then the Cornish–Fisher expansion
    (Abramowitz & Stegun 26.7.5), which is within 0.001 from df = 4 on.
    """
    exact = {1: 12.7062, 2: 4.3027, 3: 3.1824, 4: 2.7764}
    if df in exact:
        return exact[df]
    z = NormalDist().inv_cdf(0.975)
    terms = (
        (z**3 + z) / 4,
        (5 * z**5 + 16 * z**3 + 3 * z) / 96,
        (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384,
        (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160,
    )
    return z + sum(term / df**power for power, term in enumerate(terms, start=1))


def _mean_and_sd(histogram: Histogram) -> tuple[float, float, int]:
    n = _size(histogram)
    mean = sum(value * count for value, count in histogram.items()) / n
    if n < 2:
        return mean, 0.0, n
    squares = sum(count * (value - mean) ** 2 for value, count in histogram.items())
    return mean, math.sqrt(squares / (n - 1)), n


def _clip(value: float, bounds: tuple[float, float] | None) -> float:
    if bounds is None:
        return value
    low, high = bounds
    return min(high, max(low, value))


# Rules


def top_box(histogram: Histogram, threshold: float, *, min_n: int = MIN_N) -> Score:
    """Percent of answers at or above ``threshold``, with a Wilson interval.

    CSAT and the OMB A-11 drivers use threshold 4 on 1–5, CES uses 5 on 1–7.
    The mean of the answers comes along as the secondary figure.
    """
    n = _size(histogram)
    if _is_hidden(n, min_n):
        return Score.hidden(n)
    hits = sum(count for value, count in histogram.items() if value >= threshold)
    low, high = wilson_interval(hits, n)
    average = sum(value * count for value, count in histogram.items()) / n
    return Score(value=100 * hits / n, n=n, ci_low=100 * low, ci_high=100 * high, suppressed=False, mean=average)


def binary_share(histogram: Histogram, *, min_n: int = MIN_N) -> Score:
    """Percent of yes answers (1) among no (0) and yes, e.g. "Did you find …?"."""
    if any(count and value not in (0, 1) for value, count in histogram.items()):
        raise ValueError("binary_share: answers must be 0 (no) or 1 (yes)")
    result = top_box(histogram, 1, min_n=min_n)
    return Score(result.value, result.n, result.ci_low, result.ci_high, result.suppressed)


def nps(histogram: Histogram, *, min_n: int = MIN_N) -> Score:
    """Net Promoter Score: % of 9–10 minus % of 0–6 on the 0–10 scale.

    The interval treats each answer as +1 (promoter), 0 (passive) or −1
    (detractor): var = p_pro + p_det − (p_pro − p_det)², se = √(var / n),
    NPS ± 1.96 · se · 100, clipped to −100..100.
    """
    _require_keys_within(histogram, 0, 10, "nps")
    n = _size(histogram)
    if _is_hidden(n, min_n):
        return Score.hidden(n)
    promoters = sum(count for value, count in histogram.items() if value >= 9) / n
    detractors = sum(count for value, count in histogram.items() if value <= 6) / n
    net = promoters - detractors
    variance = max(0.0, promoters + detractors - net**2)
    margin = Z_95 * math.sqrt(variance / n) * 100
    value = 100 * net
    return Score(
        value=value,
        n=n,
        ci_low=max(-100.0, value - margin),
        ci_high=min(100.0, value + margin),
        suppressed=False,
    )


def mean(histogram: Histogram, *, min_n: int = MIN_N, bounds: tuple[float, float] | None = None) -> Score:
    """Mean of the answers with a Student-t 95 % interval.

    ``bounds`` (the scale's ends) clips the interval so that it never claims
    values the scale cannot take. With a single answer there is no spread to
    estimate, so the interval is ``None`` (only reachable with ``min_n`` < 2).
    """
    n = _size(histogram)
    if _is_hidden(n, min_n):
        return Score.hidden(n)
    average, sd, n = _mean_and_sd(histogram)
    if n < 2:
        return Score(value=average, n=n, ci_low=None, ci_high=None, suppressed=False)
    margin = _t_975(n - 1) * sd / math.sqrt(n)
    return Score(
        value=average,
        n=n,
        ci_low=_clip(average - margin, bounds),
        ci_high=_clip(average + margin, bounds),
        suppressed=False,
    )


def index(histogram: Histogram, scale_min: int = 1, scale_max: int = 5, *, min_n: int = MIN_N) -> Score:
    """The 0–100 linear index of a scale item (1→0, 2→25, … 5→100 on 1–5).

    The Swedish municipal convention (e.g. SKR's service index): the mean of
    the rescaled answers, with a t interval.
    """
    if scale_max <= scale_min:
        raise ValueError("scale_max must be greater than scale_min")
    _require_keys_within(histogram, scale_min, scale_max, "index")
    span = scale_max - scale_min
    rescaled = merge_histograms({(value - scale_min) * 100 / span: count for value, count in histogram.items()})
    return mean(rescaled, min_n=min_n, bounds=(0.0, 100.0))


# UMUX-Lite and SUS: several items per respondent.
#
# A histogram of single item answers cannot give these scores, because they
# combine items within each respondent. So each respondent is first turned into
# a 0..100 score (``umux_lite_respondent``, ``sus_respondent``), and those
# scores are counted into a histogram (``respondent_histogram``) that rolls up
# and merges like any other. The score is then the mean of that histogram.
#
# Keys are rounded to 2 decimals. SUS scores are multiples of 2.5 and exact
# anyway; UMUX-Lite scores are multiples of 100/12 (8.333…), which as raw
# floats would make fragile dictionary keys once stored as JSON and read
# back. Both scales have few possible values (41 and 13), so histograms stay
# small; the rounding moves a respondent by at most 0.005 points, far below
# any interval width.


def umux_lite_respondent(capabilities: int, ease: int) -> float:
    """One respondent's UMUX-Lite: (i1 + i2 − 2) × 100 / 12 on two 1–7 items.

    This is the raw score; the regression-adjusted variant (0.65 × raw + 22.9)
    that approximates SUS is deliberately not applied.
    """
    for item in (capabilities, ease):
        if not 1 <= item <= 7:
            raise ValueError(f"UMUX-Lite items are 1..7, got {item!r}")
    return (capabilities + ease - 2) * 100 / 12


def sus_respondent(items: Sequence[int]) -> float:
    """One respondent's SUS (Brooke 1996): odd items r − 1, even 5 − r, sum × 2.5."""
    if len(items) != 10:
        raise ValueError(f"SUS has ten items, got {len(items)}")
    total = 0
    for position, item in enumerate(items, start=1):
        if not 1 <= item <= 5:
            raise ValueError(f"SUS items are 1..5, got {item!r}")
        total += item - 1 if position % 2 else 5 - item
    return total * 2.5


def respondent_histogram(scores: Iterable[float]) -> dict[float, int]:
    """Count per-respondent 0..100 scores into a histogram with 2-decimal keys."""
    return histogram_of(round(value, 2) for value in scores)


def respondent_mean(histogram: Histogram, *, min_n: int = MIN_N) -> Score:
    """Mean of a histogram of per-respondent 0..100 scores (UMUX-Lite, SUS)."""
    _require_keys_within(histogram, 0, 100, "respondent_mean")
    return mean(histogram, min_n=min_n, bounds=(0.0, 100.0))


def umux_lite(pairs: Iterable[tuple[int, int]], *, min_n: int = MIN_N) -> Score:
    """UMUX-Lite from raw (capabilities, ease) answer pairs."""
    return respondent_mean(respondent_histogram(umux_lite_respondent(*pair) for pair in pairs), min_n=min_n)


def sus(responses: Iterable[Sequence[int]], *, min_n: int = MIN_N) -> Score:
    """SUS from raw ten-item responses."""
    return respondent_mean(respondent_histogram(sus_respondent(items) for items in responses), min_n=min_n)


# Dispatcher

RULES: dict[str, Callable[..., Score]] = {
    "top_box": top_box,
    "nps": nps,
    "mean": mean,
    "binary_share": binary_share,
    "index": index,
    # For these two the histogram holds per-respondent scores, see above.
    "umux_lite": respondent_mean,
    "sus": respondent_mean,
}


def score(rule: str, histogram: Histogram, **params: object) -> Score:
    """Score a histogram by rule name, as stored on a metric definition.

    ``params`` go to the rule: ``threshold`` for ``top_box``, ``scale_min``
    and ``scale_max`` for ``index``, ``min_n`` for all.
    """
    try:
        rule_function = RULES[rule]
    except KeyError:
        raise ValueError(f"unknown scoring rule {rule!r}; known: {', '.join(sorted(RULES))}") from None
    return rule_function(histogram, **params)


# Comparing two periods
#
# Before vs after a change (a done backlog item, an experiment): the
# difference of the two scores with its 95 % interval and a two-sided p-value.
# Each rule gets the test that fits how its score is built:
#
# - shares (top box, yes/no): the two-proportion z-test; the p-value uses the
#   pooled share (the usual test of "no difference"), the interval the
#   unpooled standard error (Wald), as textbooks do;
# - NPS: a z-test on the difference of two NPS, each with the variance of an
#   answer scored +1 / 0 / −1, var = p_pro + p_det − (p_pro − p_det)²;
# - means and 0–100 indices (also UMUX-Lite, SUS): Welch's t-test, which does
#   not assume equal variances, with Welch–Satterthwaite degrees of freedom.
#
# Below the minimum n on either side there is no verdict: the comparison
# carries both scores (with their n) and None for the rest.

SIGNIFICANCE = 0.05


@dataclass(frozen=True, slots=True)
class Comparison:
    """``after`` − ``before`` on the score's own scale, with a 95 % interval and a p-value.

    ``difference``, ``ci_low``, ``ci_high`` and ``p_value`` are ``None`` when
    either score is suppressed (too few answers for a verdict).
    """

    before: Score
    after: Score
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    test: str  # "two_proportion_z", "nps_z", "welch_t"

    @property
    def suppressed(self) -> bool:
        return self.difference is None

    @property
    def significant(self) -> bool:
        """True when the change is statistically significant at the 5 % level (two-sided)."""
        return self.p_value is not None and self.p_value < SIGNIFICANCE


def _normal_two_sided(z: float) -> float:
    return 2 * (1 - NormalDist().cdf(abs(z)))


def _z_verdict(difference: float, se: float) -> float:
    """Two-sided p of a z statistic; a zero standard error means no spread at all."""
    if se == 0:
        return 1.0 if difference == 0 else 0.0
    return _normal_two_sided(difference / se)


def compare_shares(hits_before: int, n_before: int, hits_after: int, n_after: int) -> tuple[float, float, float, float]:
    """Two-proportion z-test: (difference, ci_low, ci_high, p) in percentage points."""
    for hits, n in ((hits_before, n_before), (hits_after, n_after)):
        if n <= 0 or not 0 <= hits <= n:
            raise ValueError("shares need n > 0 and 0 <= hits <= n")
    p1, p2 = hits_before / n_before, hits_after / n_after
    difference = p2 - p1
    pooled = (hits_before + hits_after) / (n_before + n_after)
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / n_before + 1 / n_after))
    se = math.sqrt(p1 * (1 - p1) / n_before + p2 * (1 - p2) / n_after)
    p_value = _z_verdict(difference, se_pooled)
    return 100 * difference, 100 * (difference - Z_95 * se), 100 * (difference + Z_95 * se), p_value


def compare_nps(before: Histogram, after: Histogram) -> tuple[float, float, float, float]:
    """Difference of two NPS with a z-test: (difference, ci_low, ci_high, p), NPS points."""
    parts = []
    for histogram in (before, after):
        _require_keys_within(histogram, 0, 10, "nps")
        n = _size(histogram)
        if n <= 0:
            raise ValueError("NPS comparison needs answers on both sides")
        promoters = sum(count for value, count in histogram.items() if value >= 9) / n
        detractors = sum(count for value, count in histogram.items() if value <= 6) / n
        net = promoters - detractors
        parts.append((net, max(0.0, promoters + detractors - net**2) / n))
    (net1, var1), (net2, var2) = parts
    difference = net2 - net1
    se = math.sqrt(var1 + var2)
    p_value = _z_verdict(difference, se)
    return 100 * difference, 100 * (difference - Z_95 * se), 100 * (difference + Z_95 * se), p_value


def compare_means(before: Histogram, after: Histogram) -> tuple[float, float, float, float]:
    """Welch's t-test on two histograms: (difference of means, ci_low, ci_high, p)."""
    mean1, sd1, n1 = _mean_and_sd(before)
    mean2, sd2, n2 = _mean_and_sd(after)
    if n1 < 2 or n2 < 2:
        raise ValueError("Welch's t-test needs at least two answers on each side")
    difference = mean2 - mean1
    v1, v2 = sd1**2 / n1, sd2**2 / n2
    se = math.sqrt(v1 + v2)
    if se == 0:
        p_value = 1.0 if difference == 0 else 0.0
        return difference, difference, difference, p_value
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    t = difference / se
    margin = t_quantile(0.975, df) * se
    return difference, difference - margin, difference + margin, t_two_sided(t, df)


def t_two_sided(t: float, df: float) -> float:
    """Two-sided p-value of Student's t with (possibly fractional) ``df``:
    P(|T| ≥ |t|) = I_x(df / 2, 1 / 2) with x = df / (df + t²)."""
    if df <= 0:
        raise ValueError("df must be positive")
    return _incomplete_beta(df / (df + t * t), df / 2, 0.5)


def t_quantile(probability: float, df: float) -> float:
    """The ``probability`` quantile (0.5 < p < 1) of Student's t, by bisection on ``t_two_sided``."""
    if not 0.5 < probability < 1:
        raise ValueError("probability must be within 0.5..1")
    tail = 2 * (1 - probability)
    low, high = 0.0, 1.0
    while t_two_sided(high, df) > tail:
        high *= 2
    for _step in range(200):
        middle = (low + high) / 2
        if t_two_sided(middle, df) > tail:
            low = middle
        else:
            high = middle
        if high - low < 1e-12:
            break
    return (low + high) / 2


def _incomplete_beta(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b) (Numerical Recipes §6.4)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(x, a, b) / a
    return 1 - front * _beta_fraction(1 - x, b, a) / b


def _beta_fraction(x: float, a: float, b: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 300):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
            -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return result


def compare(rule: str, before: Histogram, after: Histogram, **params: object) -> Comparison:
    """Compare two histograms scored by the same rule (see ``score``).

    ``after`` − ``before``: positive means the score rose. No verdict when
    either side is below ``min_n``.
    """
    first, second = score(rule, before, **params), score(rule, after, **params)
    test = {"top_box": "two_proportion_z", "binary_share": "two_proportion_z", "nps": "nps_z"}.get(rule, "welch_t")
    if first.suppressed or second.suppressed:
        return Comparison(first, second, None, None, None, None, test)
    if rule in ("top_box", "binary_share"):
        threshold = params.get("threshold", 1) if rule == "top_box" else 1
        hits = [sum(count for value, count in h.items() if value >= threshold) for h in (before, after)]
        result = compare_shares(hits[0], first.n, hits[1], second.n)
    elif rule == "nps":
        result = compare_nps(before, after)
    elif rule == "index":
        low, high = int(params.get("scale_min", 1)), int(params.get("scale_max", 5))
        span = high - low
        rescaled = [merge_histograms({(v - low) * 100 / span: c for v, c in h.items()}) for h in (before, after)]
        result = compare_means(*rescaled)
    else:
        if first.n < 2 or second.n < 2:
            return Comparison(first, second, None, None, None, None, test)
        result = compare_means(before, after)
    difference, low, high, p_value = result
    return Comparison(first, second, difference, low, high, p_value, test)
