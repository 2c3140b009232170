"""Drawing a checkpoint report's PDF in the background, so that the download is ready when asked for."""

from django.utils import translation
from django_tasks import task

from kuulo.plans import pdf
from kuulo.plans.models import Checkpoint
from kuulo.plans.report import checkpoint_report


@task()
def draw_report_pdf(checkpoint_id: int, language: str) -> bool:
    """Draws the report as it stands now, in `language`, into the PDF cache; False when it was there."""
    checkpoint = Checkpoint.objects.select_related("plan").filter(pk=checkpoint_id).first()
    if checkpoint is None:
        return False
    with translation.override(language):
        plan = checkpoint.plan
        context = {"report": checkpoint_report(plan, checkpoint), "plan": plan, "checkpoint": checkpoint}
        html = pdf.report_html(context)
        path = pdf.cached_path(html)
        if path.exists():
            return False
        pdf.draw(html, path)
    return True
