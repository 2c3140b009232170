"""State changes of the insight repository that views call by name."""

from django.db import transaction

import kuulo.audit as audit
from kuulo.insights.models import Insight, SegmentEvidence, Tag
from kuulo.organisation.models import Service
from kuulo.traceability import actions as links


def tags_named(names: list[str]) -> list[Tag]:
    """The tags with these names, matched without regard to case; missing ones are created."""
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        tags.append(tag)
    return tags


@transaction.atomic
def create_insight(service: Service, user, *, statement: str, status: str, tags: list[str], comment=None) -> Insight:
    """A new insight; `comment` (of the same service) becomes its first evidence."""
    insight = Insight.objects.create(service=service, statement=statement, status=status, created_by=user)
    insight.tags.set(tags_named(tags))
    if comment is not None:
        links.link(comment, insight, user)
    return insight


@transaction.atomic
def update_insight(insight: Insight, *, statement: str, status: str, tags: list[str]) -> None:
    insight.statement, insight.status = statement, status
    insight.save(update_fields=["statement", "status", "updated_at"])
    insight.tags.set(tags_named(tags))


def change_status(insight: Insight, status: str) -> None:
    insight.status = Insight.Status(status)
    insight.save(update_fields=["status", "updated_at"])


@transaction.atomic
def delete_insight(insight: Insight) -> None:
    audit.record(None, "insight.deleted", insight)
    insight.delete()


def _touch(insight: Insight) -> None:
    """New or removed evidence counts as a change of the insight."""
    insight.save(update_fields=["updated_at"])


def evidence_changed(evidence, insight: Insight, user) -> None:
    """After a comment was linked to the insight or unlinked (the pair's hook in kinds.py)."""
    _touch(insight)


@transaction.atomic
def add_segment(insight: Insight, segment: SegmentEvidence, user) -> SegmentEvidence:
    segment.insight, segment.added_by = insight, user
    segment.save()
    _touch(insight)
    return segment


@transaction.atomic
def remove_segment(segment: SegmentEvidence) -> None:
    segment.delete()
    _touch(segment.insight)
