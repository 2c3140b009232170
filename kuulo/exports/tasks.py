"""The background task that writes an export file."""

import logging
import secrets

from django.conf import settings
from django.utils import timezone, translation
from django_tasks import task

from kuulo.exports.models import KEEP_FOR, ExportJob, export_dir
from kuulo.exports.writers import WRITERS, table_for
from kuulo.organisation.access import visible_services

logger = logging.getLogger(__name__)


@task()
def run_export(job_id: int) -> int:
    """Writes job `job_id`'s rows to its file, reporting progress as it goes; returns the rows written."""
    jobs = ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.QUEUED)
    if not jobs.update(status=ExportJob.Status.RUNNING, started_at=timezone.now()):
        return 0  # already taken, or deleted
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    folder = export_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{job.pk}-{secrets.token_hex(8)}.{job.format}"
    partial = folder / (name + ".part")
    try:
        # Content written in three languages (theme names) comes in the language of the person who exported.
        with translation.override(job.user.language or settings.LANGUAGE_CODE):
            table = table_for(job.kind, service_ids_for(job), job.filters)
            ExportJob.objects.filter(pk=job.pk).update(rows_total=table.total)
            progress = lambda done: ExportJob.objects.filter(pk=job.pk).update(rows_done=done)  # noqa: E731
            written = WRITERS[job.format](partial, table, progress)
        partial.rename(folder / name)
    except Exception as error:
        logger.exception("Export %s failed", job.pk)
        partial.unlink(missing_ok=True)
        now = timezone.now()
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.FAILED, error=str(error)[:500], finished_at=now, expires_at=now + KEEP_FOR
        )
        return 0
    now = timezone.now()
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DONE,
        file=name,
        rows_done=written,
        rows_total=written,
        finished_at=now,
        expires_at=now + KEEP_FOR,
    )
    return written


def service_ids_for(job: ExportJob) -> list[int]:
    """The services the job may read: those its owner sees now, narrowed by its filter."""
    services = visible_services(job.user)
    if job.filters.get("service"):
        services = services.filter(pk=job.filters["service"])
    return list(services.values_list("pk", flat=True))
