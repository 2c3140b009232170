"""The one chart mechanism of Kuulo: SVG drawn on the server, no JavaScript.

Functions here turn figures into plain data structures (coordinates, path
strings, the sentence that states the main finding, the rows of the data
table); the templates _chart_line.html and _chart_bars.html draw them. Every
chart therefore has a text alternative and a table of the same numbers.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kuulo.lib.templatetags.figures import format_number, format_percent

WIDTH = 640
WIDE = 960  # a trend that has the page's width to itself (the service dashboard)
HEIGHT = 240
LEFT = 48  # room for the y-axis labels
RIGHT = 16
TARGET_RIGHT = 72  # room right of the plot for the target's label, where no marker can reach it
SPARK_WIDTH = 160
SPARK_HEIGHT = 40
TOP = 12
BOTTOM = 32  # room for the x-axis labels
BAR_ROW = 28
BAR_WIDTH = 420  # bar charts sit two to a row: a narrower canvas keeps their text at its real size
BAR_LABEL = 160


class Score(Protocol):
    """What a chart reads of a score (kuulo.metrics.scoring.Score has it)."""

    value: float | None
    ci_low: float | None
    ci_high: float | None
    n: int
    suppressed: bool


@dataclass(frozen=True)
class TrendPoint:
    label: str  # "March 2026", "Week 12, 2026"
    score: Score


@dataclass
class LineChart:
    title: str
    summary: str
    width: int
    height: int
    line: str  # SVG path; "M" starts a new segment after a hidden point
    band: str  # SVG path of the 95 % interval, one closed polygon per segment
    dots: list[dict]  # {"x", "y", "text"} for shown points
    target_y: float | None
    target_text: str  # "Target 85 %": the summary and the tooltip
    target_word: str  # "Target" and "85 %", the label's two lines right of the plot
    target_level: str
    y_ticks: list[dict]  # {"y", "text"}
    x_ticks: list[dict]  # {"x", "text"}
    rows: list[dict]  # {"label", "value", "interval", "n", "hidden"}; "done" [text] once markers are added
    plot: dict = field(default_factory=dict)  # left, right, top, bottom
    markers: list[dict] = field(default_factory=list)  # {"x", "text"}: events such as done backlog items


@dataclass
class BarChart:
    title: str
    summary: str
    width: int
    height: int
    bars: list[dict]  # {"y", "width", "label", "text", "hidden"}
    rows: list[dict]  # {"label", "text", "n", "hidden"}
    label_width: int = BAR_LABEL


def line_chart(
    title: str,
    points: list[TrendPoint],
    bounds: tuple[float, float],
    formatted: Callable[[float], str],
    target: float | None = None,
    width: int = WIDTH,
) -> LineChart:
    """Score over time: the line, the 95 % band, the target as a dashed line.

    Suppressed points are left out and break the line, so a gap shows that
    there were too few answers rather than drawing a line through them. The
    target's label stands right of the plot, so the done-item markers, which
    stay inside it, never run into it."""
    low, high = bounds
    scale = width / WIDTH  # a wide chart keeps room for labels drawn larger on a narrow screen
    left = round(LEFT * scale)
    right = width - round((TARGET_RIGHT if target is not None else RIGHT) * scale)
    bottom = HEIGHT - BOTTOM
    step = (right - left) / max(len(points) - 1, 1)

    def x_of(index: int) -> float:
        return round(left + index * step if len(points) > 1 else (left + right) / 2, 1)

    def y_of(value: float) -> float:
        clamped = min(max(value, low), high)
        return round(bottom - (clamped - low) / (high - low) * (bottom - TOP), 1)

    segments: list[list[int]] = [[]]
    for index, point in enumerate(points):
        if point.score.suppressed:
            if segments[-1]:
                segments.append([])
        else:
            segments[-1].append(index)
    segments = [segment for segment in segments if segment]

    line_parts, band_parts = [], []
    for segment in segments:
        line_parts.append(
            " ".join(
                f"{'M' if i == 0 else 'L'}{x_of(index)},{y_of(points[index].score.value)}"
                for i, index in enumerate(segment)
            )
        )
        upper = [f"{x_of(index)},{y_of(points[index].score.ci_high)}" for index in segment]
        lower = [f"{x_of(index)},{y_of(points[index].score.ci_low)}" for index in reversed(segment)]
        if len(segment) == 1:  # a lone point gets a narrow band so it still shows
            x = x_of(segment[0])
            top, foot = y_of(points[segment[0]].score.ci_high), y_of(points[segment[0]].score.ci_low)
            band_parts.append(f"M{x - 4},{top} L{x + 4},{top} L{x + 4},{foot} L{x - 4},{foot} Z")
        else:
            band_parts.append("M" + " L".join(upper + lower) + " Z")

    dots = [
        {"x": x_of(index), "y": y_of(point.score.value), "text": f"{point.label}: {formatted(point.score.value)}"}
        for index, point in enumerate(points)
        if not point.score.suppressed
    ]
    every = max(1, -(-len(points) // 6))  # at most 6 labels on the x axis, so they do not overlap
    x_ticks = [{"x": x_of(index), "text": point.label} for index, point in enumerate(points) if index % every == 0]
    y_ticks = [
        {"y": y_of(low + (high - low) * share), "text": formatted(low + (high - low) * share)} for share in (0, 0.5, 1)
    ]
    rows = [
        {
            "label": point.label,
            "value": "" if point.score.suppressed else formatted(point.score.value),
            "interval": ""
            if point.score.suppressed
            else f"{formatted(point.score.ci_low)} – {formatted(point.score.ci_high)}",
            "n": point.score.n,
            "hidden": point.score.suppressed,
        }
        for point in points
    ]
    return LineChart(
        title=title,
        summary=trend_summary(title, points, formatted, target),
        width=width,
        height=HEIGHT,
        line=" ".join(line_parts),
        band=" ".join(band_parts),
        dots=dots,
        target_y=None if target is None else y_of(target),
        target_text="" if target is None else _("Target %(level)s") % {"level": formatted(target)},
        target_word="" if target is None else pgettext("chart label", "Target"),
        target_level="" if target is None else formatted(target),
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        rows=rows,
        plot={"left": left, "right": right, "top": TOP, "bottom": bottom},
    )


@dataclass
class Sparkline:
    """A small trend without axes, beside a figure that states it in words (so it is decorative)."""

    width: int
    height: int
    line: str  # SVG path; "M" starts a new segment after a hidden point
    last: dict | None  # {"x", "y"} of the latest shown point
    target_y: float | None


def sparkline(scores: list[Score], bounds: tuple[float, float], target: float | None = None) -> Sparkline:
    """The scores as a line; hidden ones break it, as on the full trend.

    The vertical range is the scores' own (and the target's), at least a tenth
    of the scale, so that a change of a few points still shows."""
    shown = [score.value for score in scores if not score.suppressed]
    span = (bounds[1] - bounds[0]) / 10
    values = shown + ([target] if target is not None else [])
    low = min(values, default=bounds[0])
    high = max(max(values, default=bounds[1]), low + span)
    pad = 3
    step = (SPARK_WIDTH - 2 * pad) / max(len(scores) - 1, 1)

    def y_of(value: float) -> float:
        return round(SPARK_HEIGHT - pad - (value - low) / (high - low) * (SPARK_HEIGHT - 2 * pad), 1)

    parts, last, pen_down = [], None, False
    for index, score in enumerate(scores):
        if score.suppressed:
            pen_down = False
            continue
        last = {"x": round(pad + index * step, 1), "y": y_of(score.value)}
        parts.append(f"{'L' if pen_down else 'M'}{last['x']},{last['y']}")
        pen_down = True
    return Sparkline(SPARK_WIDTH, SPARK_HEIGHT, " ".join(parts), last, None if target is None else y_of(target))


def add_markers(chart: LineChart, marks: list[tuple[float, str]]) -> None:
    """Vertical lines at events on the timeline, e.g. done backlog items.

    `marks`: (position, text), the position in points (0 is the first point,
    1.5 halfway between the second and the third). The template lists the
    marks under the summary (the SVG is labelled by both) and each joins the
    data table row of the period it falls in."""
    if not marks:
        return
    count = len(chart.rows)
    left, right = chart.plot["left"], chart.plot["right"]
    step = (right - left) / max(count - 1, 1)
    for position, text in sorted(marks):
        position = min(max(position, 0), max(count - 1, 0))
        x = round(left + position * step if count > 1 else (left + right) / 2, 1)
        # a number near the right edge stands left of its line, clear of the target's label
        chart.markers.append({"x": x, "text": text, "label_left": x > right - 24})
        if count:
            chart.rows[int(position)].setdefault("done", []).append(text)


def trend_summary(title: str, points: list[TrendPoint], formatted: Callable, target: float | None) -> str:
    """The main finding in words, e.g. "CSAT rose from 68 % to 84 % between March 2026 and November 2026."."""
    shown = [point for point in points if not point.score.suppressed]
    if not shown:
        sentence = _("%(title)s: too few answers in every period to show a score.") % {"title": title}
    elif len(shown) == 1:
        sentence = _("%(title)s was %(value)s in %(when)s; the other periods had too few answers.") % {
            "title": title,
            "value": formatted(shown[0].score.value),
            "when": shown[0].label,
        }
    else:
        first, last = shown[0], shown[-1]
        values = {
            "title": title,
            "first": formatted(first.score.value),
            "last": formatted(last.score.value),
            "start": first.label,
            "end": last.label,
        }
        if formatted(first.score.value) == formatted(last.score.value):
            sentence = _("%(title)s stayed at %(last)s between %(start)s and %(end)s.") % values
        elif last.score.value > first.score.value:
            sentence = _("%(title)s rose from %(first)s to %(last)s between %(start)s and %(end)s.") % values
        else:
            sentence = _("%(title)s fell from %(first)s to %(last)s between %(start)s and %(end)s.") % values
    if target is not None:
        sentence += " " + _("The target is %(level)s.") % {"level": formatted(target)}
    return sentence


def bar_chart(title: str, items: list[tuple[str, float | None, str, int]], high: float, summary: str) -> BarChart:
    """Horizontal bars. `items`: (label, value or None when hidden, value as text, n)."""
    plot = BAR_WIDTH - BAR_LABEL - RIGHT - 80  # room for the value after the bar
    bars = []
    for index, (label, value, text, _n) in enumerate(items):
        width = 0 if value is None or high <= 0 else round(max(value, 0) / high * plot, 1)
        bars.append(
            {
                "y": index * BAR_ROW,
                "width": width,
                "text_x": BAR_LABEL + width + 6,
                "label": label,
                "text": text,
                "hidden": value is None,
            }
        )
    rows = [{"label": label, "text": text, "n": n, "hidden": value is None} for label, value, text, n in items]
    return BarChart(title, summary, BAR_WIDTH, max(len(items), 1) * BAR_ROW, bars, rows)


def distribution_chart(title: str, histogram: dict[int, int], labels: dict[int, str], scale) -> BarChart:
    """How many answered each value of the scale, with the metric's own labels."""
    total = sum(histogram.values())
    items = []
    for value in scale:
        count = histogram.get(value, 0)
        label = f"{value} {labels[value]}" if value in labels else str(value)
        share = count * 100 / total if total else 0
        items.append((label, count, f"{format_number(count)} ({format_percent(share)})", count))
    if total:
        commonest = max(scale, key=lambda value: histogram.get(value, 0))
        summary = _("%(title)s: %(total)s answers; the most common answer was %(value)s.") % {
            "title": title,
            "total": format_number(total),
            "value": f"{commonest} {labels.get(commonest, '')}".strip(),
        }
    else:
        summary = _("%(title)s: no answers in this period.") % {"title": title}
    return bar_chart(title, items, max([count for _label, count, _t, _n in items] + [1]), summary)


def breakdown_chart(
    title: str, scores: list[tuple[str, Score]], bounds: tuple[float, float], formatted: Callable
) -> BarChart:
    """The score per group; groups with too few answers get no bar and say so."""
    low, high = bounds
    items = []
    for label, score in scores:
        if score.suppressed:
            items.append((label, None, _("too few answers (%(n)s)") % {"n": format_number(score.n)}, score.n))
        else:
            items.append((label, score.value - low, formatted(score.value), score.n))
    shown = [(label, score) for label, score in scores if not score.suppressed]
    if not shown:
        summary = _("%(title)s: every group had too few answers to show a score.") % {"title": title}
    else:
        best = max(shown, key=lambda pair: pair[1].value)
        worst = min(shown, key=lambda pair: pair[1].value)
        summary = _("%(title)s: highest %(best)s (%(best_value)s), lowest %(worst)s (%(worst_value)s).") % {
            "title": title,
            "best": best[0],
            "best_value": formatted(best[1].value),
            "worst": worst[0],
            "worst_value": formatted(worst[1].value),
        }
    return bar_chart(title, items, high - low, summary)
