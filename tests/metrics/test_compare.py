"""Comparing two periods: worked examples checked by hand, and properties
checked against SciPy (a pinned dependency, used here only as the oracle)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from kuulo.metrics.models import Metric
from kuulo.metrics.scoring import MIN_N, compare, compare_means, compare_shares, t_quantile, t_two_sided


def histograms(low: int, high: int, min_size: int = MIN_N, max_count: int = 200):
    return st.dictionaries(st.integers(low, high), st.integers(0, max_count), min_size=2).filter(
        lambda histogram: sum(histogram.values()) >= min_size and sum(1 for c in histogram.values() if c) >= 2
    )


def expand(histogram: dict) -> np.ndarray:
    return np.repeat(list(histogram), list(histogram.values())).astype(float)


# Worked examples


def test_top_box_rising_from_45_to_60_percent_of_100_is_significant() -> None:
    # pooled share 0.525, se = √(0.525 · 0.475 · 2 / 100) = 0.07062, z = 0.15 / 0.07062 = 2.124
    result = compare("top_box", {3: 55, 4: 45}, {3: 40, 4: 60}, threshold=4)

    assert result.difference == pytest.approx(15)
    assert result.p_value == pytest.approx(0.0337, abs=0.0001)
    assert result.significant
    assert result.test == "two_proportion_z"
    # unpooled se = √(0.45 · 0.55 / 100 + 0.6 · 0.4 / 100) = 0.06982, 1.96 · se = 13.68 points
    assert result.ci_low == pytest.approx(15 - 13.685, abs=0.001)
    assert result.ci_high == pytest.approx(15 + 13.685, abs=0.001)


def test_top_box_rising_from_45_to_55_percent_of_100_is_not_significant() -> None:
    result = compare("top_box", {3: 55, 4: 45}, {3: 45, 4: 55}, threshold=4)

    assert result.difference == pytest.approx(10)
    assert result.p_value == pytest.approx(0.157, abs=0.001)
    assert not result.significant
    assert result.ci_low < 0 < result.ci_high


def test_nps_from_10_to_30_with_100_answers_each() -> None:
    # before: 40 % promoters, 30 % detractors → 10, var = 0.7 − 0.01 = 0.69
    # after: 50 % promoters, 20 % detractors → 30, var = 0.7 − 0.09 = 0.61
    # se = √((0.69 + 0.61) / 100) = 0.11402, z = 0.2 / 0.11402 = 1.754, p = 0.0794
    before = {10: 40, 8: 30, 3: 30}
    after = {9: 50, 7: 30, 0: 20}

    result = compare("nps", before, after)

    assert result.difference == pytest.approx(20)
    assert result.p_value == pytest.approx(0.0794, abs=0.0001)
    assert not result.significant
    assert result.ci_low == pytest.approx(20 - 1.96 * 11.402, abs=0.01)


def test_welch_matches_the_textbook_for_two_small_samples() -> None:
    # mean 3, sd √2.5 (n 5) vs mean 6, sd √2.5 (n 5): t = 3, df = 8, p = 0.01707
    result = compare_means({1: 1, 2: 1, 3: 1, 4: 1, 5: 1}, {4: 1, 5: 1, 6: 1, 7: 1, 8: 1})

    difference, low, high, p_value = result
    assert difference == 3
    assert p_value == pytest.approx(0.01707, abs=0.00001)
    assert low == pytest.approx(3 - 2.306 * 1, abs=0.001)
    assert high == pytest.approx(3 + 2.306 * 1, abs=0.001)


def test_t_quantile_and_tail_match_tables() -> None:
    assert t_quantile(0.975, 1) == pytest.approx(12.7062, abs=0.0001)
    assert t_quantile(0.975, 10) == pytest.approx(2.2281, abs=0.0001)
    assert t_quantile(0.975, 1e6) == pytest.approx(1.95996, abs=0.0001)
    assert t_two_sided(0, 5) == pytest.approx(1)
    assert t_two_sided(2.2281, 10) == pytest.approx(0.05, abs=0.0001)


def test_no_verdict_below_the_minimum_n_on_either_side() -> None:
    small, large = {4: 5, 5: 4}, {4: 50, 5: 50}

    for before, after in ((small, large), (large, small)):
        result = compare("top_box", before, after, threshold=4)
        assert result.suppressed
        assert result.difference is None and result.p_value is None
        assert not result.significant
        assert {result.before.n, result.after.n} == {9, 100}


def test_identical_periods_differ_by_nothing() -> None:
    histogram = {1: 4, 3: 10, 5: 20}

    for rule, params in (("top_box", {"threshold": 4}), ("mean", {}), ("index", {"scale_min": 1, "scale_max": 5})):
        result = compare(rule, histogram, histogram, **params)
        assert result.difference == pytest.approx(0)
        assert result.p_value == pytest.approx(1)


def test_answers_without_spread_give_a_certain_verdict() -> None:
    assert compare("mean", {5: 20}, {5: 30}).p_value == 1
    assert compare("mean", {4: 20}, {5: 30}).p_value == 0
    assert compare("top_box", {5: 20}, {5: 30}, threshold=4).p_value == 1


def test_index_compares_on_the_0_to_100_scale() -> None:
    result = compare("index", {1: 10, 5: 10}, {5: 20}, scale_min=1, scale_max=5)

    assert result.before.value == pytest.approx(50)
    assert result.difference == pytest.approx(50)
    assert result.test == "welch_t"


def test_metric_compare_maps_umux_lite_sums_to_scores(db) -> None:
    metric = Metric.objects.get(code="umux_lite", version=1)
    # rollup value = sum of the two items (2..14): 8 → 50, 14 → 100
    result = metric.compare({8: 20}, {14: 10, 8: 10})

    assert result.before.value == pytest.approx(50)
    assert result.after.value == pytest.approx(75)
    assert result.difference == pytest.approx(25)


def test_metric_compare_uses_the_csat_threshold(db) -> None:
    metric = Metric.objects.get(code="csat", version=1)

    result = metric.compare({3: 55, 4: 45}, {3: 40, 5: 60})

    assert result.difference == pytest.approx(15)
    assert result.significant


# Properties


@settings(max_examples=60, deadline=None)
@given(histograms(1, 5), histograms(1, 5))
def test_welch_agrees_with_scipy(before: dict, after: dict) -> None:
    difference, low, high, p_value = compare_means(before, after)
    a, b = expand(before), expand(after)
    if a.std() == 0 and b.std() == 0:
        return
    reference = stats.ttest_ind(b, a, equal_var=False)
    interval = reference.confidence_interval()

    assert difference == pytest.approx(b.mean() - a.mean(), abs=1e-9)
    assert p_value == pytest.approx(reference.pvalue, abs=1e-6)
    assert low == pytest.approx(interval.low, abs=1e-6)
    assert high == pytest.approx(interval.high, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 500), st.integers(1, 500), st.data())
def test_two_proportion_z_agrees_with_the_chi_square_test(n1: int, n2: int, data) -> None:
    hits1, hits2 = data.draw(st.integers(0, n1)), data.draw(st.integers(0, n2))
    difference, low, high, p_value = compare_shares(hits1, n1, hits2, n2)
    table = [[hits1, n1 - hits1], [hits2, n2 - hits2]]

    assert 0 <= p_value <= 1
    assert low <= difference <= high
    if 0 < hits1 + hits2 < n1 + n2:
        # the pooled z-test is the 2×2 chi-square test without continuity correction
        reference = stats.chi2_contingency(table, correction=False).pvalue
        assert p_value == pytest.approx(reference, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(histograms(0, 10), histograms(0, 10))
def test_nps_difference_is_the_difference_of_the_scores_and_agrees_with_its_interval(before, after) -> None:
    result = compare("nps", before, after)
    a, b = compare("nps", before, before).before, compare("nps", after, after).before

    assert result.difference == pytest.approx(b.value - a.value)
    assert 0 <= result.p_value <= 1
    assert result.ci_low <= result.difference <= result.ci_high
    # a z-test and a 1.96 · se interval decide alike, away from the edge
    if abs(abs(result.p_value) - 0.05) > 1e-6:
        excludes_zero = result.ci_low > 0 or result.ci_high < 0
        assert excludes_zero == result.significant


@settings(max_examples=60, deadline=None)
@given(histograms(1, 7), histograms(1, 7), st.sampled_from(["top_box", "mean", "index", "nps"]))
def test_swapping_the_periods_negates_the_difference_and_keeps_p(before, after, rule) -> None:
    params = {"threshold": 5} if rule == "top_box" else {"scale_min": 1, "scale_max": 7} if rule == "index" else {}
    forward, backward = compare(rule, before, after, **params), compare(rule, after, before, **params)

    assert forward.difference == pytest.approx(-backward.difference, abs=1e-9)
    assert forward.p_value == pytest.approx(backward.p_value, abs=1e-9)
    assert math.isclose(forward.ci_low, -backward.ci_high, abs_tol=1e-9)


@settings(max_examples=40, deadline=None)
@given(histograms(1, 5, min_size=0, max_count=12), histograms(1, 5, min_size=0, max_count=12))
def test_a_verdict_only_with_enough_answers_on_both_sides(before, after) -> None:
    result = compare("top_box", before, after, threshold=4)
    enough = sum(before.values()) >= MIN_N and sum(after.values()) >= MIN_N

    assert result.suppressed is not enough
    assert result.significant is False or enough
