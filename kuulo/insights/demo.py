"""Insights of the demo organisation, written the way a team would, each linked
to the demo comments that back it (found by keyword) and one to a segment."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kuulo.accounts.models import User
from kuulo.feedback.histograms import answered_metric_ids
from kuulo.feedback.models import Comment
from kuulo.insights import actions
from kuulo.insights.models import Insight, SegmentEvidence
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service
from kuulo.traceability import actions as links

EVIDENCE_PER_INSIGHT = 5
POSITIVE, NEGATIVE = "positive", "negative"


@dataclass(frozen=True)
class DemoInsight:
    service: str  # slug
    author: str  # user name
    statement: str
    status: str
    tags: list[str]
    keywords: list[str] = field(default_factory=list)  # any of these in a comment (fi, sv or en)
    segment: dict | None = None  # metric code, days back, filters
    mood: str = NEGATIVE  # comments of satisfied (CSAT 4-5) or dissatisfied (1-3) customers


INSIGHTS = [
    DemoInsight(
        "advice-line",
        "sofia",
        "Puhelinneuvonnan jonotusajat ovat pidentyneet syksyn aikana, ja osa soittajista luovuttaa ennen kuin "
        "pääsee läpi.",
        Insight.Status.CONFIRMED,
        ["jonotus", "puhelinpalvelu"],
        ["jono", "jonot", "kö", "queue", "wait"],
        {"metric": "ces", "days": 60, "channel": "phone"},
    ),
    DemoInsight(
        "advice-line",
        "emma",
        "Asiakkaat toivovat takaisinsoittoa ja arviota odotusajasta, kun jono on pitkä.",
        Insight.Status.DRAFT,
        ["jonotus", "takaisinsoitto"],
        ["takaisinsoit", "odotusaika", "uppringd", "kötid", "called me back", "waiting time"],
    ),
    DemoInsight(
        "housing-allowance-online",
        "owner",
        "Uudistettu asumistuen hakulomake on selvästi helpompi täyttää, myös puhelimella.",
        Insight.Status.ACTIONED,
        ["verkkoasiointi", "lomake"],
        ["uusi lomake", "uudistettu", "nya formulär", "nya ansökan", "new form", "redesigned"],
        mood=POSITIVE,
    ),
    DemoInsight(
        "housing-allowance-online",
        "team",
        "Liitteiden lähettäminen on yhä hakemuksen hankalin vaihe: tiedostokoko ja tarvittavat liitteet jäävät "
        "epäselviksi.",
        Insight.Status.CONFIRMED,
        ["liitteet", "verkkoasiointi"],
        ["liite", "bilag", "attachment"],
    ),
    DemoInsight(
        "chat-advice",
        "juha",
        "Iltaisin vastaava chatbotti ei ymmärrä tarkempia kysymyksiä; asiakkaat haluavat päästä puhumaan ihmisen "
        "kanssa.",
        Insight.Status.DRAFT,
        ["chatbotti", "chat"],
        ["botti", "chatbot", "chattbot", "boten", "the bot"],
    ),
    DemoInsight(
        "decision-letters",
        "owner",
        "Päätöskirjeen alkuun kaivataan lyhyttä yhteenvetoa: mitä päätettiin ja mitä asiakkaan pitää tehdä "
        "seuraavaksi.",
        Insight.Status.CONFIRMED,
        ["päätöskirjeet", "selkokieli"],
        ["yhteenveto", "sammanfattning", "summary", "ymmärrettävä", "laskelma"],
    ),
]


@transaction.atomic
def load_demo_insights() -> int:
    """Creates the demo insights that are missing (matched by service and statement); returns how many."""
    services = {service.slug: service for service in Service.objects.filter(slug__in={i.service for i in INSIGHTS})}
    authors = {user.username: user for user in User.objects.filter(username__in={i.author for i in INSIGHTS})}
    created = 0
    for spec in INSIGHTS:
        service = services.get(spec.service)
        if service is None or Insight.objects.filter(service=service, statement=spec.statement).exists():
            continue
        author = authors.get(spec.author)
        insight = actions.create_insight(service, author, statement=spec.statement, status=spec.status, tags=spec.tags)
        for comment in _comments_about(service, spec.keywords, spec.mood):
            links.link(comment, insight, author)
        if spec.segment:
            _add_segment(insight, spec.segment, author)
        created += 1
    return created


def _comments_about(service: Service, keywords: list[str], mood: str) -> list[Comment]:
    """Up to EVIDENCE_PER_INSIGHT comments with a keyword, the most (dis)satisfied customers first."""
    if not keywords:
        return []
    matches = Q()
    for keyword in keywords:
        matches |= Q(text__icontains=keyword)
    about = Comment.objects.filter(matches, response__service=service).order_by("-response__responded_at", "pk")
    bands = [(5, 5), (4, 4)] if mood == POSITIVE else [(1, 2), (3, 3)]
    found: list[Comment] = []
    for low, high in bands:
        band = about.filter(
            response__answers__metric__code="csat",
            response__answers__value__gte=low,
            response__answers__value__lte=high,
        ).exclude(pk__in=[comment.pk for comment in found])
        found += list(band.distinct()[: EVIDENCE_PER_INSIGHT - len(found)])
    return found


def _add_segment(insight: Insight, spec: dict, author) -> None:
    answered = answered_metric_ids(insight.service)
    metric = Metric.objects.filter(code=spec["metric"], pk__in=answered).order_by("-version").first()
    if metric is None:
        return
    end = timezone.localdate()
    segment = SegmentEvidence(
        metric=metric,
        start=end - timedelta(days=spec["days"] - 1),
        end=end,
        channel=spec.get("channel", ""),
        note="Jonot alkoivat kasvaa noin kaksi kuukautta sitten.",
    )
    actions.add_segment(insight, segment, author)
