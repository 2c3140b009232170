"""Starting and cleaning up exports."""

from django.db import transaction
from django.utils import timezone

import kuulo.audit as audit
from kuulo.exports.models import ExportJob
from kuulo.exports.tasks import run_export


def start_export(user, kind: str, file_format: str, filters: dict) -> ExportJob:
    """Records the job and hands it to the task worker (or runs it at once with the immediate backend)."""
    with transaction.atomic():
        job = ExportJob.objects.create(user=user, kind=kind, format=file_format, filters=filters)
        audit.record(None, "export.created", job, kind=kind, format=file_format, filters=filters)
    run_export.enqueue(job.pk)
    job.refresh_from_db()
    return job


def purge_expired_exports() -> int:
    """Deletes expired jobs with their files; returns how many."""
    expired = list(ExportJob.objects.filter(expires_at__lte=timezone.now()))
    for job in expired:
        if job.path is not None:
            job.path.unlink(missing_ok=True)
    ExportJob.objects.filter(pk__in=[job.pk for job in expired]).delete()
    return len(expired)
