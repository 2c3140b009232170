"""The demo organisation's effect map: the housing allowance applied for online without calling
the advice line. Its goal follows CSAT; the deliverable "Asumistuen hakulomakkeen uudistus" is the
backlog's done and verified redesign, so the goal shows the measured change since it was done.
One impact links to the demo journey's step where the experience broke (the attachments).

Idempotent: nothing is added when the service already has the map. Run after the backlog and the
journeys demos."""

from datetime import date

from django.db import transaction

from kuulo.accounts.models import User
from kuulo.backlog.models import BacklogItem, Direction
from kuulo.effectmaps.models import Actor, Deliverable, EffectMap, Impact
from kuulo.journeys.demo import TITLE as JOURNEY
from kuulo.journeys.models import Step
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service
from kuulo.traceability import actions as links

SERVICE = "housing-allowance-online"
TITLE = "Asumistuki sujuvasti verkossa"
GOAL = (
    "Asumistuen hakijat saavat hakemuksen verkossa valmiiksi ilman, että heidän tarvitsee soittaa "
    "neuvontaan. Asiakastyytyväisyys (CSAT) on vähintään 80 % kesäkuun 2027 loppuun mennessä."
)

# actor, description, obstructs, impacts: (text, need, followed with CSAT, journey step, deliverables:
# (title, contribution, backlog item titles))
ACTORS = [
    (
        "Ensimmäistä kertaa hakevat opiskelijat",
        "Muuttavat ensimmäiseen omaan asuntoonsa ja hakevat tukea puhelimella.",
        False,
        [
            (
                "Täyttävät hakemuksen verkossa kerralla loppuun",
                "Saada tuki ennen ensimmäistä vuokranmaksua.",
                True,
                "Hakemuksen täyttäminen",
                [
                    ("Vaiheittain etenevä hakulomake selkokielellä", 5, ["Asumistuen hakulomakkeen uudistus"]),
                    ("Keskeneräisen hakemuksen tallennus", 3, []),
                ],
            ),
            (
                "Lähettävät oikeat liitteet ensimmäisellä kerralla",
                "Välttää lisäselvityspyyntö ja viivästys.",
                False,
                "Liitteiden lähettäminen",
                [
                    (
                        "Liitteiden vaatimukset näkyviin ennen latausta",
                        4,
                        ["Liitteiden koko- ja muotovaatimukset näkyviin lomakkeelle"],
                    )
                ],
            ),
        ],
    ),
    (
        "Neuvonnan asiakaspalvelijat",
        "Vastaavat puhelimeen, kun verkkohakemus ei etene.",
        False,
        [
            (
                "Ohjaavat soittajan verkkohakemukseen ja auttavat sen täyttämisessä",
                "Käyttää puheluaika niihin, jotka eivät pärjää verkossa.",
                False,
                "",
                [("Lyhyt ohje neuvontaan uudesta lomakkeesta", 2, [])],
            )
        ],
    ),
    (
        "Vuokranantajat",
        "Vuokrasopimus on hakemuksen tärkein liite; myöhässä tai puutteellisena se pysäyttää käsittelyn.",
        True,
        [
            (
                "Antavat allekirjoitetun vuokrasopimuksen vuokralaiselle heti",
                "Saada vuokra ajallaan.",
                False,
                "Vuokrasopimus uuteen asuntoon",
                [("Tiedote vuokranantajille asumistuen liitteistä", 2, [])],
            )
        ],
    ),
    (
        "Digi- ja väestötietovirasto (DVV)",
        "Muuttoilmoitus tehdään DVV:lle ennen kuin asumistukea haetaan.",
        False,
        [
            (
                "Ohjaa muuttoilmoituksen tekijän asumistuen hakuun",
                "Vähentää kysymyksiä siitä, mille viranomaisille tieto muutosta välittyy.",
                False,
                "Muuttoilmoitus",
                [("Linkki asumistuen hakuun muuttoilmoituksen loppuun", 3, [])],
            )
        ],
    ),
]


@transaction.atomic
def load_demo_effectmaps() -> EffectMap | None:
    service = Service.objects.filter(slug=SERVICE).first()
    if service is None or EffectMap.objects.filter(service=service, title=TITLE).exists():
        return None
    owner = User.objects.filter(username="owner").first()
    csat = Metric.objects.filter(code="csat", is_active=True).order_by("-version").first()
    effect_map = EffectMap.objects.create(
        service=service,
        title=TITLE,
        goal=GOAL,
        metric=csat,
        direction=Direction.UP,
        target_level=80,
        target_date=date(2027, 6, 30),
        owner=owner,
    )
    steps = {
        step.name: step for step in Step.objects.filter(phase__journey__service=service, phase__journey__title=JOURNEY)
    }
    for position, (name, description, obstructs, impacts) in enumerate(ACTORS):
        actor = Actor.objects.create(
            effect_map=effect_map, position=position, name=name, description=description, obstructs=obstructs
        )
        for number, (text, need, measured, step, deliverables) in enumerate(impacts):
            impact = Impact.objects.create(
                actor=actor,
                position=number,
                text=text,
                need=need,
                metric=csat if measured else None,
                step=steps.get(step),
            )
            for order, (title, contribution, items) in enumerate(deliverables):
                deliverable = Deliverable.objects.create(
                    service=service, impact=impact, position=order, title=title, contribution=contribution
                )
                for item in BacklogItem.objects.filter(service=service, title__in=items):
                    links.link(deliverable, item, owner)
    return effect_map
