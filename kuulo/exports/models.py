"""Exports that run in the background: one row per requested file.

A job is written by `tasks.run_export` to a file under DATA_DIR/exports,
chunk by chunk, so even a million rows never sit in memory; the progress page
polls `rows_done` of `rows_total`. Files expire and `manage.py purge_exports`
removes them.
"""

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEEP_FOR = timedelta(days=7)


class ExportJob(models.Model):
    class Kind(models.TextChoices):
        RESPONSES = "responses", _("Responses with their answers and comments")
        DAILY = "daily", _("Daily scores per service and metric")
        COMMENTS = "comments", _("Comments with themes, sentiment and language")

    class Format(models.TextChoices):
        CSV = "csv", _("CSV")
        XLSX = "xlsx", _("Excel (XLSX)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="exports"
    )
    kind = models.CharField(_("contents"), max_length=10, choices=Kind.choices)
    # {"service": pk or None, "start": "YYYY-MM-DD", "end": ..., "channel": "", "language": "", ...}
    filters = models.JSONField(_("filters"), default=dict)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices, default=Format.CSV)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    rows_total = models.PositiveIntegerField(_("rows in all"), null=True, blank=True)
    file = models.CharField(max_length=200, blank=True, help_text="Relative to DATA_DIR/exports.")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("available until"), null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.format} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def downloadable(self) -> bool:
        return self.status == self.Status.DONE and not self.is_expired and self.path is not None and self.path.exists()

    @property
    def path(self) -> Path | None:
        return export_dir() / self.file if self.file else None

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(100, self.rows_done * 100 // self.rows_total)

    @property
    def size(self) -> int:
        return self.path.stat().st_size if self.downloadable else 0

    def download_name(self) -> str:
        start, end = self.filters.get("start", ""), self.filters.get("end", "")
        period = f"-{start.replace('-', '')}-{end.replace('-', '')}" if start and end else ""
        return f"kuulo-{self.kind}{period}.{self.format}"


def export_dir() -> Path:
    return Path(settings.DATA_DIR) / "exports"
