"""What your input changed: the backlog items a member's panel sessions led to, directly or
through an insight, and the e-mail notice when such an item is done.

The backlog calls its status_changed hook after an item's status changes (PanelConfig.ready()
registers `item_status_changed`); when the item is done, every member who attended a session
that is its evidence, and who asked to hear (outcome_notices), gets one notice per item."""

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from kuulo.backlog.models import BacklogItem
from kuulo.feedback.hooks import we_did_path
from kuulo.panel.mail import message, send, site_url
from kuulo.panel.models import MemberEvent, PanelMember, Participation
from kuulo.traceability.models import Link

DONE = {BacklogItem.Status.DONE, BacklogItem.Status.VERIFIED}


def session_ids_for_item(item_id: int) -> set[int]:
    direct = Link.objects.filter(source_kind="panel_session", target_kind="item", target_id=item_id)
    insights = Link.objects.filter(source_kind="insight", target_kind="item", target_id=item_id).values("source_id")
    via = Link.objects.filter(source_kind="panel_session", target_kind="insight", target_id__in=insights)
    return set(direct.values_list("source_id", flat=True)) | set(via.values_list("source_id", flat=True))


def item_ids_for_sessions(session_ids) -> dict[int, set[int]]:
    """{item id: {session ids}} for the items the sessions led to."""
    found: dict[int, set[int]] = {}
    for link in Link.objects.filter(source_kind="panel_session", source_id__in=session_ids):
        if link.target_kind == "item":
            found.setdefault(link.target_id, set()).add(link.source_id)
        elif link.target_kind == "insight":
            for item_id in Link.objects.filter(
                source_kind="insight", source_id=link.target_id, target_kind="item"
            ).values_list("target_id", flat=True):
                found.setdefault(item_id, set()).add(link.source_id)
    return found


def outcomes_for_member(member: PanelMember) -> list[dict]:
    sessions = {
        participation.pk: participation
        for participation in member.participations.filter(status=Participation.Status.ATTENDED).select_related("study")
    }
    if not sessions:
        return []
    by_item = item_ids_for_sessions(sessions)
    items = BacklogItem.objects.filter(pk__in=by_item, status__in=DONE).select_related("service")
    return [
        {
            "title": public_text(item),
            "url": we_did_path(item.service) or "",
            "done_on": item.done_at,
            "study": sessions[min(by_item[item.pk])].study.title,
        }
        for item in items
    ]


def item_status_changed(item: BacklogItem, origin: str) -> None:
    if item.status in DONE:
        item_id = item.pk
        transaction.on_commit(lambda: send_outcome_notices.enqueue(item_id))


@task()
def send_outcome_notices(item_id: int) -> int:
    item = BacklogItem.objects.select_related("service").filter(pk=item_id, status__in=DONE).first()
    if item is None:
        return 0
    participations = Participation.objects.filter(
        pk__in=session_ids_for_item(item.pk),
        status=Participation.Status.ATTENDED,
        member__status=PanelMember.Status.ACTIVE,
        member__outcome_notices=True,
    ).select_related("member", "study")
    sent = 0
    for participation in participations:
        member = participation.member
        try:
            with transaction.atomic():
                MemberEvent.objects.create(
                    member=member, kind=MemberEvent.Kind.NOTICE, note=item.title[:300], key=f"item:{item.pk}"
                )
        except IntegrityError:  # told already
            continue
        path = we_did_path(item.service)
        with translation.override(member.language):
            subject = _("What your input changed")
            body = _(
                "Hello,\n\nYou took part in the study %(study)s. Based on what we learned, this is now done:"
                "\n\n%(change)s\n\nRead more about what we changed: %(url)s\n\nThank you for your help!"
            ) % {
                "study": participation.study.title,
                "change": public_text(item),
                "url": site_url(path, member.language) if path else site_url("/"),
            }
        send(message(member, subject, body))
        sent += 1
    return sent


def public_text(item: BacklogItem) -> str:
    """The item's public "we did" text in the active language, else its title."""
    language = translation.get_language() or "fi"
    return getattr(item, f"we_did_{language[:2]}", "") or item.we_did_fi or item.title
