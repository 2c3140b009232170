"""The demo organisation's journey map: moving house and applying for housing allowance, a life
event that crosses another agency (the Digital and Population Data Services Agency) before our
process and the customer's bank after it, with live feedback on our own steps, a persona, pain
points backed by comments and opportunities that became backlog items (one done, with its
measured effect on the backlog's effect pages), and a future-state copy with two steps redesigned.

Idempotent: nothing is added when the service already has the map."""

from django.db import transaction
from django.db.models import Q

from kuulo.accounts.models import User
from kuulo.backlog.models import BacklogItem
from kuulo.feedback.models import Comment
from kuulo.insights.models import Insight
from kuulo.journeys.actions import copy_as_future
from kuulo.journeys.models import Emotion, JourneyMap, Opportunity, PainPoint, Persona, Phase, Process, Step
from kuulo.organisation.models import Channel, LifeEvent, Service, Unit
from kuulo.traceability import actions as links

SERVICE = "housing-allowance-online"
TITLE = "Muutto ja asumistuen hakeminen"
EVIDENCE = 4

# phase name, process, steps: (name, process, other organisation, channel, touchpoint, measured
# touchpoints, does, thinks, feels, backstage, emotion)
PHASES = [
    (
        "Muuton valmistelu",
        Process.BEFORE,
        [
            (
                "Vuokrasopimus uuteen asuntoon",
                Process.BEFORE,
                "Vuokranantaja",
                "",
                "Vuokrasopimus",
                [],
                "Allekirjoittaa vuokrasopimuksen ja maksaa vuokravakuuden.",
                "Riittävätkö rahat vuokraan ja vakuuteen?",
                "Innostunut mutta huolissaan rahasta.",
                "",
                0,
            ),
            (
                "Muuttoilmoitus",
                Process.BEFORE,
                "Digi- ja väestötietovirasto (DVV)",
                Channel.WEB,
                "Muuttoilmoitus verkossa",
                [],
                "Tekee muuttoilmoituksen verkossa.",
                "Menikö tieto nyt kaikille viranomaisille, myös asumistukeen?",
                "Epävarma.",
                "DVV välittää osoitteen väestötietojärjestelmään; asumistuki ei saa hakemusta siitä.",
                -1,
            ),
        ],
    ),
    (
        "Asumistuen hakeminen",
        Process.OURS,
        [
            (
                "Hakemuksen täyttäminen",
                Process.OURS,
                "",
                Channel.WEB,
                "Verkkohakemus",
                ["application-form"],
                "Täyttää asumistuen hakemuksen verkossa, usein puhelimella.",
                "Mitä tuloja tähän pitää ilmoittaa?",
                "Keskittynyt; uusi lomake etenee selkeästi.",
                "Lomake tarkistaa pakolliset tiedot ja tallentaa keskeneräisen hakemuksen.",
                1,
            ),
            (
                "Liitteiden lähettäminen",
                Process.OURS,
                "",
                Channel.WEB,
                "Liitteiden lataus",
                ["attachments"],
                "Kuvaa vuokrasopimuksen ja palkkatodistuksen ja lataa ne.",
                "Miksi liite ei kelpaa?",
                "Turhautunut, kun lataus epäonnistuu.",
                "Liitteet tarkistetaan käsin käsittelyn alussa; puuttuvista pyydetään täydennys kirjeellä.",
                -2,
            ),
            (
                "Hakemuksen tilan seuranta",
                Process.OURS,
                "",
                Channel.WEB,
                "Hakemuksen tila",
                ["application-status"],
                "Käy katsomassa, missä vaiheessa hakemus on.",
                "Milloin saan päätöksen? Ehdinkö maksaa vuokran?",
                "Odottava.",
                "Käsittelijä ottaa hakemuksen jonosta saapumisjärjestyksessä.",
                -1,
            ),
        ],
    ),
    (
        "Päätös ja maksu",
        Process.AFTER,
        [
            (
                "Päätöksen saaminen",
                Process.OURS,
                "",
                Channel.LETTER,
                "Päätöskirje",
                [],
                "Lukee päätöksen verkkoasioinnista tai paperikirjeestä.",
                "Miten tuen määrä on laskettu?",
                "Helpottunut, jos tuki myönnettiin.",
                "Päätöskirjeet lähtevät Päätöskirjeet-palvelusta.",
                1,
            ),
            (
                "Tuen maksu tilille",
                Process.AFTER,
                "Asiakkaan pankki",
                "",
                "Tilisiirto",
                [],
                "Saa tuen tililleen kuukauden alussa.",
                "Tuleeko tuki ennen vuokran eräpäivää?",
                "Rauhallinen.",
                "",
                1,
            ),
            (
                "Tulomuutosten ilmoittaminen",
                Process.AFTER,
                "",
                Channel.WEB,
                "Muutosilmoitus",
                [],
                "Ilmoittaa, kun tulot muuttuvat kesätyön tai uuden työn vuoksi.",
                "Pitääkö tästä ilmoittaa heti vai vasta tarkistuksessa?",
                "Epävarma.",
                "",
                -1,
            ),
        ],
    ),
]

PAIN_POINTS = {
    "Muuttoilmoitus": (
        "Asiakas luulee, että muuttoilmoitus välittyy myös asumistukeen.",
        ["muutto", "flytt", "moving"],
    ),
    "Liitteiden lähettäminen": (
        "Liitteen koko- ja muotovaatimukset selviävät vasta virheilmoituksesta.",
        ["liite", "liitte", "bilag", "attachment"],
    ),
    "Hakemuksen tilan seuranta": (
        "Asiakas ei tiedä, kauanko käsittely kestää.",
        ["käsittely", "kesto", "handläggning", "processing"],
    ),
}

# step, title, status, customer value, organisation value, effort, backlog items (titles)
OPPORTUNITIES = [
    (
        "Liitteiden lähettäminen",
        "Näytä liitteiden vaatimukset lomakkeella ennen latausta",
        Opportunity.Status.IN_PROGRESS,
        85,
        60,
        2,
        ["Liitteiden koko- ja muotovaatimukset näkyviin lomakkeelle", "Asumistuen hakulomakkeen uudistus"],
    ),
    (
        "Hakemuksen tilan seuranta",
        "Kerro käsittelyaika-arvio hakemuksen tilassa",
        Opportunity.Status.OPEN,
        70,
        50,
        3,
        ["Hakemuksen käsittelyaika-arvio etusivulle"],
    ),
    (
        "Muuttoilmoitus",
        "Ohjaa muuttoilmoituksen tekijä asumistuen hakuun yhdessä DVV:n kanssa",
        Opportunity.Status.OPEN,
        75,
        40,
        5,
        [],
    ),
]


@transaction.atomic
def load_demo_journeys() -> JourneyMap | None:
    service = Service.objects.filter(slug=SERVICE).first()
    if service is None or JourneyMap.objects.filter(service=service, title=TITLE).exists():
        return None
    owner = User.objects.filter(username="owner").first()
    team = User.objects.filter(username="team").first()
    persona = Persona.objects.create(
        service=service,
        name="Ensimmäistä kertaa muuttava opiskelija",
        description="Muuttaa ensimmäiseen omaan vuokra-asuntoonsa opiskelupaikkakunnalle. Asioi puhelimella.",
        needs="Tietää, mitä pitää tehdä ja missä järjestyksessä. Saada tuki ennen ensimmäistä vuokranmaksua.",
        customer_group="private-person",
    )
    journey = JourneyMap.objects.create(
        service=service,
        life_event=LifeEvent.objects.filter(name_en="Moving").first(),
        title=TITLE,
        description="Muutto uuteen vuokra-asuntoon asiakkaan näkökulmasta: muuttoilmoituksesta DVV:lle asumistuen "
        "hakemiseen ja tuen maksuun. Kartoitettu asiakashaastatteluissa ja palautteesta.",
        owner=owner,
        persona=persona,
        kind=JourneyMap.Kind.CURRENT,
        status=JourneyMap.Status.ACTIVE,
    )
    housing_support = Unit.objects.filter(name_en="Housing Support").first()
    steps: dict[str, Step] = {}
    for position, (name, process, specs) in enumerate(PHASES):
        phase = Phase.objects.create(journey=journey, position=position, name=name, process=process)
        for index, spec in enumerate(specs):
            (title, step_process, other, channel, touchpoint, measured, does, thinks, feels, backstage, emotion) = spec
            step = Step.objects.create(
                service=service,
                phase=phase,
                position=index,
                name=title,
                process=step_process,
                other_organisation=other,
                other_unit=housing_support if title == "Päätöksen saaminen" else None,
                channel=channel,
                touchpoint=touchpoint,
                measured_touchpoints=measured,
                does=does,
                thinks=thinks,
                feels=feels,
                backstage=backstage,
                updated_by=team,
            )
            Emotion.objects.create(step=step, persona=persona, score=emotion)
            steps[title] = step
    for step_name, (text, keywords) in PAIN_POINTS.items():
        pain = PainPoint.objects.create(service=service, step=steps[step_name], text=text)
        for comment in _comments_about(service, keywords):
            links.link(comment, pain, team)
        insight = Insight.objects.filter(service=service, statement__icontains=keywords[0]).first()
        if insight is not None:
            links.link(insight, pain, team)
    for step_name, title, status, customer, organisation, effort, items in OPPORTUNITIES:
        opportunity = Opportunity.objects.create(
            service=service,
            step=steps[step_name],
            title=title,
            status=status,
            customer_value=customer,
            organisation_value=organisation,
            effort=effort,
        )
        opportunity.pain_points.set(PainPoint.objects.filter(step=steps[step_name]))
        for item in BacklogItem.objects.filter(service=service, title__in=items):
            links.link(opportunity, item, owner)
    _future_state(journey, owner, persona)
    return journey


def _future_state(journey: JourneyMap, owner, persona: Persona) -> None:
    """The to-be copy: the attachment requirements shown before uploading, the move notification
    leading to the application."""
    future = copy_as_future(journey, owner)
    changes = {
        "Liitteiden lähettäminen": (
            "Näkee liitteiden vaatimukset lomakkeella ja lataa liitteet kerralla oikeassa muodossa.",
            "Luottavainen.",
            1,
        ),
        "Muuttoilmoitus": (
            "Saa muuttoilmoituksen lopussa linkin asumistuen hakemiseen.",
            "Tietää, mitä tehdä seuraavaksi.",
            1,
        ),
    }
    for step in Step.objects.filter(phase__journey=future, name__in=changes):
        step.does, step.feels, score = changes[step.name]
        step.save(update_fields=["does", "feels"])
        Emotion.objects.filter(step=step, persona=persona).update(score=score)


def _comments_about(service: Service, keywords: list[str]) -> list[Comment]:
    """A few comments of dissatisfied customers (CSAT 1–3) that mention any of the keywords, newest first."""
    matches = Q()
    for keyword in keywords:
        matches |= Q(text__icontains=keyword)
    comments = Comment.objects.filter(
        matches,
        response__service=service,
        response__answers__metric__code="csat",
        response__answers__value__lte=3,
    ).order_by("-response__received_at", "pk")
    return list(comments.distinct()[:EVIDENCE])
