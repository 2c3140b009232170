import math
from collections import Counter
from dataclasses import astuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuulo.metrics import scoring
from kuulo.metrics.scoring import (
    MIN_N,
    Score,
    binary_share,
    index,
    mean,
    merge_histograms,
    nps,
    respondent_histogram,
    score,
    sus,
    sus_respondent,
    top_box,
    umux_lite,
    umux_lite_respondent,
    wilson_interval,
)


def histograms(low: int, high: int, min_size: int = 0, max_count: int = 200) -> st.SearchStrategy[dict[int, int]]:
    return st.dictionaries(st.integers(low, high), st.integers(0, max_count)).filter(
        lambda histogram: sum(histogram.values()) >= min_size
    )


def expand(histogram: dict[float, int]) -> list[float]:
    return [value for value, count in histogram.items() for _ in range(count)]


def same_score(first: Score, second: Score) -> bool:
    return all(
        a == b or (isinstance(a, float) and isinstance(b, float) and math.isclose(a, b, abs_tol=1e-9))
        for a, b in zip(astuple(first), astuple(second), strict=True)
    )


def contains(result: Score) -> bool:
    return result.ci_low <= result.value <= result.ci_high


# Worked examples


def test_nps_of_50_promoters_30_passives_20_detractors_is_30() -> None:
    result = nps({10: 25, 9: 25, 8: 15, 7: 15, 6: 10, 0: 10})

    assert result.value == pytest.approx(30)
    assert result.n == 100
    # var = 0.5 + 0.2 − 0.3² = 0.61, se = √(0.61 / 100), margin = 1.96 · se · 100
    assert result.ci_low == pytest.approx(30 - 15.308, abs=0.001)
    assert result.ci_high == pytest.approx(30 + 15.308, abs=0.001)


def test_nps_of_only_promoters_is_100_with_no_spread() -> None:
    result = nps({9: 4, 10: 8})

    assert (result.value, result.ci_low, result.ci_high) == (100, 100, 100)


def test_nps_of_only_detractors_is_minus_100() -> None:
    assert nps({0: 3, 6: 9}).value == -100


def test_nps_interval_is_clipped_to_minus_100() -> None:
    result = nps({0: 10, 10: 1})

    assert result.ci_low == -100
    assert result.ci_high > result.value


def test_wilson_interval_for_8_of_10() -> None:
    low, high = wilson_interval(8, 10)

    assert low == pytest.approx(0.4902, abs=0.0005)
    assert high == pytest.approx(0.9433, abs=0.0005)


def test_wilson_interval_is_exact_at_the_edges() -> None:
    assert wilson_interval(0, 20)[0] == 0
    assert wilson_interval(20, 20)[1] == 1
    assert wilson_interval(0, 20)[1] == pytest.approx(0.1611, abs=0.0005)


def test_wilson_interval_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError):
        wilson_interval(11, 10)
    with pytest.raises(ValueError):
        wilson_interval(0, 0)


def test_csat_is_the_share_of_4_and_5_with_the_mean_alongside() -> None:
    result = top_box({1: 1, 2: 1, 3: 2, 4: 3, 5: 5}, threshold=4)

    assert result.value == pytest.approx(100 * 8 / 12)
    assert result.mean == pytest.approx((1 + 2 + 6 + 12 + 25) / 12)
    low, high = wilson_interval(8, 12)
    assert (result.ci_low, result.ci_high) == pytest.approx((100 * low, 100 * high))


def test_ces_counts_5_to_7_on_the_seven_point_scale() -> None:
    result = top_box({4: 5, 5: 2, 6: 2, 7: 1}, threshold=5)

    assert result.value == pytest.approx(50)


def test_binary_share_is_the_percentage_of_yes() -> None:
    result = binary_share({0: 3, 1: 9})

    assert result.value == pytest.approx(75)
    assert result.mean is None


def test_binary_share_rejects_answers_other_than_0_and_1() -> None:
    with pytest.raises(ValueError):
        binary_share({0: 5, 2: 5})


def test_index_maps_one_to_five_onto_0_25_50_75_100() -> None:
    for answer, expected in [(1, 0), (2, 25), (3, 50), (4, 75), (5, 100)]:
        assert index({answer: 12}).value == expected


def test_index_is_the_mean_of_rescaled_answers() -> None:
    result = index({1: 5, 5: 5})

    assert result.value == 50
    assert 0 <= result.ci_low < 50 < result.ci_high <= 100


def test_index_supports_other_scales() -> None:
    assert index({4: 10}, scale_min=1, scale_max=7).value == pytest.approx(50)


def test_index_rejects_answers_outside_the_scale() -> None:
    with pytest.raises(ValueError):
        index({6: 10})


def test_mean_interval_uses_student_t() -> None:
    # 10 answers, mean 3, sample sd √(20/9); t(9) = 2.262
    result = mean({1: 2, 2: 2, 3: 2, 4: 2, 5: 2})

    assert result.value == 3
    margin = 2.262 * (20 / 9) ** 0.5 / 10**0.5
    assert result.ci_low == pytest.approx(3 - margin, abs=0.001)
    assert result.ci_high == pytest.approx(3 + margin, abs=0.001)


def test_mean_interval_is_clipped_to_the_given_bounds() -> None:
    result = mean({1: 1, 5: 1}, min_n=2, bounds=(1, 5))

    assert (result.ci_low, result.ci_high) == (1, 5)


def test_mean_of_a_single_answer_has_no_interval() -> None:
    result = mean({4: 1}, min_n=1)

    assert (result.value, result.ci_low, result.ci_high) == (4, None, None)


def test_sus_of_all_threes_is_50() -> None:
    assert sus_respondent([3] * 10) == 50


def test_sus_of_the_best_possible_pattern_is_100() -> None:
    assert sus_respondent([5, 1] * 5) == 100


def test_sus_of_the_worst_possible_pattern_is_0() -> None:
    assert sus_respondent([1, 5] * 5) == 0


def test_sus_of_a_mixed_response_follows_brookes_scoring() -> None:
    # odd items 4,5,4,4,3 → 3+4+3+3+2 = 15; even items 2,1,2,3,2 → 3+4+3+2+3 = 15; 30 × 2.5
    assert sus_respondent([4, 2, 5, 1, 4, 2, 4, 3, 3, 2]) == 75


def test_sus_rejects_a_response_without_ten_items() -> None:
    with pytest.raises(ValueError):
        sus_respondent([3] * 9)


def test_sus_rejects_answers_outside_1_to_5() -> None:
    with pytest.raises(ValueError):
        sus_respondent([3] * 9 + [6])


def test_sus_score_is_the_mean_of_respondents() -> None:
    result = sus([[3] * 10] * 6 + [[5, 1] * 5] * 6)

    assert result.value == 75
    assert result.n == 12
    assert 50 < result.ci_low < 75 < result.ci_high <= 100


@pytest.mark.parametrize(("pair", "expected"), [((7, 7), 100), ((1, 1), 0), ((4, 4), 50), ((7, 1), 50)])
def test_umux_lite_worked_examples(pair: tuple[int, int], expected: float) -> None:
    assert umux_lite_respondent(*pair) == expected


def test_umux_lite_rejects_answers_outside_1_to_7() -> None:
    with pytest.raises(ValueError):
        umux_lite_respondent(0, 4)


def test_umux_lite_score_is_the_mean_of_respondents() -> None:
    result = umux_lite([(7, 7)] * 5 + [(4, 4)] * 5)

    assert result.value == 75
    assert result.ci_high <= 100


def test_respondent_histogram_keys_are_rounded_to_two_decimals() -> None:
    assert respondent_histogram([umux_lite_respondent(2, 1), umux_lite_respondent(1, 2)]) == {8.33: 2}


def test_umux_lite_histogram_rolls_up_like_any_other() -> None:
    monday = respondent_histogram(umux_lite_respondent(a, b) for a, b in [(7, 6)] * 6)
    tuesday = respondent_histogram(umux_lite_respondent(a, b) for a, b in [(3, 5)] * 6)

    rolled_up = score("umux_lite", merge_histograms(monday, tuesday))

    assert same_score(rolled_up, umux_lite([(7, 6)] * 6 + [(3, 5)] * 6))


# Suppression


def test_scores_below_the_minimum_n_are_suppressed_but_keep_n() -> None:
    result = top_box({5: MIN_N - 1}, threshold=4)

    assert result == Score(value=None, n=MIN_N - 1, ci_low=None, ci_high=None, suppressed=True)


def test_scores_at_the_minimum_n_are_shown() -> None:
    result = top_box({5: MIN_N}, threshold=4)

    assert not result.suppressed
    assert result.value == 100


def test_the_minimum_n_can_be_lowered() -> None:
    assert nps({10: 3}, min_n=3).value == 100


def test_an_empty_histogram_is_suppressed_even_with_min_n_zero() -> None:
    assert nps({}, min_n=0).suppressed


@pytest.mark.parametrize("rule", ["top_box", "nps", "mean", "binary_share", "index", "umux_lite", "sus"])
def test_every_rule_suppresses_small_groups(rule: str) -> None:
    params = {"threshold": 1} if rule == "top_box" else {}

    result = score(rule, {1: 9}, **params)

    assert result.suppressed
    assert result.value is None
    assert result.n == 9


# Histograms and dispatch


def test_merging_histograms_sums_counts() -> None:
    assert merge_histograms({1: 2, 5: 1}, {5: 3, 3: 1}, {}) == {1: 2, 3: 1, 5: 4}


def test_negative_counts_are_rejected() -> None:
    with pytest.raises(ValueError):
        merge_histograms({1: -1})
    with pytest.raises(ValueError):
        nps({10: 20, 0: -1})


def test_score_dispatches_by_rule_name() -> None:
    histogram = {1: 3, 4: 4, 5: 5}

    assert score("top_box", histogram, threshold=4) == top_box(histogram, threshold=4)
    assert score("index", histogram) == index(histogram)
    assert score("mean", histogram, min_n=5) == mean(histogram, min_n=5)
    assert score("nps", histogram) == nps(histogram)
    assert score("binary_share", {0: 4, 1: 8}) == binary_share({0: 4, 1: 8})


def test_score_rejects_an_unknown_rule() -> None:
    with pytest.raises(ValueError, match="unknown scoring rule"):
        score("median", {1: 20})


def test_every_rule_name_in_the_design_is_registered() -> None:
    assert set(scoring.RULES) == {"top_box", "nps", "mean", "binary_share", "umux_lite", "sus", "index"}


# Properties


@given(histograms(1, 5), st.integers(1, 5))
def test_top_box_share_stays_within_0_and_100(histogram: dict[int, int], threshold: int) -> None:
    result = top_box(histogram, threshold=threshold, min_n=1)

    if not result.suppressed:
        assert 0 <= result.ci_low <= result.value <= result.ci_high <= 100


@given(histograms(0, 10))
def test_nps_stays_within_minus_100_and_100(histogram: dict[int, int]) -> None:
    result = nps(histogram, min_n=1)

    if not result.suppressed:
        assert -100 <= result.ci_low <= result.value <= result.ci_high <= 100


@given(st.integers(1, 10_000), st.data())
def test_wilson_interval_contains_the_share(n: int, data: st.DataObject) -> None:
    successes = data.draw(st.integers(0, n))

    low, high = wilson_interval(successes, n)

    assert 0 <= low <= successes / n <= high <= 1


@given(histograms(1, 5, min_size=1), st.integers(1, 5))
def test_every_interval_contains_its_point_estimate(histogram: dict[int, int], threshold: int) -> None:
    for result in [
        top_box(histogram, threshold=threshold, min_n=1),
        nps(histogram, min_n=1),
        index(histogram, min_n=2) if sum(histogram.values()) >= 2 else None,
        mean(histogram, min_n=2, bounds=(1, 5)) if sum(histogram.values()) >= 2 else None,
    ]:
        if result is not None:
            assert contains(result)


@given(st.lists(st.lists(st.integers(1, 5), min_size=10, max_size=10), min_size=2, max_size=40))
def test_sus_stays_within_0_and_100_and_its_interval_contains_it(responses: list[list[int]]) -> None:
    result = sus(responses, min_n=2)

    assert 0 <= result.ci_low <= result.value <= result.ci_high <= 100


@given(st.lists(st.tuples(st.integers(1, 7), st.integers(1, 7)), min_size=2, max_size=40))
def test_umux_lite_stays_within_0_and_100_and_its_interval_contains_it(pairs: list[tuple[int, int]]) -> None:
    result = umux_lite(pairs, min_n=2)

    assert 0 <= result.ci_low <= result.value <= result.ci_high <= 100


@given(histograms(1, 5, min_size=1), st.integers(1, 5), st.integers(2, 10))
def test_more_answers_in_the_same_proportions_narrow_the_share_interval(
    histogram: dict[int, int], threshold: int, factor: int
) -> None:
    small = top_box(histogram, threshold=threshold, min_n=1)
    large = top_box({value: count * factor for value, count in histogram.items()}, threshold=threshold, min_n=1)

    assert large.value == pytest.approx(small.value)
    assert large.ci_high - large.ci_low < small.ci_high - small.ci_low


@given(histograms(0, 10, min_size=1), st.integers(2, 10))
def test_more_answers_in_the_same_proportions_narrow_the_nps_interval(histogram: dict[int, int], factor: int) -> None:
    small = nps(histogram, min_n=1)
    large = nps({value: count * factor for value, count in histogram.items()}, min_n=1)

    assert large.ci_high - large.ci_low <= small.ci_high - small.ci_low
    clipped = small.ci_low == -100 or small.ci_high == 100
    if small.ci_high > small.ci_low and not clipped:
        assert large.ci_high - large.ci_low < small.ci_high - small.ci_low


@given(histograms(1, 5, min_size=2), st.integers(2, 10))
def test_more_answers_in_the_same_proportions_narrow_the_mean_interval(histogram: dict[int, int], factor: int) -> None:
    small = mean(histogram, min_n=2)
    large = mean({value: count * factor for value, count in histogram.items()}, min_n=2)

    if small.ci_high > small.ci_low:
        assert large.ci_high - large.ci_low < small.ci_high - small.ci_low
    else:
        assert large.ci_high == large.ci_low


@given(histograms(1, 5), st.integers(1, 30))
def test_scores_are_suppressed_exactly_below_the_minimum_n(histogram: dict[int, int], min_n: int) -> None:
    n = sum(histogram.values())

    for rule, params in [("top_box", {"threshold": 4}), ("nps", {}), ("index", {}), ("mean", {})]:
        result = score(rule, histogram, min_n=min_n, **params)

        assert result.n == n
        assert result.suppressed == (n < min_n or n == 0)
        assert (result.value is None) == result.suppressed


@given(st.lists(histograms(0, 10, max_count=30), min_size=1, max_size=7))
def test_scoring_merged_histograms_equals_scoring_all_answers_at_once(days: list[dict[int, int]]) -> None:
    answers = [answer for day in days for answer in expand(day)]
    merged = merge_histograms(*days)

    assert merged == {value: count for value, count in Counter(answers).items() if count}
    for rule, params in [("top_box", {"threshold": 9}), ("nps", {}), ("mean", {})]:
        assert same_score(score(rule, merged, **params), score(rule, dict(Counter(answers)), **params))
