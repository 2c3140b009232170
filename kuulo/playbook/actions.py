"""Changes to the playbook that touch more than one row: every save of a card is a new version."""

from django.db import transaction

from kuulo.playbook.models import Method, MethodVersion


@transaction.atomic
def save_method(method: Method, *, user=None, note: str = "") -> Method:
    """Saves `method` (new or changed) as its next version and records that version."""
    last = method.versions.order_by("-number").first() if method.pk else None
    method.version = (last.number + 1) if last else 1
    method.updated_by = user
    method.save()
    MethodVersion.objects.create(
        method=method,
        number=method.version,
        content=method.content,
        phases=method.phases,
        roles=method.roles,
        produces=method.produces,
        saved_by=user,
        note=note[:200],
    )
    return method
