"""GET /api/v1/ideas and /api/v1/swarms: the staff idea board with vote counts, and the swarms, for BI
tools. Ideas and swarms belong to the whole organisation: any token or member of staff reads them;
a guest of a partner organisation gets 404. Ordered by id and paged with `next_cursor`."""

from datetime import date, datetime

from django.db.models import Count
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from kuulo.api import reading
from kuulo.api.auth import READ
from kuulo.api.errors import Refusal
from kuulo.network.access import is_guest
from kuulo.network.models import Idea, Swarm
from kuulo.traceability.queries import target_ids

MAX_LIMIT = 1000

router = Router()


class Paged(Schema):
    cursor: str | None = reading.CURSOR
    limit: int = reading.limit_field(100, MAX_LIMIT)


class IdeaRecord(Schema):
    id: int
    title: str
    status: str = Field(description="open, under_review, planned, started, done, declined or duplicate.")
    votes: int
    followers: int
    services: list[str] = Field(description="Short names of the services it touches.")
    duplicate_of: int | None
    backlog_items: list[int] = Field(description="Ids of the backlog items it became (see /backlog-items).")
    created_at: datetime


class IdeaPage(reading.Page):
    items: list[IdeaRecord]


class SwarmRecord(Schema):
    id: int
    title: str
    status: str = Field(description="active or closed.")
    goal: str
    outcome: str
    starts_on: date
    ends_on: date
    units: list[str] = Field(description="English names of the units (Finnish when there is none).")
    members: int
    meetings: int
    ideas: list[int]


class SwarmPage(reading.Page):
    items: list[SwarmRecord]


def _staff(request: HttpRequest) -> None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and is_guest(user):
        raise Refusal(404, {"path": "No such list."})


@router.get(
    "/ideas",
    auth=READ,
    response={200: IdeaPage, **reading.READ_ERRORS},
    tags=["network"],
    summary="Ideas of the staff idea board with their vote counts",
)
def ideas(request: HttpRequest, filters: Query[Paged]):
    _staff(request)
    paging = reading.id_paging("ideas", filters.cursor, filters.limit, MAX_LIMIT)
    rows = (
        Idea.objects.filter(pk__gt=paging.after)
        .order_by("pk")
        .annotate(vote_count=Count("votes", distinct=True), follower_count=Count("follows", distinct=True))
        .prefetch_related("services")
    )
    page, next_cursor = paging.cut(rows)
    items = target_ids("idea", [idea.pk for idea in page], "item")
    return {
        "items": [
            {
                "id": idea.pk,
                "title": idea.title,
                "status": idea.status,
                "votes": idea.vote_count,
                "followers": idea.follower_count,
                "services": [service.slug for service in idea.services.all()],
                "duplicate_of": idea.duplicate_of_id,
                "backlog_items": items.get(idea.pk, []),
                "created_at": idea.created_at,
            }
            for idea in page
        ],
        "next_cursor": next_cursor,
    }


@router.get(
    "/swarms",
    auth=READ,
    response={200: SwarmPage, **reading.READ_ERRORS},
    tags=["network"],
    summary="Swarms across units, with their goal and outcome",
)
def swarms(request: HttpRequest, filters: Query[Paged]):
    _staff(request)
    paging = reading.id_paging("swarms", filters.cursor, filters.limit, MAX_LIMIT)
    rows = (
        Swarm.objects.filter(pk__gt=paging.after)
        .order_by("pk")
        .annotate(member_count=Count("members", distinct=True), meeting_count=Count("meetings", distinct=True))
        .prefetch_related("units", "ideas")
    )
    page, next_cursor = paging.cut(rows)
    return {
        "items": [
            {
                "id": swarm.pk,
                "title": swarm.title,
                "status": swarm.status,
                "goal": swarm.goal,
                "outcome": swarm.outcome,
                "starts_on": swarm.starts_on,
                "ends_on": swarm.ends_on,
                "units": [unit.name_en or unit.name_fi for unit in swarm.units.all()],
                "members": swarm.member_count,
                "meetings": swarm.meeting_count,
                "ideas": [idea.pk for idea in swarm.ideas.all()],
            }
            for swarm in page
        ],
        "next_cursor": next_cursor,
    }
