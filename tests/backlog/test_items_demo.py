"""The demo backlog: ranked items with evidence, effects, done dates and we-did texts, loaded once."""

import datetime

from django.utils import timezone

from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.demo.backlog import BACKLOGS, load_demo_backlog
from kuulo.demo.stories import REDESIGN_DAYS_AGO
from kuulo.insights.demo import load_demo_insights
from kuulo.traceability.models import Link
from tests.factories import MembershipFactory, ServiceFactory
from tests.insights.pages import answered
from tests.surveys.public_pages import ensure_metric_library


def test_demo_backlog_loads_ranked_items_with_evidence_once(db):
    ensure_metric_library()
    housing = ServiceFactory(slug="housing-allowance-online")
    advice = ServiceFactory(slug="advice-line")
    MembershipFactory(service=advice, user__username="sofia")
    answered(advice, count=6)
    load_demo_insights()
    expected = len(BACKLOGS["housing-allowance-online"][1]) + len(BACKLOGS["advice-line"][1])
    assert load_demo_backlog() == expected
    assert load_demo_backlog() == 0
    for service in (housing, advice):
        ranks = list(BacklogItem.objects.filter(service=service).order_by("rank").values_list("rank", flat=True))
        assert ranks == list(range(1, len(ranks) + 1))
    queues = BacklogItem.objects.get(service=advice, title__startswith="Lisää neuvojia")
    assert Link.objects.incoming(queues, "comment").exists() and Link.objects.incoming(queues, "insight").exists()
    assert queues.expected_metric.code == "ces"
    assert queues.assignee.username == "sofia"
    redesign = BacklogItem.objects.get(service=housing, title="Asumistuen hakulomakkeen uudistus")
    assert redesign.done_at == timezone.localdate() - datetime.timedelta(days=REDESIGN_DAYS_AGO)
    assert redesign.published and redesign.we_did_fi and redesign.we_did_sv and redesign.we_did_en
    history = ItemChange.objects.filter(item=redesign, field="status").order_by("changed_at")
    assert [change.new for change in history] == ["ready", "in_progress", "done", "verified"]
    assert history.last().changed_at.date() < timezone.localdate()
