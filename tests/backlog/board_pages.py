"""Args builders for tests/pages.py (board, follow-up, roadmap, retrospectives) and the data their tests share."""

import datetime

from django.utils import timezone

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem
from kuulo.board.models import Retro, WipLimit
from kuulo.board.retro_views import create_retro

Status = BacklogItem.Status


def team_work(service, user=None) -> dict[str, BacklogItem]:
    """A small board: items in every column, one late, one blocked, on the roadmap, and a limit that is exceeded."""
    today = timezone.localdate()
    month = today.replace(day=1)
    make = actions.create_item
    items = {
        "idea": make(service, user, title="Takaisinsoitto jonosta", horizon="later"),
        "ready": make(
            service, user, title="Jonotusaika näkyviin", status=Status.READY, horizon="next", planned_month=month
        ),
        "doing": make(
            service,
            user,
            title="Chatbotin vastaukset",
            status=Status.IN_PROGRESS,
            horizon="now",
            due_date=today - datetime.timedelta(days=3),
            planned_month=month,
        ),
        "blocked": make(
            service,
            user,
            title="Liitteiden lataus",
            status=Status.IN_PROGRESS,
            horizon="now",
            blocked_reason="Odottaa tietohallintoa",
        ),
        "done": make(service, user, title="Uusi hakulomake", status=Status.DONE),
        "dismissed": make(service, user, title="Faksi takaisin", status=Status.DISMISSED),
    }
    WipLimit.objects.update_or_create(service=service, status=Status.IN_PROGRESS, defaults={"limit": 1})
    return items


def board_args(service) -> list:
    team_work(service)
    return [service.pk]


def everyone_with_work(service) -> list:
    team_work(service)
    return []


def retro_args(service) -> list:
    retro = create_retro(
        service,
        None,
        held_on=timezone.localdate(),
        went_well="Yhteistyö toimi.",
        to_improve="Jonot venyvät.",
        action_titles=["Takaisinsoitto kokeiluun", "Jonotusaika verkkosivuille"],
    )
    return [service.pk, retro.pk]


def service_with_retro(service) -> list:
    return retro_args(service)[:1]


def retro(service) -> Retro:
    return Retro.objects.get(pk=retro_args(service)[1])


def board_item_args(service) -> list:
    """A card in the ready column of the board: [service, item]."""
    return [service.pk, team_work(service)["ready"].pk]
