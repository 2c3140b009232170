"""The celebrations feed ("Onnistumiset"): successes worth a moment of joy, newest first.

Four kinds of entry, each read from where it already lives: effects verified
and "we did" entries published (the backlog's history), positive comments
(the wall of praise, kuulo.comments.queries.praise) and badges earned. A
person sees the entries of the services they may see, and every badge.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.comments import queries as comment_queries
from kuulo.games.badges import rule_of
from kuulo.games.models import Badge, Reaction
from kuulo.lib.periods import Period
from kuulo.lib.translated import pick
from kuulo.organisation.access import visible_services

KINDS = ("effect", "we_did", "praise", "badge")
PRAISE_LIMIT = 10


@dataclass
class Entry:
    kind: str
    id: int
    when: datetime.datetime
    heading: str
    text: str = ""
    service: str = ""
    url: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    mine: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.id}"


def _item_entries(services, since: datetime.datetime) -> list[Entry]:
    changes = (
        ItemChange.objects.filter(item__service__in=services, changed_at__gte=since)
        .filter(field__in=["status", "published"])
        .select_related("item__service")
        .order_by("-changed_at")
    )
    entries, seen = [], set()
    for change in changes:
        item = change.item
        if change.field == "status" and change.new == BacklogItem.Status.VERIFIED:
            kind, heading = "effect", _("Effect verified: %(title)s") % {"title": item.title}
            text = ""
        elif change.field == "published" and change.new == "1" and item.published:
            kind, heading = "we_did", _("Customers were told: %(title)s") % {"title": item.title}
            text = pick({code: getattr(item, f"we_did_{code}") for code in ("fi", "sv", "en")})
        else:
            continue
        if (kind, item.pk) in seen:
            continue
        seen.add((kind, item.pk))
        url = reverse("backlog:item_detail", args=[item.service_id, item.pk])
        entries.append(Entry(kind, item.pk, change.changed_at, heading, text, item.service.name, url))
    return entries


def _praise_entries(services, since: datetime.datetime) -> list[Entry]:
    period = Period(timezone.localdate(since), timezone.localdate())
    comments = comment_queries.praise(list(services), period).select_related("service").order_by("-responded_at")
    return [
        Entry("praise", comment.pk, comment.responded_at, _("A customer said"), comment.text, comment.service.name)
        for comment in comments[:PRAISE_LIMIT]
    ]


def _badge_entries(since: datetime.datetime) -> list[Entry]:
    entries = []
    for badge in Badge.objects.filter(awarded_at__gte=since).select_related("user"):
        rule = rule_of(badge.code)
        if rule is None:
            continue
        heading = _("%(person)s earned the badge %(badge)s") % {"person": badge.user, "badge": rule.name}
        url = reverse("games:profile", args=[badge.user_id])
        entries.append(Entry("badge", badge.pk, badge.awarded_at, heading, str(rule.description), url=url))
    return entries


def entries_for(user, days: int = 30, limit: int = 60) -> list[Entry]:
    since = timezone.now() - datetime.timedelta(days=days)
    services = visible_services(user)
    entries = _item_entries(services, since) + _praise_entries(services, since) + _badge_entries(since)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    entries = entries[:limit]
    with_reactions(entries, user)
    return entries


def with_reactions(entries: list[Entry], user) -> None:
    ids: dict[str, list[int]] = {}
    for entry in entries:
        ids.setdefault(entry.kind, []).append(entry.id)
    counts: Counter = Counter()
    mine: set[tuple[str, int, str]] = set()
    for kind, entry_ids in ids.items():
        for entry_id, reaction, user_id in Reaction.objects.filter(entry_kind=kind, entry_id__in=entry_ids).values_list(
            "entry_id", "kind", "user_id"
        ):
            counts[kind, entry_id, reaction] += 1
            if user_id == user.pk:
                mine.add((kind, entry_id, reaction))
    for entry in entries:
        entry.counts = {r: counts[entry.kind, entry.id, r] for r in Reaction.Kind.values}
        entry.mine = {r for r in Reaction.Kind.values if (entry.kind, entry.id, r) in mine}


def find_entry(user, kind: str, entry_id: int) -> Entry | None:
    """The entry if the person may see it (for reacting to it)."""
    if kind not in KINDS:
        return None
    for entry in entries_for(user, days=365, limit=10_000):
        if entry.kind == kind and entry.id == entry_id:
            return entry
    return None
