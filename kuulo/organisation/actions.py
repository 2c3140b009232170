"""State changes of the organisation structure that views call by name."""

from django.db import transaction

from kuulo.organisation.models import Membership, Role, Service


@transaction.atomic
def add_member(service: Service, user, role: str) -> Membership:
    membership, _created = Membership.objects.update_or_create(service=service, user=user, defaults={"role": role})
    return membership


def change_role(membership: Membership, role: str) -> None:
    membership.role = Role(role)
    membership.save(update_fields=["role"])


def remove_member(membership: Membership) -> None:
    membership.delete()
