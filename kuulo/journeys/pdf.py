"""A journey map as a PDF on A3 landscape, drawn by the checkpoint report's mechanism
(kuulo.plans.pdf: WeasyPrint, PDF/UA, stylesheets inlined, nothing fetched, the drawn file kept
under a digest of its HTML so the same map is drawn once). Each phase starts a page; its steps
go a few to a page as the columns of a table whose rows are every lane, so that a map of
hundreds of steps stays readable. The emotions are the rows "Emotion: persona"."""

from django.template.loader import render_to_string

from kuulo.journeys.fragments import MapFragments
from kuulo.plans import pdf

STEPS_PER_PAGE = 8
STYLESHEETS = ["kuulo/journeys-pdf.css"]  # its own, small: see the file


def journey_html(context: dict) -> str:
    """The standalone document of the map; `context` as the map's pages have it (_map_context)."""
    fragments: MapFragments = context["fragments"]
    pages = []
    for phase in context["phases"]:
        steps = phase.step_list
        chunks = [steps[start : start + STEPS_PER_PAGE] for start in range(0, len(steps), STEPS_PER_PAGE)] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            pages.append((phase, number, len(chunks), fragments.step_table(chunk) if chunk else None))
    return render_to_string(
        "journeys/journey_pdf.html", {**context, "pages": pages, "inline_css": pdf.inline_css(STYLESHEETS)}
    )


def journey_pdf(context: dict) -> bytes:
    return pdf.cached_pdf(journey_html(context))
