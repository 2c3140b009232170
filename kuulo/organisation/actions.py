"""State changes of the organisation structure that views call by name."""

from django.db import transaction
from django.utils import timezone

from kuulo.lib.audited import audited
from kuulo.organisation import terms
from kuulo.organisation.models import Membership, Organisation, Role, Service, Term


@transaction.atomic
def add_member(service: Service, user, role: str) -> Membership:
    membership, _created = Membership.objects.update_or_create(service=service, user=user, defaults={"role": role})
    audited(None, "membership.added", membership, user=user, role=role)
    return membership


@transaction.atomic
def change_role(membership: Membership, role: str) -> None:
    stored = (
        Membership.objects.filter(pk=membership.pk).values_list("role", flat=True).first()
    )  # a form may have set it
    audited(None, "membership.role_changed", membership, user=membership.user, old=stored, new=role)
    membership.role = Role(role)
    membership.save(update_fields=["role"])


@transaction.atomic
def remove_member(membership: Membership) -> None:
    audited(None, "membership.removed", membership, user=membership.user, role=membership.role)
    membership.delete()


@transaction.atomic
def add_term(organisation: Organisation, kind: str, code: str, **names: str) -> Term:
    """A new term, placed last among its kind."""
    last = Term.objects.filter(organisation=organisation, kind=kind).order_by("-position").first()
    term = Term.objects.create(
        organisation=organisation, kind=kind, code=code, position=(last.position + 1) if last else 0, **names
    )
    terms.forget()
    return term


@transaction.atomic
def move_term(term: Term, step: int) -> None:
    """Moves a term one place up (-1) or down (+1) among its kind; renumbers them 0, 1, 2…"""
    siblings = list(Term.objects.select_for_update().filter(organisation=term.organisation_id, kind=term.kind))
    index = next(index for index, other in enumerate(siblings) if other.pk == term.pk)
    other = index + step
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
    terms.forget()


def retire_term(term: Term, retired: bool) -> None:
    """A retired term is no longer offered; responses that carry it still show its name."""
    term.retired_at = timezone.now() if retired else None
    term.save(update_fields=["retired_at"])
    terms.forget()
