"""The contact rules: may a member be invited now, and if not, may a panel manager override?

Opted out, do not contact, waiting for confirmation, erased and a withdrawn consent are never
overridable. The cooldown after a participation and the rolling limit of invitations per 90
days are the organisation's ContactPolicy; a panel manager may override them with a reason,
which is logged on the invitation and in the member's history.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuulo.panel.models import ContactPolicy, Invitation, PanelMember, Participation

WINDOW = datetime.timedelta(days=90)


@dataclass(frozen=True)
class Refusal:
    code: str
    text: str
    overridable: bool


NOT_CONTACTABLE = {
    PanelMember.Status.OPTED_OUT: Refusal("opted_out", _("Opted out"), False),
    PanelMember.Status.DO_NOT_CONTACT: Refusal("do_not_contact", _("Do not contact"), False),
    PanelMember.Status.PENDING: Refusal("pending", _("Has not confirmed the e-mail address"), False),
    PanelMember.Status.ERASED: Refusal("erased", _("Erased"), False),
}
NO_CONSENT = Refusal("no_consent", _("No valid consent"), False)
COOLDOWN = Refusal("cooldown", _("In cooldown after taking part"), True)
LIMIT = Refusal("limit", _("Invited too often in the last 90 days"), True)


def cooldown_ends(member: PanelMember, policy: ContactPolicy) -> datetime.datetime | None:
    """When the member's cooldown after their last participation ends, if it has not yet."""
    last = (
        Participation.objects.filter(member=member)
        .exclude(status=Participation.Status.CANCELLED)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if last is None:
        return None
    ends = last + datetime.timedelta(days=policy.cooldown_days)
    return ends if ends > timezone.now() else None


def invitations_in_window(member: PanelMember) -> int:
    since = timezone.now() - WINDOW
    return Invitation.objects.filter(member=member, sent_at__gte=since).count()


def refusal(member: PanelMember, policy: ContactPolicy | None = None) -> Refusal | None:
    """Why the member may not be invited now, or None when they may."""
    if member.status in NOT_CONTACTABLE:
        return NOT_CONTACTABLE[member.status]
    if not member.consents.filter(withdrawn_at__isnull=True).exists():
        return NO_CONSENT
    policy = policy or ContactPolicy.current()
    if cooldown_ends(member, policy):
        return COOLDOWN
    if invitations_in_window(member) >= policy.invitations_per_90_days:
        return LIMIT
    return None


def contact_status(member: PanelMember, policy: ContactPolicy | None = None) -> str:
    """The status people read: free to contact, in cooldown, opted out, do not contact…
    A member from `with_last_participation` answers without a query."""
    if member.status != PanelMember.Status.ACTIVE:
        return member.get_status_display()
    policy = policy or ContactPolicy.current()
    if hasattr(member, "last_participation"):
        last = member.last_participation
        cooling = last is not None and last + datetime.timedelta(days=policy.cooldown_days) > timezone.now()
    else:
        cooling = cooldown_ends(member, policy) is not None
    return str(COOLDOWN.text) if cooling else str(_("Free to contact"))


def with_last_participation(members):
    """Members annotated with the time of their last participation that was not cancelled."""
    return members.annotate(
        last_participation=Max(
            "participations__created_at", filter=~Q(participations__status=Participation.Status.CANCELLED)
        )
    )
