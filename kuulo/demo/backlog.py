"""The demo's backlogs: ranked items of the main services that follow the demo stories, with
evidence (demo comments found by keyword, the demo insights), expected effects, done items
with their dates (the housing allowance redesign went live REDESIGN_DAYS_AGO days ago, so its
effect can be computed from the demo feedback), "you said, we did" texts and a dated history.

Idempotent: an item that exists (same service and title) is left as it is. The board's demo
(kuulo.demo.board) adds the team's day-to-day work of two services after these.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kuulo.accounts.models import User
from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.demo.stories import REDESIGN_DAYS_AGO
from kuulo.feedback.models import Comment
from kuulo.insights.models import Insight
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service

S = BacklogItem.Status
K = BacklogItem.Kind
EVIDENCE_PER_ITEM = 3


@dataclass(frozen=True)
class DemoItem:
    title: str
    kind: str
    status: str
    created: int  # days ago
    value: int | None = None
    effort: int | None = None
    tags: list[str] = field(default_factory=list)
    assignee: str = ""
    due: int | None = None  # days from today; negative is late
    description: str = ""
    effect: tuple[str, str, float | None] | None = None  # metric code, direction, target
    horizon: str = ""
    month: int | None = None  # months from this month
    moves: list[tuple[int, str]] = field(default_factory=list)  # (days ago, status), oldest first
    keywords: list[str] = field(default_factory=list)  # comments with any of these become evidence
    insight: str = ""  # the start of a demo insight's statement
    we_did: tuple[str, str, str] | None = None  # fi, sv, en; published when given
    blocked: str = ""


BACKLOGS = {
    "housing-allowance-online": (
        "owner",
        [
            DemoItem(
                "Liitteiden koko- ja muotovaatimukset näkyviin lomakkeelle",
                K.FIX,
                S.READY,
                34,
                4,
                2,
                ["liitteet", "verkkoasiointi"],
                "team",
                14,
                "Kerrotaan liitekentän vieressä sallitut tiedostomuodot ja enimmäiskoko sekä mitkä liitteet "
                "tarvitaan missäkin tilanteessa.",
                ("ease", "up", 80),
                "now",
                0,
                [(20, S.READY)],
                ["liite", "bilag", "attachment"],
                "Liitteiden lähettäminen",
            ),
            DemoItem(
                "Hakemuksen käsittelyaika-arvio etusivulle",
                K.IMPROVEMENT,
                S.IN_PROGRESS,
                40,
                3,
                2,
                ["käsittelyaika"],
                "team",
                -3,
                "Näytetään arvio siitä, milloin päätös tulee, hakemuksen lähettämisen jälkeen.",
                ("trust", "up", 75),
                "now",
                0,
                [(25, S.READY), (10, S.IN_PROGRESS)],
                ["käsittely", "handläggning", "processing", "decision came"],
            ),
            DemoItem(
                "Keskeneräisen hakemuksen automaattinen tallennus",
                K.FEATURE,
                S.IDEA,
                12,
                4,
                3,
                ["lomake"],
                horizon="next",
                month=2,
                effect=("effectiveness", "up", None),
            ),
            DemoItem(
                "Tutkimus: miksi hakemus jää kesken",
                K.RESEARCH,
                S.READY,
                21,
                3,
                2,
                ["lomake", "tutkimus"],
                "owner",
                horizon="next",
                month=1,
                moves=[(7, S.READY)],
            ),
            DemoItem(
                "Asumistuen hakulomakkeen uudistus",
                K.IMPROVEMENT,
                S.VERIFIED,
                REDESIGN_DAYS_AGO + 75,
                5,
                5,
                ["lomake", "verkkoasiointi"],
                "team",
                description="Hakulomake jaettiin vaiheisiin, kysymykset kirjoitettiin uudelleen selkokielellä ja "
                "lomake toimii nyt myös puhelimella.",
                effect=("csat", "up", 80),
                moves=[
                    (REDESIGN_DAYS_AGO + 60, S.READY),
                    (REDESIGN_DAYS_AGO + 45, S.IN_PROGRESS),
                    (REDESIGN_DAYS_AGO, S.DONE),
                    (30, S.VERIFIED),
                ],
                keywords=["uusi lomake", "uudistettu", "nya formulär", "new form", "redesigned"],
                insight="Uudistettu asumistuen hakulomake",
                we_did=(
                    "Asiakkaat kertoivat, että asumistuen hakulomake oli vaikea täyttää. Uudistimme lomakkeen: "
                    "se etenee nyt vaiheittain, kysymykset ovat selkeämpiä ja lomake toimii myös puhelimella.",
                    "Kunderna berättade att ansökan om bostadsbidrag var svår att fylla i. Vi har förnyat blanketten: "
                    "den går nu framåt steg för steg, frågorna är tydligare och den fungerar också på mobilen.",
                    "Customers told us the housing allowance application was hard to fill in. We redesigned it: it now "
                    "goes step by step, the questions are clearer and it works on a phone too.",
                ),
            ),
            DemoItem(
                "Selkeämmät ohjeet tulotietojen ilmoittamiseen",
                K.IMPROVEMENT,
                S.DONE,
                60,
                3,
                1,
                ["ohjeet"],
                "team",
                effect=("effectiveness", "up", 70),
                moves=[(45, S.IN_PROGRESS), (20, S.DONE)],
                keywords=["tulot", "inkomst", "income"],
                we_did=(
                    "Kirjoitimme tulotietojen ohjeet uudelleen ja lisäsimme esimerkin tavallisimmista tilanteista.",
                    "Vi skrev om anvisningarna om inkomstuppgifter och lade till exempel på de vanligaste fallen.",
                    "We rewrote the guidance on income details and added examples of the most common cases.",
                ),
            ),
        ],
    ),
    "advice-line": (
        "sofia",
        [
            DemoItem(
                "Lisää neuvojia iltapäivän ruuhkahuippuihin",
                K.IMPROVEMENT,
                S.IN_PROGRESS,
                45,
                5,
                4,
                ["jonotus", "puhelinpalvelu"],
                "sofia",
                7,
                "Siirretään kaksi neuvojaa iltapäivävuoroon syyskuusta alkaen, kun jonot ovat pisimmillään.",
                ("ces", "up", 55),
                "now",
                0,
                [(30, S.READY), (14, S.IN_PROGRESS)],
                ["jono", "jonot", "kö", "queue", "wait"],
                "Puhelinneuvonnan jonotusajat",
            ),
            DemoItem(
                "Takaisinsoiton lupaus tekstiviestillä",
                K.FEATURE,
                S.IDEA,
                20,
                4,
                3,
                ["jonotus", "takaisinsoitto"],
                effect=("csat", "up", 75),
                horizon="next",
                month=1,
                keywords=["takaisinsoit", "uppringd", "called me back"],
                insight="Asiakkaat toivovat takaisinsoittoa",
            ),
            DemoItem(
                "Usein kysytyt kysymykset verkkoon puhelinjonon sijaan",
                K.IMPROVEMENT,
                S.READY,
                26,
                3,
                2,
                ["verkkoasiointi"],
                "emma",
                21,
                effect=("ces", "up", None),
                horizon="next",
                month=1,
                moves=[(12, S.READY)],
            ),
            DemoItem(
                "Puhelun jälkeisen palautekyselyn lyhennys",
                K.FIX,
                S.IDEA,
                8,
                2,
                1,
                ["palaute"],
            ),
            DemoItem(
                "Neuvojien perehdytys asumistuen uusiin sääntöihin",
                K.IMPROVEMENT,
                S.DONE,
                75,
                4,
                2,
                ["osaaminen"],
                "emma",
                effect=("effectiveness", "up", 75),
                moves=[(60, S.IN_PROGRESS), (48, S.DONE)],
                keywords=["ystävällinen", "vänlig", "friendly"],
                we_did=(
                    "Kaikki neuvojamme ovat käyneet asumistuen uusien sääntöjen koulutuksen, jotta saat oikean "
                    "vastauksen ensimmäisellä soitolla.",
                    "Alla våra rådgivare har gått utbildningen om de nya reglerna för bostadsbidrag, så att du får "
                    "rätt svar redan första gången du ringer.",
                    "All our advisers have been trained on the new housing allowance rules, so you get the right "
                    "answer the first time you call.",
                ),
            ),
        ],
    ),
    "building-permit": (
        "juha",
        [
            DemoItem(
                "Lupahakemuksen liitelista selkeäksi",
                K.FIX,
                S.READY,
                30,
                5,
                2,
                ["liitteet", "lupahakemus"],
                "juha",
                10,
                "Yksi lista siitä, mitkä liitteet tarvitaan mihinkin hankkeeseen, hakemuksen ensimmäiselle sivulle.",
                ("ces", "up", 60),
                "now",
                0,
                [(14, S.READY)],
                ["täydentämään", "puuttuvaa", "puutteelliset", "komplettera", "missing"],
            ),
            DemoItem(
                "Käsittelyvaiheen seuranta hakijalle",
                K.FEATURE,
                S.IN_PROGRESS,
                50,
                4,
                4,
                ["käsittelyaika"],
                "juha",
                -5,
                "Hakija näkee, missä vaiheessa lupa on ja kuka sitä käsittelee.",
                ("efficiency", "up", 70),
                "now",
                0,
                [(35, S.READY), (20, S.IN_PROGRESS)],
                ["käsittely", "handläggning", "processing"],
                blocked="Odottaa lupajärjestelmän rajapinnan päivitystä",
            ),
            DemoItem(
                "Ennakkoneuvottelun ajanvaraus verkossa",
                K.FEATURE,
                S.IDEA,
                15,
                4,
                3,
                ["ajanvaraus"],
                effect=("csat", "up", 75),
                horizon="next",
                month=2,
            ),
            DemoItem(
                "Rakennusvalvonnan neuvonta-ajat verkkosivulle",
                K.IMPROVEMENT,
                S.IDEA,
                9,
                2,
                1,
                ["verkkoasiointi"],
                horizon="later",
                month=4,
            ),
            DemoItem(
                "Tutkimus: mihin hakijat jumittuvat",
                K.RESEARCH,
                S.READY,
                22,
                3,
                2,
                ["tutkimus"],
                "juha",
                30,
                horizon="next",
                month=1,
                moves=[(8, S.READY)],
            ),
            DemoItem(
                "Päätösten perustelut selkokielelle",
                K.IMPROVEMENT,
                S.DONE,
                70,
                3,
                3,
                ["selkokieli"],
                "juha",
                effect=("fairness", "up", 70),
                moves=[(55, S.IN_PROGRESS), (38, S.DONE)],
                keywords=["perustelu", "motivering", "reasons"],
                we_did=(
                    "Kirjoitamme rakennuslupapäätösten perustelut nyt selkokielellä.",
                    "Vi skriver nu motiveringarna i bygglovsbeslut på lättläst språk.",
                    "We now write the reasons for building permit decisions in plain language.",
                ),
            ),
            DemoItem(
                "Katselmusajan varaus verkosta",
                K.FEATURE,
                S.IDEA,
                11,
                4,
                3,
                ["ajanvaraus", "katselmus"],
                effect=("efficiency", "up", None),
                horizon="later",
                month=4,
                keywords=["katselmus", "syn", "inspection"],
            ),
            DemoItem(
                "Käsittelijöiden ohjeistus yhtenäiseksi",
                K.IMPROVEMENT,
                S.READY,
                19,
                4,
                2,
                ["ohjeet"],
                "juha",
                effect=("fairness", "up", 70),
                horizon="next",
                month=1,
                moves=[(6, S.READY)],
                keywords=["eri käsittelijät", "olika handläggare", "different"],
            ),
            DemoItem("Lupapäätösten sähköinen allekirjoitus", K.FEATURE, S.IDEA, 4, 3, 4, ["verkkoasiointi"]),
            DemoItem("Paperilomakkeen palauttaminen", K.FEATURE, S.DISMISSED, 40, 1, 2, moves=[(30, S.DISMISSED)]),
        ],
    ),
    "chat-advice": (
        "juha",
        [
            DemoItem(
                "Chatbotista ihmiselle yhdellä valinnalla",
                K.FEATURE,
                S.IN_PROGRESS,
                35,
                5,
                3,
                ["chatbotti", "chat"],
                "team",
                12,
                "Chatbotin jokaisessa vastauksessa on valinta ”Haluan puhua ihmisen kanssa”.",
                ("csat", "up", 85),
                "now",
                0,
                [(20, S.READY), (6, S.IN_PROGRESS)],
                ["botti", "chatbot", "chattbot", "boten", "the bot"],
                "Iltaisin vastaava chatbotti",
            ),
            DemoItem(
                "Chatbotin vastausten laajennus asumistukeen",
                K.IMPROVEMENT,
                S.READY,
                25,
                4,
                3,
                ["chatbotti"],
                "team",
                effect=("helpfulness", "up", None),
                horizon="next",
                month=1,
                moves=[(10, S.READY)],
            ),
            DemoItem(
                "Kokeilu: ihmisneuvojat chatissa klo 20 asti",
                K.EXPERIMENT,
                S.IDEA,
                14,
                4,
                4,
                ["chat", "aukioloajat"],
                effect=("csat", "up", 85),
                horizon="next",
                month=2,
            ),
            DemoItem(
                "Keskusteluhistorian lähetys sähköpostiin",
                K.FEATURE,
                S.IDEA,
                6,
                2,
                2,
                ["chat"],
                horizon="later",
                month=5,
            ),
            DemoItem(
                "Chat auki myös viikonloppuisin",
                K.EXPERIMENT,
                S.IDEA,
                16,
                3,
                4,
                ["chat", "aukioloajat"],
                effect=("csat", "up", None),
                horizon="later",
                month=3,
                keywords=["viikonloppu", "helg", "weekend"],
            ),
            DemoItem(
                "Yhteys ei katkea, kun chat siirtyy neuvojalta toiselle",
                K.FIX,
                S.READY,
                13,
                5,
                2,
                ["chat"],
                "team",
                -1,
                effect=("csat", "up", 85),
                horizon="now",
                month=0,
                moves=[(5, S.READY)],
                keywords=["katkesi", "bröts", "disconnected", "kahdelle eri"],
            ),
            DemoItem("Chatin saavutettavuuden tarkistus", K.RESEARCH, S.IDEA, 3, 3, 2, ["saavutettavuus"]),
            DemoItem(
                "Chatin jonotusaika näkyviin",
                K.IMPROVEMENT,
                S.DONE,
                55,
                3,
                1,
                ["chat", "jonotus"],
                "team",
                effect=("csat", "up", 85),
                moves=[(40, S.IN_PROGRESS), (25, S.DONE)],
                keywords=["odottaa", "jonottaa", "vänta", "wait"],
                we_did=(
                    "Chat-ikkunassa näkyy nyt, kuinka kauan joudut odottamaan vastausta.",
                    "I chattfönstret ser du nu hur länge du får vänta på svar.",
                    "The chat window now shows how long you will wait for an answer.",
                ),
            ),
        ],
    ),
    "decision-letters": (
        "owner",
        [
            DemoItem(
                "Päätöskirjeen alkuun tiivistelmä",
                K.IMPROVEMENT,
                S.IN_PROGRESS,
                40,
                5,
                3,
                ["päätöskirjeet", "selkokieli"],
                "team",
                5,
                "Kirjeen alkuun kolme riviä: mitä päätettiin, paljonko tukea maksetaan ja mitä asiakkaan pitää "
                "tehdä seuraavaksi.",
                ("ease", "up", 70),
                "now",
                0,
                [(25, S.READY), (11, S.IN_PROGRESS)],
                ["yhteenveto", "sammanfattning", "summary", "virkamies", "pykälä", "myndighetsspråk"],
                "Päätöskirjeen alkuun kaivataan",
            ),
            DemoItem(
                "Tukilaskelman avaaminen esimerkillä",
                K.IMPROVEMENT,
                S.READY,
                30,
                4,
                2,
                ["päätöskirjeet"],
                "owner",
                effect=("ease", "up", None),
                horizon="next",
                month=1,
                moves=[(15, S.READY)],
                keywords=["laskelma", "beräkning", "calculation"],
            ),
            DemoItem(
                "Kirjeiden luettavuustestaus asiakkailla",
                K.RESEARCH,
                S.READY,
                18,
                3,
                2,
                ["selkokieli", "tutkimus"],
                "team",
                -2,
                horizon="now",
                month=0,
                moves=[(9, S.READY)],
            ),
            DemoItem(
                "Muutoksenhakuohjeen lyhennys",
                K.FIX,
                S.IDEA,
                7,
                2,
                1,
                ["päätöskirjeet"],
                horizon="later",
                month=3,
            ),
            DemoItem(
                "Pykäläviittausten selitykset kirjeen liitteeksi",
                K.IMPROVEMENT,
                S.IDEA,
                10,
                3,
                2,
                ["päätöskirjeet", "selkokieli"],
                effect=("ease", "up", None),
                horizon="next",
                month=2,
                keywords=["pykälä", "paragraf", "section"],
            ),
            DemoItem(
                "Päätöskirje myös verkkoasiointiin PDF:nä",
                K.FEATURE,
                S.IDEA,
                5,
                3,
                3,
                ["verkkoasiointi"],
                horizon="later",
                month=5,
            ),
            DemoItem(
                "Tuen määrän perustelu ennen laskelmaa",
                K.FIX,
                S.IN_PROGRESS,
                22,
                4,
                1,
                ["päätöskirjeet"],
                "owner",
                9,
                effect=("ease", "up", 70),
                horizon="now",
                month=0,
                moves=[(12, S.READY), (4, S.IN_PROGRESS)],
                keywords=["laskettu", "beräknat", "calculated"],
            ),
            DemoItem(
                "Selkokielinen kirjepohja",
                K.IMPROVEMENT,
                S.DONE,
                120,
                4,
                4,
                ["selkokieli", "päätöskirjeet"],
                "team",
                effect=("ease", "up", 65),
                moves=[(100, S.IN_PROGRESS), (60, S.DONE)],
                we_did=(
                    "Kirjoitimme päätöskirjeiden pohjan uudelleen selkokielellä yhdessä asiakkaiden kanssa.",
                    "Vi skrev om mallen för beslutsbrev på lättläst språk tillsammans med kunder.",
                    "We rewrote the decision letter template in plain language together with customers.",
                ),
            ),
        ],
    ),
}


def _moment(today: datetime.date, days_ago: int, seed: int) -> datetime.datetime:
    day = today - datetime.timedelta(days=days_ago)
    return datetime.datetime.combine(
        day, datetime.time(9 + seed % 7, (seed * 13) % 60), tzinfo=timezone.get_current_timezone()
    )


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _comments_about(service: Service, keywords: list[str]) -> list[Comment]:
    if not keywords:
        return []
    matches = Q()
    for keyword in keywords:
        matches |= Q(text__icontains=keyword)
    comments = Comment.objects.filter(matches, response__service=service).order_by("-response__responded_at", "pk")
    return list(comments[:EVIDENCE_PER_ITEM])


def _metric(code: str) -> Metric | None:
    return Metric.objects.filter(code=code, is_active=True).order_by("-version").first()


@transaction.atomic
def load_demo_backlog() -> int:
    """Creates the demo backlog items that are missing; returns how many."""
    services = {service.slug: service for service in Service.objects.filter(slug__in=BACKLOGS)}
    users = {user.username: user for user in User.objects.all()}
    today = timezone.localdate()
    created = 0
    for slug, (owner_name, specs) in BACKLOGS.items():
        service = services.get(slug)
        if service is None:
            continue
        owner = users.get(owner_name)
        existing = set(BacklogItem.objects.filter(service=service).values_list("title", flat=True))
        for spec in specs:
            if spec.title in existing:
                continue
            _create(service, owner, users, spec, today)
            created += 1
    return created


def _create(service: Service, owner, users: dict, spec: DemoItem, today: datetime.date) -> BacklogItem:
    fields = {
        "kind": spec.kind,
        "value": spec.value,
        "effort": spec.effort,
        "assignee": users.get(spec.assignee),
        "due_date": today + datetime.timedelta(days=spec.due) if spec.due is not None else None,
        "description": spec.description,
        "blocked_reason": spec.blocked,
        "horizon": spec.horizon,
        "planned_month": _add_months(today, spec.month) if spec.month is not None else None,
    }
    if spec.effect:
        code, direction, target = spec.effect
        fields.update(expected_metric=_metric(code), expected_direction=direction, expected_target=target)
    insights = []
    if spec.insight:
        insights = list(Insight.objects.filter(service=service, statement__startswith=spec.insight)[:1])
    item = actions.create_item(
        service,
        owner,
        title=spec.title,
        tags=spec.tags,
        comments=_comments_about(service, spec.keywords),
        insights=insights,
        **fields,
    )
    seed = item.pk
    created_at = _moment(today, spec.created, seed)
    BacklogItem.objects.filter(pk=item.pk).update(created_at=created_at)
    item.changes.update(changed_at=created_at)  # the created row and the evidence links
    for step, (days_ago, status) in enumerate(spec.moves):
        done_on = today - datetime.timedelta(days=days_ago)
        change = actions.change_status(item, owner, status, done_on=done_on if status == S.DONE else None)
        if change is not None:
            ItemChange.objects.filter(pk=change.pk).update(changed_at=_moment(today, days_ago, seed + step + 1))
    if item.status != spec.status:
        actions.change_status(item, owner, spec.status)
    if spec.we_did:
        fi, sv, en = spec.we_did
        changes = actions.update_item(item, owner, published=True, we_did_fi=fi, we_did_sv=sv, we_did_en=en)
        last_move = spec.moves[-1][0] if spec.moves else 0
        ItemChange.objects.filter(pk__in=[c.pk for c in changes]).update(
            changed_at=_moment(today, max(last_move - 2, 0), seed + 9)
        )
    return item
