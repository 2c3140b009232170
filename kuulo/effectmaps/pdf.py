"""An effect map as a PDF on A3 landscape, drawn by the checkpoint report's mechanism
(kuulo.plans.pdf: WeasyPrint, PDF/UA, stylesheets inlined, nothing fetched, kept by a digest of
its HTML): the goal with its measured change, the tree, and the outline as text."""

from django.template.loader import render_to_string

from kuulo.plans import pdf

STYLESHEETS = ["kuulo/kuulo.css", "effects/effect.css", "kuulo/effectmaps.css", "kuulo/effectmaps-pdf.css"]


def map_html(context: dict) -> str:
    return render_to_string("effectmaps/map_pdf.html", {**context, "inline_css": pdf.inline_css(STYLESHEETS)})


def map_pdf(context: dict) -> bytes:
    return pdf.cached_pdf(map_html(context))
