"""Arguments for the panel's pages and actions in the shared matrices (tests/pages.py, tests/actions.py)."""

from kuulo.panel import tokens
from kuulo.panel.models import PanelMember, Participation
from tests.panel.factories import ConsentTextFactory, MemberFactory, SlotFactory, StudyFactory


def with_consent_text(service) -> list:
    ConsentTextFactory()
    return []


def confirm_token(service) -> list:
    return [tokens.confirm_token(MemberFactory(status=PanelMember.Status.PENDING))]


def unsubscribe_token(service) -> list:
    return [tokens.unsubscribe_token(MemberFactory())]


def magic_token(service) -> list:
    member = MemberFactory()
    Participation.objects.create(study=StudyFactory(service=service), member=member)
    return [tokens.magic_token(member)]


def member_pk(service) -> list:
    return [MemberFactory().pk]


def study_args(service) -> list:
    return [service.pk, StudyFactory(service=service).pk]


def slot_args(service) -> list:
    slot = SlotFactory(study=StudyFactory(service=service))
    return [service.pk, slot.study_id, slot.pk]


def participation_args(service) -> list:
    study = StudyFactory(service=service)
    participation = Participation.objects.create(study=study, member=MemberFactory())
    return [service.pk, study.pk, participation.pk]


def invitation_token(service) -> list:
    from tests.panel.factories import InvitationFactory

    slot = SlotFactory(study=StudyFactory(service=service))
    return [tokens.invitation_token(InvitationFactory(study=slot.study))]


def with_members(service) -> list:
    """A list with a member, so the page shows a row."""
    MemberFactory()
    return []


def attended_participation_args(service) -> list:
    """An attended session, so the page shows its evidence panels."""
    study = StudyFactory(service=service)
    participation = Participation.objects.create(
        study=study, member=MemberFactory(), status=Participation.Status.ATTENDED
    )
    return [service.pk, study.pk, participation.pk]
