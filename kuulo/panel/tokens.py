"""Signed links for people without an account: confirming a sign-up, a member's own page (magic
link), one-click unsubscribe and an invitation. Nothing is stored: the signature is the proof."""

from django.core import signing

CONFIRM_DAYS = 7
MAGIC_LINK_HOURS = 24

_CONFIRM = "kuulo.panel.confirm"
_MAGIC = "kuulo.panel.magic"
_UNSUBSCRIBE = "kuulo.panel.unsubscribe"
_INVITATION = "kuulo.panel.invitation"


def _make(salt: str, pk: int, email: str | None = None) -> str:
    # The e-mail is part of what is signed, so a link dies with the address it was sent to
    # (after a correction or an erasure).
    return signing.dumps([pk, (email or "").lower()], salt=salt, compress=True)


def _read(salt: str, token: str, max_age: int | None):
    try:
        pk, email = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return pk, email


def _member(salt: str, token: str, max_age: int | None):
    from kuulo.panel.models import PanelMember

    found = _read(salt, token, max_age)
    if found is None:
        return None
    member = PanelMember.objects.filter(pk=found[0]).first()
    if member is None or (member.email or "").lower() != found[1] or not member.email:
        return None
    return member


def confirm_token(member) -> str:
    return _make(_CONFIRM, member.pk, member.email)


def member_from_confirm_token(token: str):
    return _member(_CONFIRM, token, CONFIRM_DAYS * 24 * 3600)


def magic_token(member) -> str:
    return _make(_MAGIC, member.pk, member.email)


def member_from_magic_token(token: str):
    return _member(_MAGIC, token, MAGIC_LINK_HOURS * 3600)


def unsubscribe_token(member) -> str:
    return _make(_UNSUBSCRIBE, member.pk, member.email)


def member_from_unsubscribe_token(token: str):
    return _member(_UNSUBSCRIBE, token, None)


def invitation_token(invitation) -> str:
    return _make(_INVITATION, invitation.pk, invitation.member.email)


def invitation_from_token(token: str):
    from kuulo.panel.models import Invitation

    found = _read(_INVITATION, token, None)
    if found is None:
        return None
    invitation = Invitation.objects.select_related("member", "study__service").filter(pk=found[0]).first()
    if invitation is None or (invitation.member.email or "").lower() != found[1] or not found[1]:
        return None
    return invitation
