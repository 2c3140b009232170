"""The checkpoint report as an accessible PDF, drawn by WeasyPrint from the report's own template.

The page and the PDF share plans/_report_body.html; the PDF wraps it in a
standalone document (plans/report_pdf.html) with the stylesheets inlined, so
WeasyPrint fetches nothing over the network. The charts are the same inline
SVG. The PDF is tagged PDF/UA-1 with its language (<html lang>) and title set.

Drawing takes WeasyPrint one to several seconds, so a drawn PDF is kept as a
file under DATA_DIR/reports, named by a digest of the HTML it was drawn from.
That HTML holds every figure, name, date and word the report shows, in its
language, so the same report opened again is read from the file, and any
change to what it shows (an answer that moves a goal, an item done, a renamed
attendee, another language) is a new name and a new drawing. The report page
draws its PDF in the background (plans.tasks), so the first download is
usually ready too. Files unread for CACHE_DAYS are removed when a new one is
written; the folder is shared by the web processes and the task workers.
"""

import hashlib
import os
import re
import time
from pathlib import Path

from django.conf import settings
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


def inline_css(names: list[str] = STYLESHEETS) -> str:
    parts = []
    for name in names:
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


CACHE_DAYS = 30


def document(context: dict):
    """WeasyPrint's laid-out document of the report (tests read its text from here)."""
    return _document(report_html(context))


def _document(html: str):
    from weasyprint import HTML  # imported here: loading pango takes a moment, and only this needs it

    return HTML(string=html, url_fetcher=_no_fetch).render(pdf_variant="pdf/ua-1")


def report_dir() -> Path:
    return Path(settings.DATA_DIR) / "reports"


def cached_path(html: str) -> Path:
    return report_dir() / f"{hashlib.sha256(html.encode()).hexdigest()}.pdf"


def report_pdf(context: dict) -> bytes:
    """The report's PDF: read from its file when this very report was drawn before, else drawn and kept."""
    return cached_pdf(report_html(context))


def cached_pdf(html: str) -> bytes:
    """The PDF of a standalone HTML document (other apps' PDFs too, e.g. journey maps): read from its
    file when this very HTML was drawn before, else drawn and kept."""
    path = cached_path(html)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return draw(html, path)
    os.utime(path)  # read now: kept CACHE_DAYS from today
    return data


def draw(html: str, path: Path) -> bytes:
    data = _document(html).write_pdf(pdf_variant="pdf/ua-1")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)  # atomic: a reader sees the whole file or none
    _forget_old(path.parent)
    return data


def _forget_old(folder: Path) -> None:
    limit = time.time() - CACHE_DAYS * 86400
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except FileNotFoundError:  # another process removed it first
            pass
