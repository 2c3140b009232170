import datetime

from django.utils import timezone

from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.board import queries as board_queries
from kuulo.board.models import Retro
from kuulo.demo.board import RETRO, WORK, load_demo_board
from kuulo.demo.organisation import load_organisation
from kuulo.organisation.models import Service


def test_the_demo_board_has_limits_history_a_roadmap_and_a_retro_and_loads_once(db):
    load_organisation()
    load_demo_board()
    advice = Service.objects.get(slug="advice-line")
    in_progress = next(column for column in board_queries.board(advice).columns if column.status == "in_progress")
    assert in_progress.over_limit

    last_week = board_queries.Week.of(timezone.localdate()).previous
    entry = board_queries.follow_up([advice], last_week)[0]
    assert entry.moves and entry.late and entry.blocked

    roadmap = board_queries.roadmap([advice])
    assert all(items for _code, _label, items in roadmap.horizons)
    assert sum(len(period.items) for period in roadmap.periods) >= 5

    retro = Retro.objects.get(service=advice)
    assert retro.actions.count() == 3
    assert set(retro.actions.values_list("kind", flat=True)) == {BacklogItem.Kind.IMPROVEMENT}
    oldest = ItemChange.objects.filter(item__service=advice).order_by("changed_at").first().changed_at
    assert timezone.localdate() - timezone.localtime(oldest).date() >= datetime.timedelta(days=40)

    count = BacklogItem.objects.count()
    load_demo_board()
    assert BacklogItem.objects.count() == count == sum(len(works) for _owner, works in WORK.values()) + 3
    assert Retro.objects.filter(service__slug=RETRO["service"]).count() == 1
