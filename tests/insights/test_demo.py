from kuulo.feedback.models import Comment
from kuulo.insights.demo import INSIGHTS, load_demo_insights
from kuulo.insights.models import Insight
from kuulo.traceability.models import Link
from tests.factories import ServiceFactory
from tests.insights.pages import answered


def test_demo_insights_link_matching_comments_and_load_once(db):
    advice = ServiceFactory(slug="advice-line")
    answered(advice, count=6)
    assert load_demo_insights() == sum(spec.service == "advice-line" for spec in INSIGHTS)
    queues = Insight.objects.get(service=advice, tags__name="puhelinpalvelu")
    evidence = Link.objects.incoming(queues, "comment").values("source_id")
    linked = list(Comment.objects.filter(pk__in=evidence).values_list("text", flat=True))
    assert linked and all("jono" in text.lower() for text in linked)
    assert load_demo_insights() == 0
    assert Insight.objects.count() == 2
