import uuid
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from kuulo.feedback.actions import record_response
from kuulo.feedback.submissions import clean_submission
from kuulo.lib import charts
from kuulo.metrics.scoring import Score
from tests.factories import published_survey

SVG = "{http://www.w3.org/2000/svg}"


def shown(value: float, n: int = 20) -> Score:
    return Score(value=value, n=n, ci_low=value - 10, ci_high=value + 10, suppressed=False)


def percent(value: float) -> str:
    return f"{value:.0f} %"


def render_line(chart) -> str:
    return render_to_string("includes/_chart_line.html", {"chart": chart, "chart_id": "c1"})


def svg_of(html: str) -> ET.Element:
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    return ET.fromstring(html[start:end])  # noqa: S314 -- our own rendered page


def test_a_rising_trend_is_stated_in_words_with_the_target():
    points = [charts.TrendPoint("March 2026", shown(68)), charts.TrendPoint("November 2026", shown(84))]
    chart = charts.line_chart("CSAT", points, (0, 100), percent, target=80)
    assert chart.summary == "CSAT rose from 68 % to 84 % between March 2026 and November 2026. The target is 80 %."


def test_suppressed_points_are_hidden_and_break_the_line():
    points = [
        charts.TrendPoint("January", shown(60)),
        charts.TrendPoint("February", shown(70)),
        charts.TrendPoint("March", Score.hidden(4)),
        charts.TrendPoint("April", shown(80)),
    ]
    chart = charts.line_chart("CSAT", points, (0, 100), percent)
    assert len(chart.dots) == 3
    assert chart.line.count("M") == 2
    assert all("March" not in dot["text"] for dot in chart.dots)
    assert chart.rows[2] == {"label": "March", "value": "", "interval": "", "n": 4, "hidden": True}


def test_the_line_chart_is_well_formed_svg_labelled_by_its_text_alternative():
    points = [charts.TrendPoint("Jan", shown(50)), charts.TrendPoint("Feb", Score.hidden(3))]
    html = render_line(charts.line_chart("CSAT", points, (0, 100), percent, target=75))
    svg = svg_of(html)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c1-text"
    assert 'id="c1-text"' in html
    assert svg.find(f"{SVG}line[@class='chart__target']") is not None
    assert svg.find(f"{SVG}path[@class='chart__band']") is not None
    assert len(svg.findall(f"{SVG}circle")) == 1
    assert "<figcaption" in html
    assert "<summary>Show the figures as a table</summary>" in html
    assert "too few answers" in html


def test_the_bar_chart_is_well_formed_svg_with_a_data_table():
    chart = charts.breakdown_chart(
        "CSAT by channel", [("Web", shown(80)), ("Phone", Score.hidden(3))], (0, 100), percent
    )
    html = render_to_string("includes/_chart_bars.html", {"chart": chart, "chart_id": "b1"})
    svg = svg_of(html)
    assert svg.get("aria-labelledby") == "b1-text"
    assert len(svg.findall(f"{SVG}g/{SVG}rect")) == 1
    assert "too few answers (3)" in html
    assert "<table>" in html and '<th scope="row">Web</th>' in html
    assert chart.summary == "CSAT by channel: highest Web (80 %), lowest Web (80 %)."


def test_the_distribution_names_the_commonest_answer():
    chart = charts.distribution_chart("Answers", {5: 8, 4: 2}, {4: "Satisfied", 5: "Very satisfied"}, range(1, 6))
    assert [row["n"] for row in chart.rows] == [0, 0, 0, 2, 8]
    assert chart.rows[4]["text"] == "8 (80%)"
    assert "the most common answer was 5 Very satisfied" in chart.summary


NUMERIC = ("x", "y", "width", "height", "cx", "cy", "x1", "x2", "y1", "y2")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_chart_on_the_dashboard_is_well_formed_and_has_its_text(client_as, service, language):
    version, point = published_survey(service=service, codes=("csat", "nps"), open_question=False)
    for n in range(25):
        submission = clean_submission(
            version,
            {
                "idempotency_key": str(uuid.uuid4()),
                "language": "fi",
                "channel": ("web", "phone")[n % 2],
                "answers": {"csat": 1 + n % 5},
            },
        )
        submission.responded_at = timezone.now() - timedelta(days=n * 3)
        record_response(point, version, submission)
    client = client_as("viewer")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("dashboards:service_dashboard", args=[service.pk])).content.decode()
    assert f'lang="{language}"' in html
    position, count = 0, 0
    while (start := html.find("<svg", position)) != -1:
        end = html.index("</svg>", start) + len("</svg>")
        svg = ET.fromstring(html[start:end])  # noqa: S314 -- our own rendered page
        if svg.get("aria-hidden") == "true":  # an icon, not a chart
            position = end
            continue
        for label in svg.get("aria-labelledby").split():  # the summary, and the list of done items if any
            assert f'id="{label}"' in html
        for element in svg.iter():  # a decimal comma would make "12,5" a list of two positions
            for name in NUMERIC:
                if element.get(name) is not None:
                    float(element.get(name))
        position, count = end, count + 1
    assert count >= 3  # trend, distribution, breakdowns
    assert html.count('<details class="chart__data">') == count


def test_the_target_label_stands_right_of_every_done_item_marker():
    points = [charts.TrendPoint(f"M{n}", shown(60 + n)) for n in range(6)]
    chart = charts.line_chart("CSAT", points, (0, 100), percent, target=80, width=charts.WIDE)
    charts.add_markers(chart, [(4.8, "Done: A"), (5, "Done: B")])
    svg = svg_of(render_line(chart))
    label = svg.find(f".//{SVG}text[@class='chart__target-label']")
    label_x = float(label.get("x"))
    assert [span.text for span in label] == ["Target", "80 %"]
    assert all(marker["x"] < label_x for marker in chart.markers)
    numbers = [text for text in svg.iter(f"{SVG}text") if "chart__marker-label" in text.get("class", "")]
    # a number at the right edge is drawn leftwards from its line, so it cannot reach the label either
    assert all(text.get("text-anchor") == "end" for text in numbers if float(text.get("x")) > chart.plot["right"] - 24)


def test_a_sparkline_breaks_at_hidden_points_and_ends_at_the_latest_shown():
    hidden = Score(value=None, n=3, ci_low=None, ci_high=None, suppressed=True)
    line = charts.sparkline([shown(60), shown(62), hidden, shown(70)], (0, 100), target=80)
    assert line.line.count("M") == 2
    assert line.last["x"] == max(float(part[1:].split(",")[0]) for part in line.line.split())
    assert line.target_y < line.last["y"]  # the target lies above the latest score
