"""What the team board, the weekly follow-up and the roadmap show, read in a few queries each."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from kuulo.backlog.actions import OPEN_STATUSES
from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.board.forms import BOARD_COLUMNS, week_label
from kuulo.board.models import WipLimit
from kuulo.organisation.models import Service, Unit

Status = BacklogItem.Status
COLLAPSED = (Status.VERIFIED, Status.DISMISSED)
# Done items stay on the board this long after their done date; older ones are only counted.
DONE_SHOWN_DAYS = 28


def mark_late(items, today: datetime.date | None = None) -> None:
    """Sets `is_late` on each item: a due date in the past and the work not done."""
    today = today or timezone.localdate()
    for item in items:
        item.is_late = bool(item.due_date and item.due_date < today and item.status in OPEN_STATUSES)


def services_in_unit(services: QuerySet[Service], unit: Unit | None) -> QuerySet[Service]:
    """The services of `unit` and of the units below it (all of them when unit is None)."""
    if unit is None:
        return services
    parents = dict(Unit.objects.values_list("pk", "parent_id"))
    wanted = set()
    for pk in parents:
        node = pk
        while node is not None:
            if node == unit.pk:
                wanted.add(pk)
                break
            node = parents.get(node)
    return services.filter(unit__in=wanted)


# The board


@dataclass
class Column:
    status: str
    label: str
    items: list = field(default_factory=list)
    limit: int | None = None
    hidden_done: int = 0  # done items older than DONE_SHOWN_DAYS, not shown

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.count > self.limit

    @property
    def at_limit(self) -> bool:
        return self.limit is not None and self.count == self.limit


@dataclass
class Board:
    columns: list[Column]
    collapsed: list[Column]


def board(service: Service, today: datetime.date | None = None) -> Board:
    today = today or timezone.localdate()
    limits = dict(WipLimit.objects.filter(service=service).values_list("status", "limit"))
    columns = {status: Column(status, Status(status).label, limit=limits.get(status)) for status in BOARD_COLUMNS}
    collapsed = {status: Column(status, Status(status).label) for status in COLLAPSED}
    items = list(BacklogItem.objects.filter(service=service).select_related("assignee").order_by("rank", "id"))
    mark_late(items, today)
    shown_since = today - datetime.timedelta(days=DONE_SHOWN_DAYS)
    for item in items:
        if item.status == Status.DONE and item.done_at and item.done_at < shown_since:
            columns[Status.DONE].hidden_done += 1
        elif item.status in columns:
            columns[item.status].items.append(item)
        else:
            collapsed[item.status].items.append(item)
    return Board(list(columns.values()), list(collapsed.values()))


def save_wip_limits(service: Service, limits: dict[str, int | None]) -> None:
    for status, limit in limits.items():
        if limit:
            WipLimit.objects.update_or_create(service=service, status=status, defaults={"limit": limit})
        else:
            WipLimit.objects.filter(service=service, status=status).delete()


# The weekly follow-up


@dataclass(frozen=True)
class Week:
    monday: datetime.date

    @classmethod
    def of(cls, day: datetime.date) -> "Week":
        return cls(day - datetime.timedelta(days=day.weekday()))

    @property
    def label(self) -> str:
        return week_label(self.monday)

    @property
    def number(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def year(self) -> int:
        """The ISO year: the week of Monday 28 December 2026 is week 53 of 2026, of 4 January 2027 week 1 of 2027."""
        return self.monday.isocalendar()[0]

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    @property
    def previous(self) -> "Week":
        return Week(self.monday - datetime.timedelta(days=7))

    @property
    def next(self) -> "Week":
        return Week(self.monday + datetime.timedelta(days=7))

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Monday 00:00 to the next Monday 00:00, in the organisation's time zone."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.monday, datetime.time.min, tzinfo=zone)
        end = datetime.datetime.combine(self.next.monday, datetime.time.min, tzinfo=zone)
        return start, end


@dataclass
class ServiceFollowUp:
    service: Service
    moves: list = field(default_factory=list)  # ItemChange rows of the status, oldest first
    new: list = field(default_factory=list)
    done: list = field(default_factory=list)
    late: list = field(default_factory=list)
    blocked: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.moves or self.new or self.done or self.late or self.blocked)


def follow_up(services: list[Service], week: Week, today: datetime.date | None = None) -> list[ServiceFollowUp]:
    """Per service: the status moves, new items and done items of the week, and the items late or blocked today."""
    today = today or timezone.localdate()
    start, end = week.bounds()
    result = {service.pk: ServiceFollowUp(service) for service in services}
    moves = (
        ItemChange.objects.filter(item__service__in=services, field="status", changed_at__gte=start, changed_at__lt=end)
        .select_related("item", "changed_by")
        .order_by("changed_at", "id")
    )
    for change in moves:
        change.old_label = _status_label(change.old)
        change.new_label = _status_label(change.new)
        result[change.item.service_id].moves.append(change)
    items = BacklogItem.objects.filter(service__in=services).select_related("assignee").order_by("rank", "id")
    for item in items.filter(created_at__gte=start, created_at__lt=end):
        result[item.service_id].new.append(item)
    for item in items.filter(done_at__gte=week.monday, done_at__lte=week.sunday).order_by("done_at", "rank"):
        result[item.service_id].done.append(item)
    open_items = list(items.filter(status__in=OPEN_STATUSES))
    mark_late(open_items, today)
    for item in open_items:
        if item.is_late:
            result[item.service_id].late.append(item)
        if item.blocked_reason:
            result[item.service_id].blocked.append(item)
    for entry in result.values():
        entry.late.sort(key=lambda item: (item.due_date, item.rank))
    return list(result.values())


def _status_label(code: str) -> str:
    try:
        return Status(code).label
    except ValueError:
        return code or "–"


# The roadmap


@dataclass
class Period:
    start: datetime.date
    quarter: bool
    items: list = field(default_factory=list)

    @property
    def key(self) -> str:
        if self.quarter:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year}-{self.start.month:02d}"

    @property
    def quarter_number(self) -> int:
        return (self.start.month - 1) // 3 + 1


@dataclass
class Roadmap:
    horizons: list[tuple[str, str, list]]  # (code, label, items)
    periods: list[Period]
    no_horizon: list  # items without a horizon, some with a planned month
    by: str

    def editable_items(self):
        for _code, _label, items in self.horizons:
            yield from items
        yield from self.no_horizon


MAX_PERIODS = 36


def _period_start(day: datetime.date, quarter: bool) -> datetime.date:
    month = (day.month - 1) // 3 * 3 + 1 if quarter else day.month
    return datetime.date(day.year, month, 1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def roadmap(services, by: str = "month", today: datetime.date | None = None) -> Roadmap:
    """Items of `services` (not dismissed) by horizon, and those with a planned month by month or quarter.

    The timeline runs from the earlier of this period and the first planned one
    to the last planned one, at least three periods, at most MAX_PERIODS.
    """
    today = today or timezone.localdate()
    quarter = by == "quarter"
    items = list(
        BacklogItem.objects.filter(service__in=services)
        .exclude(status=Status.DISMISSED)
        .select_related("service", "assignee")
        .order_by("rank", "id")
    )
    mark_late(items, today)
    horizons = [
        (code, label, [item for item in items if item.horizon == code]) for code, label in BacklogItem.Horizon.choices
    ]
    planned = defaultdict(list)
    for item in items:
        if item.planned_month:
            planned[_period_start(item.planned_month, quarter)].append(item)
    step = 3 if quarter else 1
    first = min([_period_start(today, quarter), *planned])
    last = max([_add_months(first, 2 * step), *planned])
    periods = []
    start = first
    while start <= last and len(periods) < MAX_PERIODS:
        periods.append(Period(start, quarter, sorted(planned.get(start, []), key=lambda i: (i.planned_month, i.rank))))
        start = _add_months(start, step)
    no_horizon = [item for item in items if not item.horizon and item.status in OPEN_STATUSES]
    return Roadmap(horizons, periods, no_horizon, "quarter" if quarter else "month")
