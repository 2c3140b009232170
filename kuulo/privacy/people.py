"""A staff user's personal data: everything Kuulo holds on them as JSON, and its erasure.

Erasure keeps what the user did (their backlog items, insights, audit entries…) but not who
they were: the account is closed and renamed "Removed user #id", their e-mail is deleted, their
memberships end, and the audit entries show the same name instead of theirs.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

import kuulo.audit as audit
from kuulo.audit.log import forget_user_name, removed_user_label
from kuulo.audit.models import Entry
from kuulo.organisation.models import Membership


def _user_fields():
    user_model = get_user_model()
    for model in apps.get_models():
        if model is Entry:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                yield model, field


def personal_data(user) -> dict:
    """The user's account, their memberships, every row that names them, and their audit entries."""
    references = []
    for model, field in _user_fields():
        for row in model._default_manager.filter(**{field.name: user}).order_by("pk")[:10000]:
            references.append({"kind": model._meta.label_lower, "id": row.pk, "as": field.name, "label": str(row)})
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "id": user.pk,
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "language": user.language,
            "active": user.is_active,
            "organisation_admin": user.is_superuser,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "memberships": [
            {"service": str(membership.service), "role": membership.role}
            for membership in Membership.objects.filter(user=user).select_related("service")
        ],
        "references": references,
        "audit_entries": [
            {"at": entry.at.isoformat(), "action": entry.action, "target": entry.target_label}
            for entry in Entry.objects.filter(actor=user).order_by("id")
        ],
    }


@transaction.atomic
def erase(user, request=None) -> None:
    """Closes the account and removes the user's name and e-mail everywhere Kuulo shows them."""
    audit.record(request, "user.erased", user)
    forget_user_name(user)
    Membership.objects.filter(user=user).delete()
    user.username = f"removed-user-{user.pk}"
    user.first_name, user.last_name = removed_user_label(user.pk).rsplit(" ", 1)
    user.email = ""
    user.is_active = user.is_superuser = user.is_staff = False
    user.set_unusable_password()
    user.save()
