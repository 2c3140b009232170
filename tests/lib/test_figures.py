"""Numbers and percentages on pages: one formatting per language, rounding half away from zero."""

import pytest
from django.template import Context, Template
from django.utils.translation import override

from kuulo.lib.rounding import round_half_up
from kuulo.lib.templatetags.figures import figure, format_number, format_percent, level, signed
from kuulo.metrics.models import Metric

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "digits", "rounded"),
    [(62.5, 0, 63), (61.5, 0, 62), (-2.5, 0, -3), (0.125, 2, 0.13), (2.675, 2, 2.68), (4.25, 1, 4.3), (None, 0, None)],
)
def test_halves_round_away_from_zero(value, digits, rounded):
    assert round_half_up(value, digits) == rounded


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", f"71{NBSP}659"), ("sv", f"71{NBSP}659"), ("en", "71,659")],
)
def test_thousands_are_grouped_the_way_each_language_writes_them(language, expected):
    with override(language):
        assert format_number(71659) == expected


@pytest.mark.parametrize(("language", "expected"), [("fi", "4,3"), ("sv", "4,3"), ("en", "4.3")])
def test_decimals_use_the_languages_separator_and_round_half_up(language, expected):
    with override(language):
        assert format_number(4.25, 1) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", f"63{NBSP}%"), ("sv", f"63{NBSP}%"), ("en", "63%")],
)
def test_a_percentage_has_a_no_break_space_in_finnish_and_swedish_only(language, expected):
    with override(language):
        assert format_percent(62.5) == expected


@pytest.mark.parametrize(("language", "expected"), [("fi", f"12,5{NBSP}%"), ("en", "12.5%")])
def test_a_percentage_can_keep_a_decimal(language, expected):
    with override(language):
        assert format_percent(12.46, 1) == expected


def test_a_missing_number_is_a_dash():
    assert format_number(None) == "–"
    assert format_percent(None) == "–"


def _metric(rule: str, **fields) -> Metric:
    return Metric(code="x", rule=rule, scale_min=1, scale_max=5, **fields)


@pytest.mark.parametrize(
    ("rule", "value", "fi", "en"),
    [
        ("top_box", 84.5, f"85{NBSP}%", "85%"),
        ("binary_share", 0.5, f"1{NBSP}%", "1%"),
        ("nps", 31.5, "+32", "+32"),
        ("nps", -4.5, "−5", "−5"),
        ("nps", 0.2, "0", "0"),
        ("mean", 4.25, "4,3", "4.3"),
        ("umux_lite", 70.5, "71", "71"),
    ],
)
def test_a_score_reads_as_its_metric_is_read(rule, value, fi, en):
    metric = _metric(rule)
    with override("fi"):
        assert figure(value, metric) == fi
    with override("en"):
        assert figure(value, metric) == en


@pytest.mark.parametrize(
    ("rule", "value", "fi", "en"),
    [("top_box", 75, f"75{NBSP}%", "75%"), ("top_box", 72.5, f"72,5{NBSP}%", "72.5%"), ("mean", 4, "4,0", "4.0")],
)
def test_a_target_level_keeps_its_decimal_only_when_it_has_one(rule, value, fi, en):
    metric = _metric(rule)
    with override("fi"):
        assert level(value, metric) == fi
    with override("en"):
        assert level(value, metric) == en


@pytest.mark.parametrize(
    ("value", "digits", "expected"), [(3.45, 1, "+3,5"), (-2.0, 1, "−2,0"), (0.04, 1, "±0,0"), (-8.5, 0, "−9")]
)
def test_a_change_carries_its_sign(value, digits, expected):
    with override("fi"):
        assert signed(value, digits) == expected


def test_templates_format_through_the_filters():
    template = Template("{% load figures %}{{ n|number }} · {{ share|percent }} · {{ mean|number:1 }}")
    with override("sv"):
        assert template.render(Context({"n": 1234567, "share": 62.5, "mean": 3.05})) == (
            f"1{NBSP}234{NBSP}567 · 63{NBSP}% · 3,1"
        )
    with override("en"):
        assert template.render(Context({"n": 1234567, "share": 62.5, "mean": 3.05})) == "1,234,567 · 63% · 3.1"
