"""Args builders for tests/pages.py, and the data the backlog item tests share."""

import datetime

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem
from kuulo.insights.models import Insight
from kuulo.metrics.models import Metric
from kuulo.traceability.models import Link
from tests.insights.pages import answered
from tests.surveys.public_pages import ensure_metric_library


def backlog_with_items(service) -> list[BacklogItem]:
    """Three ranked items of `service`: one late with evidence and an expected effect, one done, one plain."""
    ensure_metric_library()
    comments = answered(service, count=3)
    insight = Insight.objects.create(service=service, statement="Puhelinjonot ovat liian pitkiä.", status="confirmed")
    late = actions.create_item(
        service,
        None,
        title="Takaisinsoitto ruuhka-aikaan",
        kind="feature",
        status="in_progress",
        value=5,
        effort=3,
        tags=["jonot", "puhelin"],
        due_date=datetime.date(2020, 1, 31),
        expected_metric=Metric.objects.get(code="csat", version=1),
        expected_direction="up",
        expected_target=80,
        comments=comments[:2],
        insights=[insight],
    )
    done = actions.create_item(service, None, title="Jonotiedote verkkosivulle", status="done")
    plain = actions.create_item(service, None, title="Selkokielinen ohje", kind="research")
    return [late, done, plain]


def service_with_items(service) -> list:
    backlog_with_items(service)
    return [service.pk]


def item_args(service) -> list:
    return [service.pk, backlog_with_items(service)[0].pk]


def comment_item_link_args(service) -> list:
    """The first item and one of the comments it rests on, as traceability:unlink takes them."""
    item = backlog_with_items(service)[0]
    comment_id = Link.objects.incoming(item, "comment").first().source_id
    return [service.pk, "comment", comment_id, "item", item.pk]
