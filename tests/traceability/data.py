"""What the traceability tests share: a service's comments, an insight and an item."""

import dataclasses

from kuulo.backlog import actions as backlog
from kuulo.insights.models import Insight
from tests.insights.pages import answered


@dataclasses.dataclass
class Things:
    comments: list
    insight: Insight
    item: object


def things_of(service) -> Things:
    comments = answered(service, count=3)
    insight = Insight.objects.create(service=service, statement="Jonot ovat pitkiä.", status="confirmed")
    item = backlog.create_item(service, None, title="Takaisinsoitto")
    return Things(comments, insight, item)
