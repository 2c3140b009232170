"""Removing customers' free text past the organisation's retention period, keeping its analysis.

A comment past the period loses its text and its lemmas (the words of the text); its language,
sentiment, score, themes and the response it belongs to stay, so every figure and theme count
stays the same. `report` says what `apply` would remove, per service.
"""

import calendar
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

import kuulo.audit as audit
from kuulo.feedback.models import Comment
from kuulo.organisation.models import Organisation, Service
from kuulo.privacy.models import RetentionPolicy


@dataclass
class ServiceReport:
    service: Service | None
    comments: int


def policy() -> RetentionPolicy:
    """The organisation's policy; the default one (not yet saved) when it has none."""
    organisation = Organisation.current()
    if organisation.pk is None:
        return RetentionPolicy(organisation=organisation)
    return RetentionPolicy.objects.filter(organisation=organisation).first() or RetentionPolicy(
        organisation=organisation
    )


def editable_policy() -> RetentionPolicy:
    """The organisation's policy, saved with the organisation so that it can be changed."""
    organisation = Organisation.current()
    if organisation.pk is None:  # an installation that never named its organisation
        organisation.save()
    found, _created = RetentionPolicy.objects.get_or_create(organisation=organisation)
    return found


def cutoff(now: datetime | None = None) -> datetime | None:
    """Comments answered before this lose their text; None when the text is kept."""
    months = policy().comment_text_months
    if not months:
        return None
    return months_before(now or timezone.now(), months)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` earlier (the month's last day when it is shorter)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def due(now: datetime | None = None):
    limit = cutoff(now)
    if limit is None:
        return Comment.objects.none()
    return Comment.objects.filter(responded_at__lt=limit).exclude(text="")


def report(now: datetime | None = None) -> list[ServiceReport]:
    counts = dict(due(now).values_list("service").annotate(count=Count("id")).values_list("service", "count"))
    services = Service.objects.in_bulk(list(counts))
    rows = [ServiceReport(services.get(pk), count) for pk, count in counts.items()]
    return sorted(rows, key=lambda row: str(row.service))


@transaction.atomic
def apply(now: datetime | None = None) -> int:
    """Removes the text of the comments past the period; records one audit entry per service."""
    rows = report(now)
    removed = due(now).update(text="", lemmas="")
    months = policy().comment_text_months
    for row in rows:
        audit.record(None, "retention.applied", row.service, comments=row.comments, months=months)
    return removed
