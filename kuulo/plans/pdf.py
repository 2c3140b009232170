"""The checkpoint report as an accessible PDF, drawn by WeasyPrint from the report's own template.

The page and the PDF share plans/_report_body.html; the PDF wraps it in a
standalone document (plans/report_pdf.html) with the stylesheets inlined, so
WeasyPrint fetches nothing over the network. The charts are the same inline
SVG. The PDF is tagged PDF/UA-1 with its language (<html lang>) and title set.
"""

import re

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEETS = ["kuulo/kuulo.css", "plans/report.css", "plans/report_print.css"]

# WeasyPrint styles an SVG only from <style> inside it, and without CSS variables:
# the charts' rules of kuulo.css with their colours written out.
CHART_SVG_CSS = """
.chart__axis, .chart__value, .chart__target-label { font-size: 12px; fill: #1b1f24; font-family: "DejaVu Sans"; }
.chart__target-label { font-weight: 700; }
.chart__grid { stroke: #c9d1d9; stroke-width: 1; }
.chart__line { fill: none; stroke: #0b4f8a; stroke-width: 2.5; }
.chart__dot { fill: #0b4f8a; }
.chart__band { stroke: none; }
.chart__band-fill { fill: #c6d8ea; }
.chart__hatch { stroke: #5c7fa3; stroke-width: 1.5; }
.chart__target { stroke: #a4262c; stroke-width: 2; stroke-dasharray: 6 4; }
.chart__bar { fill: #0b4f8a; }
"""
SVG_START = re.compile(r"(<svg\b[^>]*>)")


def inline_css() -> str:
    parts = []
    for name in STYLESHEETS:
        path = finders.find(name)
        if path:
            with open(path, encoding="utf-8") as file:
                parts.append(file.read())
    return "\n".join(parts)


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"The report PDF fetches nothing: {url}")


def report_html(context: dict) -> str:
    html = render_to_string("plans/report_pdf.html", {**context, "inline_css": inline_css()})
    return SVG_START.sub(lambda match: f"{match[1]}<style>{CHART_SVG_CSS}</style>", html)


def document(context: dict):
    """WeasyPrint's laid-out document of the report (tests read its text from here)."""
    from weasyprint import HTML  # imported here: loading pango takes a moment, and only this needs it

    return HTML(string=report_html(context), url_fetcher=_no_fetch).render(pdf_variant="pdf/ua-1")


def report_pdf(context: dict) -> bytes:
    return document(context).write_pdf(pdf_variant="pdf/ua-1")
