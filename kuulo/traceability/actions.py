"""The one way to link two things and to unlink them. Neither checks access (the caller does)."""

from django.db import transaction

from kuulo.traceability import registry
from kuulo.traceability.models import Link


@transaction.atomic
def link(source, target, user, note: str = "", *, hooks: bool = True) -> tuple[Link, bool]:
    """Links `source` to `target` (a registered pair, else registry.NotAllowed); linking again changes
    nothing. Returns (link, created). A new link calls the pair's `on_link` unless `hooks` is False
    (e.g. the evidence of a new item, whose history already says it was created)."""
    source_kind, target_kind = registry.kind_of(source), registry.kind_of(target)
    pair = registry.pair(source_kind.name, target_kind.name)
    found, created = Link.objects.get_or_create(
        source_kind=source_kind.name,
        source_id=source.pk,
        target_kind=target_kind.name,
        target_id=target.pk,
        defaults={
            "source_service_id": source_kind.service_id(source),
            "target_service_id": target_kind.service_id(target),
            "note": note,
            "added_by": user,
        },
    )
    if created and hooks and pair.on_link:
        pair.on_link(source, target, user)
    return found, created


@transaction.atomic
def unlink(source, target, user) -> bool:
    """Removes the link from `source` to `target`, if there is one; True when there was."""
    pair = registry.pair(registry.kind_of(source).name, registry.kind_of(target).name)
    deleted, _by_model = Link.objects.between(source, target).delete()
    if deleted and pair.on_unlink:
        pair.on_unlink(source, target, user)
    return bool(deleted)
