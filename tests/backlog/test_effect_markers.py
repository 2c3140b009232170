"""Done items as markers on a line chart: in the SVG, the text alternative and the data table."""

from django.template.loader import render_to_string

from kuulo.lib import charts
from kuulo.metrics.scoring import Score


def chart() -> charts.LineChart:
    points = [charts.TrendPoint(f"M{n}", Score(50.0 + n, 40, 40.0, 60.0, False)) for n in range(4)]
    return charts.line_chart("CSAT", points, (0, 100), lambda value: f"{value:.0f} %")


def test_a_marker_sits_between_the_points_and_joins_the_summary_and_the_table() -> None:
    line = chart()
    left, right = line.plot["left"], line.plot["right"]

    charts.add_markers(line, [(1.5, "Done: Uusi lomake (1.2.2026)")])

    assert [(marker["x"], marker["text"]) for marker in line.markers] == [
        (round(left + 1.5 * (right - left) / 3, 1), "Done: Uusi lomake (1.2.2026)")
    ]
    assert line.rows[1]["done"] == ["Done: Uusi lomake (1.2.2026)"]


def test_markers_outside_the_chart_are_kept_at_its_edges() -> None:
    line = chart()

    charts.add_markers(line, [(-2, "early"), (9, "late")])

    assert [marker["x"] for marker in line.markers] == [line.plot["left"], line.plot["right"]]


def test_no_markers_leave_the_chart_as_it_was() -> None:
    line = chart()
    summary = line.summary

    charts.add_markers(line, [])

    assert line.markers == [] and line.summary == summary
    html = render_to_string("includes/_chart_line.html", {"chart": line, "chart_id": "c"})
    assert "chart__marker" not in html


def test_the_template_draws_the_line_lists_the_marker_and_adds_a_table_column() -> None:
    line = chart()
    charts.add_markers(line, [(2, "Done: Chatbot (3.3.2026)")])

    html = render_to_string("includes/_chart_line.html", {"chart": line, "chart_id": "c"})

    assert html.count('class="chart__marker"') == 1
    assert "<li>Done: Chatbot (3.3.2026)</li>" in html
    assert 'aria-labelledby="c-text c-markers"' in html and 'id="c-markers"' in html
    assert "<td>Done: Chatbot (3.3.2026)</td>" in html
