"""The demo's team work: two services' boards with limits on work in progress, items that moved over
the last weeks (history dated so the weekly follow-up has something to say), a roadmap with horizons
and months, and one retrospective of the advice line whose three actions are in the backlog.

Idempotent: an item that exists (same service and title) is left as it is; dates are relative to today.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from kuulo.accounts.models import User
from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.board.models import Retro, WipLimit
from kuulo.board.retro_views import create_retro
from kuulo.organisation.models import Service

S = BacklogItem.Status
K = BacklogItem.Kind


@dataclass(frozen=True)
class Work:
    title: str
    kind: str
    created: int  # days ago
    moves: list[tuple[int, str]] = field(default_factory=list)  # (days ago, new status), oldest first
    assignee: str = ""
    due: int | None = None  # days from today; negative is in the past
    blocked: str = ""
    horizon: str = ""
    month: int | None = None  # months from this month
    description: str = ""


WIP_LIMITS = {
    "advice-line": {S.READY: 4, S.IN_PROGRESS: 2},
    "housing-allowance-online": {S.READY: 4, S.IN_PROGRESS: 3},
}

WORK = {
    "advice-line": (
        "sofia",
        [
            Work(
                "Takaisinsoittopalvelu ruuhka-aikoina",
                K.FEATURE,
                40,
                [(30, S.READY), (12, S.IN_PROGRESS)],
                "emma",
                10,
                horizon="now",
                month=0,
                description="Asiakas voi jättää soittopyynnön, kun jonotusaika ylittää 10 minuuttia.",
            ),
            Work(
                "Jonotusaika-arvio puhelinjonoon",
                K.IMPROVEMENT,
                35,
                [(20, S.READY), (9, S.IN_PROGRESS)],
                "emma",
                -4,
                horizon="now",
                month=0,
            ),
            Work(
                "Puhelinvalikon lyhentäminen kolmeen vaihtoehtoon",
                K.IMPROVEMENT,
                50,
                [(33, S.READY), (16, S.IN_PROGRESS)],
                "sofia",
                blocked="Odottaa puhelinjärjestelmän toimittajan muutostyötä",
                horizon="now",
                month=0,
            ),
            Work(
                "Ruuhkatiedote verkkosivujen etusivulle",
                K.FIX,
                28,
                [(21, S.READY), (14, S.IN_PROGRESS), (6, S.DONE)],
                "emma",
                horizon="now",
                month=0,
            ),
            Work(
                "Lisähenkilöstö maanantaiaamuihin",
                K.EXPERIMENT,
                18,
                [(5, S.READY)],
                "sofia",
                14,
                horizon="next",
                month=1,
            ),
            Work("Ohjaus chat-neuvontaan puhelinjonosta", K.IMPROVEMENT, 10, horizon="next", month=2),
            Work("Asiointiohjeiden selkokieliversio", K.RESEARCH, 25, horizon="later", month=4),
            Work("Soittopyyntölomake verkkoon", K.FEATURE, 2, horizon="later", month=5),
            Work("Vanha puhelinvastaaja takaisin käyttöön", K.FIX, 45, [(22, S.DISMISSED)]),
            Work(
                "Jonotusmusiikin vaihto rauhallisempaan",
                K.IMPROVEMENT,
                60,
                [(40, S.IN_PROGRESS), (33, S.DONE), (10, S.VERIFIED)],
                "emma",
            ),
        ],
    ),
    "housing-allowance-online": (
        "owner",
        [
            Work(
                "Uudistettu hakulomake myös mobiiliin",
                K.FEATURE,
                80,
                [(70, S.IN_PROGRESS), (45, S.DONE), (15, S.VERIFIED)],
                "team",
                month=-2,
            ),
            Work(
                "Liitteiden lataus puhelimen kameralla",
                K.FEATURE,
                30,
                [(21, S.READY), (8, S.IN_PROGRESS)],
                "team",
                7,
                horizon="now",
                month=0,
            ),
            Work(
                "Tulotietojen haku tulorekisteristä",
                K.IMPROVEMENT,
                42,
                [(28, S.READY), (17, S.IN_PROGRESS)],
                "owner",
                -2,
                blocked="Odottaa Verohallinnon rajapinnan käyttölupaa",
                horizon="now",
                month=0,
            ),
            Work(
                "Lomakkeen virheilmoitukset selkeämmiksi",
                K.FIX,
                20,
                [(13, S.IN_PROGRESS), (4, S.DONE)],
                "team",
                horizon="now",
                month=0,
            ),
            Work(
                "Hakemuksen tilan seuranta tekstiviestillä",
                K.FEATURE,
                26,
                [(12, S.READY)],
                horizon="next",
                month=1,
            ),
            Work("Saavutettavuusauditointi", K.RESEARCH, 15, [(2, S.READY)], "owner", 30, horizon="next", month=2),
            Work("Ruotsinkielisen lomakkeen käännöstarkistus", K.FIX, 6, horizon="later", month=3),
        ],
    ),
}

RETRO = {
    "service": "advice-line",
    "author": "sofia",
    "days_ago": 9,
    "went_well": "Ruuhkatiedote saatiin verkkoon nopeasti, ja asiakkaat ovat löytäneet sen.\n"
    "Yhteistyö chat-neuvonnan kanssa sujui hyvin.",
    "to_improve": "Puhelinjonot venyvät maanantaisin yli 20 minuutin.\n"
    "Tiimi ei näe jonotilannetta reaaliajassa.\n"
    "Keskeneräistä työtä on liikaa yhtä aikaa.",
    # title, moves after the retro (days ago, status)
    "actions": [
        ("Jonotilanne näkyviin tiimin näytölle", [(5, S.READY), (3, S.IN_PROGRESS)]),
        ("Maanantaiaamujen työvuorot uusiksi", [(6, S.IN_PROGRESS), (2, S.DONE)]),
        ("Keskeneräisten töiden raja kahteen", []),
    ],
}


def _moment(today: datetime.date, days_ago: int, seed: int) -> datetime.datetime:
    """A working-hours time `days_ago` days back, spread by `seed` so the history does not all share 10:00."""
    day = today - datetime.timedelta(days=days_ago)
    return datetime.datetime.combine(
        day, datetime.time(8 + seed % 8, (seed * 17) % 60), tzinfo=timezone.get_current_timezone()
    )


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _replay(item: BacklogItem, user, moves, today: datetime.date, created: int) -> None:
    """Moves the item through its statuses with the backlog's actions, then dates the history back."""
    seed = item.pk
    ItemChange.objects.filter(item=item, field="created").update(changed_at=_moment(today, created, seed))
    BacklogItem.objects.filter(pk=item.pk).update(created_at=_moment(today, created, seed))
    for days_ago, status in moves:
        seed += 1
        change = actions.change_status(item, user, status, done_on=today - datetime.timedelta(days=days_ago))
        if change:
            ItemChange.objects.filter(pk=change.pk).update(changed_at=_moment(today, days_ago, seed))


@transaction.atomic
def load_demo_board(today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    users = {user.username: user for user in User.objects.filter(username__in=["sofia", "emma", "owner", "team"])}
    services = {service.slug: service for service in Service.objects.filter(slug__in=[*WORK, RETRO["service"]])}
    this_month = today.replace(day=1)

    for slug, limits in WIP_LIMITS.items():
        if slug in services:
            for status, limit in limits.items():
                WipLimit.objects.update_or_create(service=services[slug], status=status, defaults={"limit": limit})

    for slug, (owner, works) in WORK.items():
        service = services.get(slug)
        if service is None:
            continue
        existing = set(BacklogItem.objects.filter(service=service).values_list("title", flat=True))
        for work in works:
            if work.title in existing:
                continue
            item = actions.create_item(
                service,
                users.get(owner),
                title=work.title,
                description=work.description,
                kind=work.kind,
                assignee=users.get(work.assignee),
                due_date=today + datetime.timedelta(days=work.due) if work.due is not None else None,
                blocked_reason=work.blocked,
                horizon=work.horizon,
                planned_month=_add_months(this_month, work.month) if work.month is not None else None,
            )
            _replay(item, users.get(work.assignee) or users.get(owner), work.moves, today, work.created)

    service = services.get(RETRO["service"])
    if service is None or Retro.objects.filter(service=service, to_improve=RETRO["to_improve"]).exists():
        return
    author = users.get(RETRO["author"])
    held_on = today - datetime.timedelta(days=RETRO["days_ago"])
    retro = create_retro(
        service,
        author,
        held_on=held_on,
        went_well=RETRO["went_well"],
        to_improve=RETRO["to_improve"],
        action_titles=[title for title, _moves in RETRO["actions"]],
    )
    Retro.objects.filter(pk=retro.pk).update(created_at=_moment(today, RETRO["days_ago"], retro.pk))
    items = {item.title: item for item in retro.actions.all()}
    for title, moves in RETRO["actions"]:
        item = items[title]
        actions.update_item(item, author, horizon="now", planned_month=this_month)
        ItemChange.objects.filter(item=item).exclude(field="created").update(
            changed_at=_moment(today, RETRO["days_ago"], item.pk)
        )
        _replay(item, users.get("emma") or author, moves, today, RETRO["days_ago"])
