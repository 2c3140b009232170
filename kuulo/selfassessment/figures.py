"""The radar and the trend of self-assessment results, drawn as kuulo.lib.charts draws every
chart: plain data for an SVG template, a sentence that states the finding, and the rows of
a table with the same numbers. The trend reuses lib.charts.line_chart; the radar, which
only self-assessment has, is drawn here in the same manner."""

import math
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kuulo.lib.charts import TrendPoint, line_chart
from kuulo.lib.templatetags.figures import format_number
from kuulo.selfassessment import results as figures_of

SIZE = 420
CENTRE = SIZE / 2
RADIUS = 140
STYLES = ["radar__shape--latest", "radar__shape--earlier", "radar__shape--earliest"]


@dataclass(frozen=True)
class Share:
    """A round's overall result as a lib.charts Score: a share of the scale, no interval."""

    value: float | None
    n: int

    @property
    def ci_low(self):
        return self.value

    @property
    def ci_high(self):
        return self.value

    @property
    def suppressed(self) -> bool:
        return self.value is None


def percent(value: float) -> str:
    return f"{format_number(round(value * 100))} %"


def _point(index: int, count: int, share: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return round(CENTRE + RADIUS * share * math.cos(angle), 1), round(CENTRE + RADIUS * share * math.sin(angle), 1)


def radar(title: str, rounds: list) -> dict:
    """`rounds`: [(round, [CriterionResult])], newest first, at most three shown."""
    rounds = rounds[:3]
    criteria = [result.criterion for result in rounds[0][1]] if rounds else []
    count = max(len(criteria), 3)
    axes = []
    for index, criterion in enumerate(criteria):
        x, y = _point(index, count, 1)
        lx, ly = _point(index, count, 1.12)
        anchor = "middle" if abs(lx - CENTRE) < 10 else ("start" if lx > CENTRE else "end")
        axes.append({"x": x, "y": y, "label_x": lx, "label_y": ly, "anchor": anchor, "text": criterion.code})
    rings = [
        {"points": " ".join("%s,%s" % _point(index, count, share) for index in range(count)), "text": percent(share)}
        for share in (0.25, 0.5, 0.75, 1)
    ]
    shapes = []
    for position, (round_, results) in enumerate(rounds):
        points = [_point(index, count, result.share or 0) for index, result in enumerate(results)]
        shapes.append(
            {
                "points": " ".join(f"{x},{y}" for x, y in points),
                "dots": [
                    {
                        "x": x,
                        "y": y,
                        "text": f"{result.criterion.code} {result.criterion.name}: "
                        + (percent(result.share) if result.share is not None else _("not agreed")),
                    }
                    for (x, y), result in zip(points, results, strict=True)
                ],
                "style": STYLES[position],
                "label": f"{round_.title} ({date_format(round_.assessed_on)})",
            }
        )
    rows = [
        {
            "code": criterion.code,
            "name": criterion.name,
            "values": [
                "–"
                if results[index].share is None
                else f"{format_number(results[index].agreed_mean)} ({percent(results[index].share)})"
                for _round, results in rounds
            ],
        }
        for index, criterion in enumerate(criteria)
    ]
    return {
        "title": title,
        "size": SIZE,
        "centre": CENTRE,
        "axes": axes,
        "rings": rings,
        "shapes": shapes,
        "rows": rows,
        "columns": [shape["label"] for shape in shapes],
        "summary": radar_summary(rounds),
    }


def radar_summary(rounds: list) -> str:
    if not rounds:
        return _("No agreed scores yet.")
    results = [result for result in rounds[0][1] if result.share is not None]
    if not results:
        return _("No agreed scores yet.")
    best = max(results, key=lambda result: result.share)
    weakest = min(results, key=lambda result: result.share)
    text = _("Strongest: %(best)s, %(best_share)s of the scale. Weakest: %(weakest)s, %(weakest_share)s.") % {
        "best": f"{best.criterion.code} {best.criterion.name}",
        "best_share": percent(best.share),
        "weakest": f"{weakest.criterion.code} {weakest.criterion.name}",
        "weakest_share": percent(weakest.share),
    }
    if len(rounds) > 1:
        now, before = figures_of.overall_share(rounds[0][1]), figures_of.overall_share(rounds[1][1])
        if now is not None and before is not None:
            text += " " + _("Overall %(now)s, %(before)s in the round before.") % {
                "now": percent(now),
                "before": percent(before),
            }
    return text


def trend(rounds: list):
    """`rounds`: [(round, [CriterionResult])], oldest first: the overall result per round."""
    points = [
        TrendPoint(
            label=date_format(round_.assessed_on),
            score=Share(
                figures_of.overall_share(results),
                sum(1 for r in results for line in r.lines if line.agreed is not None),
            ),
        )
        for round_, results in rounds
    ]
    return line_chart(_("Overall result over the rounds"), points, (0, 1), percent)
