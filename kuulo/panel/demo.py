"""The demo organisation's customer panel: about 150 members in Finnish, Swedish and English,
the consent text, contact rules, a sign-up screener, three studies of the housing allowance and
the appointment booking (one interview study with time slots and a quota), invitations that
respect the cooldowns, rewards, and one member whose interview led to a done backlog item, told
so by e-mail. "owner" is a panel manager. The texts are data, written in each language.

Idempotent: nothing is added when the panel already has members."""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kuulo.accounts.models import User
from kuulo.backlog.models import BacklogItem
from kuulo.organisation.models import LifeEvent, Organisation, Service
from kuulo.panel import rules
from kuulo.panel.access import managers_group
from kuulo.panel.models import (
    ConsentRecord,
    ConsentText,
    ContactPolicy,
    Invitation,
    MemberEvent,
    PanelMember,
    Participation,
    Quota,
    RewardEntry,
    ScreenerAnswer,
    ScreenerOption,
    ScreenerQuestion,
    Segment,
    Slot,
    Study,
)
from kuulo.traceability import actions as links

CONSENT = (
    "Suostun siihen, että Lupa- ja asumisvirasto tallentaa antamani tiedot asiakasraadin jäsenrekisteriin ja "
    "kutsuu minut enintään kolme kertaa 90 päivässä kyselyihin, haastatteluihin, käytettävyystesteihin ja "
    "työpajoihin. Osallistuminen on aina vapaaehtoista. Voin katsoa, korjata ja poistaa tietoni sekä perua "
    "suostumukseni milloin tahansa omalla sivullani.",
    "Jag samtycker till att Tillstånds- och bostadsverket sparar de uppgifter jag lämnar i kundpanelens "
    "medlemsregister och bjuder in mig högst tre gånger under 90 dagar till enkäter, intervjuer, "
    "användbarhetstester och workshoppar. Deltagandet är alltid frivilligt. Jag kan när som helst se, rätta och "
    "radera mina uppgifter och återkalla mitt samtycke på min egen sida.",
    "I agree that the Permits and Housing Agency keeps the details I give in the customer panel's register "
    "and invites me at most three times in 90 days to surveys, interviews, usability tests and workshops. "
    "Taking part is always voluntary. I can see, correct and erase my details and withdraw my consent at any "
    "time on my own page.",
)

SEGMENTS = {
    "families": ("Lapsiperheet", "Barnfamiljer", "Families with children"),
    "students": ("Opiskelijat", "Studerande", "Students"),
    "seniors": ("Yli 65-vuotiaat", "Över 65 år", "Aged over 65"),
    "tenants": ("Vuokralla asuvat", "Hyresgäster", "Tenants"),
}

# kind, (fi, sv, en), required, options [((fi, sv, en), segment key or None)]
SCREENER = [
    (
        ScreenerQuestion.Kind.MULTI,
        ("Mikä kuvaa elämäntilannettasi?", "Vad beskriver din livssituation?", "What describes your situation?"),
        False,
        [
            (
                (
                    "Perheessä on alle 18-vuotiaita lapsia",
                    "Det finns barn under 18 år i familjen",
                    "Children under 18 in the family",
                ),
                "families",
            ),
            (("Opiskelen", "Jag studerar", "I am a student"), "students"),
            (("Olen yli 65-vuotias", "Jag är över 65 år", "I am over 65"), "seniors"),
            (("Asun vuokralla", "Jag bor på hyra", "I rent my home"), "tenants"),
        ],
    ),
    (
        ScreenerQuestion.Kind.CHOICE,
        (
            "Kuinka usein asioit kanssamme verkossa?",
            "Hur ofta sköter du ärenden med oss på webben?",
            "How often do you deal with us online?",
        ),
        True,
        [
            (("Kuukausittain", "Varje månad", "Every month"), None),
            (("Muutaman kerran vuodessa", "Några gånger om året", "A few times a year"), None),
            (("Harvemmin", "Mer sällan", "Less often"), None),
        ],
    ),
    (
        ScreenerQuestion.Kind.TEXT,
        ("Haluatko kertoa jotain muuta?", "Vill du berätta något annat?", "Anything else you want to tell us?"),
        False,
        [],
    ),
]

NAMES = {
    "fi": (
        ["Aino", "Eino", "Helmi", "Juho", "Kaisa", "Lauri", "Minna", "Olli", "Riikka", "Sami", "Tiina", "Ville"],
        ["Virtanen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen"],
    ),
    "sv": (
        ["Anna", "Björn", "Elin", "Fredrik", "Hanna", "Johan", "Karin", "Lars", "Maja", "Nils", "Sofia", "Tor"],
        ["Lindholm", "Sjöberg", "Eriksson", "Holmström", "Nyberg", "Wikström", "Åberg", "Lindqvist", "Forsman"],
    ),
    "en": (
        ["Alice", "Ben", "Chloe", "Daniel", "Emily", "George", "Hannah", "Jack", "Lucy", "Oliver", "Sarah", "Tom"],
        ["Smith", "Jones", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Wright", "Green"],
    ),
}

# service slug, kind, (title fi, sv, en), (description fi, sv, en), days from today (start, end), status,
# reward, value, budget, target segment
STUDIES = [
    (
        "housing-allowance-online",
        Study.Kind.INTERVIEW,
        ("Muuttajien haastattelut", "Intervjuer med flyttare", "Interviews with people who moved"),
        (
            "Haluamme kuulla, miten asumistuen hakeminen sujui muuton yhteydessä. Haastattelu kestää tunnin.",
            "Vi vill höra hur det gick att söka bostadsbidrag i samband med flytten. Intervjun tar en timme.",
            "We want to hear how applying for housing allowance went when you moved. The interview takes an hour.",
        ),
        (-40, 20),
        Study.Status.RECRUITING,
        Study.Reward.GIFT_CARD,
        Decimal("30"),
        Decimal("400"),
        "tenants",
    ),
    (
        "housing-allowance-online",
        Study.Kind.SURVEY,
        ("Hakulomakkeen uusi versio", "Den nya ansökningsblanketten", "The new application form"),
        (
            "Kokeile uutta hakulomaketta ja kerro, mikä oli helppoa ja mikä vaikeaa.",
            "Prova den nya ansökningsblanketten och berätta vad som var lätt och vad som var svårt.",
            "Try the new application form and tell us what was easy and what was hard.",
        ),
        (-5, 25),
        Study.Status.RECRUITING,
        Study.Reward.THANKS,
        Decimal("0"),
        Decimal("0"),
        None,
    ),
    (
        "appointment-booking",
        Study.Kind.USABILITY,
        ("Ajanvarauksen käytettävyystesti", "Användbarhetstest av tidsbokningen", "Usability test of booking"),
        (
            "Testaamme uutta ajanvarausta puhelimella. Testi kestää 45 minuuttia.",
            "Vi testar den nya tidsbokningen på telefon. Testet tar 45 minuter.",
            "We test the new booking on a phone. The test takes 45 minutes.",
        ),
        (10, 40),
        Study.Status.DRAFT,
        Study.Reward.CINEMA,
        Decimal("12.50"),
        Decimal("150"),
        "seniors",
    ),
]

NOTES = [
    "Muuttoilmoituksen jälkeen hän odotti, että asumistuki saa tiedon automaattisesti.",
    "Liitteiden lisääminen puhelimella oli vaikeaa; kuvat olivat liian suuria.",
    "Hakemuksen tilasta ei saanut tietoa kahteen viikkoon.",
    "Vuokrasopimuksen kopio piti toimittaa kahdesti.",
    "Päätöskirje oli vaikea ymmärtää.",
    "Takaisinsoitto auttoi, mutta jonossa odotti puoli tuntia.",
]


def _segments() -> dict[str, Segment]:
    found = {}
    for key, (fi, sv, en) in SEGMENTS.items():
        found[key] = Segment.objects.get_or_create(name_en=en, defaults={"name_fi": fi, "name_sv": sv})[0]
    return found


def _screener(segments) -> list[ScreenerQuestion]:
    questions = []
    for position, (kind, (fi, sv, en), required, options) in enumerate(SCREENER):
        question = ScreenerQuestion.objects.create(
            kind=kind, text_fi=fi, text_sv=sv, text_en=en, required=required, position=position
        )
        for index, ((ofi, osv, oen), segment) in enumerate(options):
            ScreenerOption.objects.create(
                question=question,
                label_fi=ofi,
                label_sv=osv,
                label_en=oen,
                segment=segments.get(segment),
                position=index,
            )
        questions.append(question)
    return questions


def _members(consent, questions, segments, randomiser: random.Random) -> list[PanelMember]:
    services = list(Service.objects.filter(status=Service.Status.ACTIVE))
    events = list(LifeEvent.objects.all())
    situation, frequency, _text = questions
    situation_options, frequency_options = list(situation.options.all()), list(frequency.options.all())
    members = []
    now = timezone.now()
    for number in range(150):
        language = randomiser.choices(["fi", "sv", "en"], weights=[70, 20, 10])[0]
        first, last = (randomiser.choice(part) for part in NAMES[language])
        joined = now - datetime.timedelta(days=randomiser.randint(20, 500))
        status = PanelMember.Status.ACTIVE
        if number % 37 == 5:
            status = PanelMember.Status.OPTED_OUT
        elif number == 77:
            status = PanelMember.Status.DO_NOT_CONTACT
        member = PanelMember.objects.create(
            name=f"{first} {last}",
            email=f"{first}.{last}.{number}@panel.demo.invalid".lower(),
            phone=f"+358 40 {randomiser.randint(100, 999)} {randomiser.randint(1000, 9999)}" if number % 4 == 0 else "",
            language=language,
            status=status,
            created_at=joined,
            confirmed_at=joined + datetime.timedelta(hours=2),
            last_activity_at=joined,
            outcome_notices=number % 5 != 0,
        )
        in_person = number % 10 == 0
        ConsentRecord.objects.create(
            member=member,
            consent_text=consent,
            given_at=joined,
            method=ConsentRecord.Method.IN_PERSON if in_person else ConsentRecord.Method.ONLINE,
            withdrawn_at=now if status == PanelMember.Status.OPTED_OUT and number % 2 else None,
        )
        chosen = randomiser.sample(situation_options, randomiser.randint(0, 2))
        if chosen:
            answer = ScreenerAnswer.objects.create(member=member, question=situation)
            answer.options.set(chosen)
            member.self_segments.set([option.segment for option in chosen if option.segment])
        answer = ScreenerAnswer.objects.create(member=member, question=frequency)
        answer.options.set([randomiser.choice(frequency_options)])
        if number % 9 == 0:
            member.staff_segments.add(segments["tenants"])
        member.services.set(randomiser.sample(services, min(2, len(services))))
        if events:
            member.life_events.set(randomiser.sample(events, 1))
        MemberEvent.objects.create(
            member=member,
            kind=MemberEvent.Kind.ADDED if in_person else MemberEvent.Kind.CONFIRMED,
            at=joined,
        )
        members.append(member)
    return members


def _study(row, segments, owner, team) -> Study:
    slug, kind, titles, descriptions, (start, end), status, reward, value, budget, segment = row
    service = Service.objects.get(slug=slug)
    today = timezone.localdate()
    study = Study.objects.create(
        service=service,
        kind=kind,
        title_fi=titles[0],
        title_sv=titles[1],
        title_en=titles[2],
        description_fi=descriptions[0],
        description_sv=descriptions[1],
        description_en=descriptions[2],
        starts_on=today + datetime.timedelta(days=start),
        ends_on=today + datetime.timedelta(days=end),
        status=status,
        reward=reward,
        reward_value=value,
        budget=budget,
        target_segment=segments.get(segment) if segment else None,
    )
    study.staff.set([person for person in (owner, team) if person])
    return study


def _invite(study, members, count: int, when, by) -> list[Invitation]:
    """Invitations as the rules allow them: members the rules refuse are skipped, as the page would."""
    policy = ContactPolicy.current()
    sent = []
    for member in members:
        if len(sent) == count:
            break
        if rules.refusal(member, policy) is None:
            sent.append(
                Invitation.objects.create(
                    study=study, member=member, status=Invitation.Status.SENT, sent_at=when, invited_by=by
                )
            )
    return sent


@transaction.atomic
def load_demo_panel() -> None:
    if PanelMember.objects.exists():
        return
    randomiser = random.Random(15)
    organisation = Organisation.objects.first()
    owner = User.objects.filter(username="owner").first()
    team = User.objects.filter(username="team").first()
    if owner:
        owner.groups.add(managers_group())
    ContactPolicy.objects.update_or_create(
        organisation=organisation, defaults={"cooldown_days": 90, "invitations_per_90_days": 3}
    )
    consent = ConsentText.objects.create(
        organisation=organisation,
        version=1,
        text_fi=CONSENT[0],
        text_sv=CONSENT[1],
        text_en=CONSENT[2],
        created_by=owner,
        created_at=timezone.now() - datetime.timedelta(days=600),
    )
    segments = _segments()
    questions = _screener(segments)
    members = _members(consent, questions, segments, randomiser)
    interviews, survey, usability = (_study(row, segments, owner, team) for row in STUDIES)
    now = timezone.now()
    morning = timezone.localtime(now).replace(hour=10, minute=0, second=0, microsecond=0)

    # The interviews: six past sessions, five attended and one no-show, rewarded; four free times ahead.
    Quota.objects.create(study=interviews, segment=segments["tenants"], size=8)
    Quota.objects.create(study=interviews, segment=None, size=10)
    tenants = [member for member in members if segments["tenants"] in member.self_segments.all()]
    invited = _invite(interviews, tenants + members, 14, now - datetime.timedelta(days=38), owner)
    sessions = []
    for index, invitation in enumerate(invited[:6]):
        slot = Slot.objects.create(
            study=interviews,
            starts_at=morning - datetime.timedelta(days=30 - index),
            location="Palvelupiste, Hämeentie 3, Helsinki",
        )
        attended = index != 5
        participation = Participation.objects.create(
            study=interviews,
            member=invitation.member,
            slot=slot,
            status=Participation.Status.ATTENDED if attended else Participation.Status.NO_SHOW,
            notes=NOTES[index] if attended else "",
            created_at=invitation.sent_at + datetime.timedelta(days=1),
            recorded_at=slot.starts_at + datetime.timedelta(hours=2),
            recorded_by=team,
        )
        Invitation.objects.filter(pk=invitation.pk).update(status=Invitation.Status.ACCEPTED)
        if attended:
            for kind in (RewardEntry.Kind.PROMISED, RewardEntry.Kind.GIVEN):
                RewardEntry.objects.create(
                    participation=participation,
                    kind=kind,
                    reward=interviews.reward,
                    amount=interviews.reward_value,
                    created_by=team,
                    created_at=slot.starts_at,
                )
            sessions.append(participation)
    for day in range(4):
        Slot.objects.create(
            study=interviews, starts_at=morning + datetime.timedelta(days=3 + day, hours=3), location="Teams"
        )

    # The survey: invitations to a broader group, which the cooldown of the interviewees limits.
    survey_invited = _invite(survey, members, 40, now - datetime.timedelta(days=4), owner)
    for invitation in survey_invited[:12]:
        Participation.objects.create(study=survey, member=invitation.member)
        Invitation.objects.filter(pk=invitation.pk).update(status=Invitation.Status.ACCEPTED)
    Quota.objects.create(study=usability, segment=segments["seniors"], size=5)

    # What the interviews changed: a session is evidence for a done item, and its member was told.
    item = (
        BacklogItem.objects.filter(
            service=interviews.service, status__in=[BacklogItem.Status.DONE, BacklogItem.Status.VERIFIED]
        )
        .order_by("-published", "pk")
        .first()
    )
    if item is not None and sessions:
        session = sessions[0]
        PanelMember.objects.filter(pk=session.member_id).update(outcome_notices=True)
        links.link(session, item, team, hooks=False)
        MemberEvent.objects.create(
            member=session.member,
            kind=MemberEvent.Kind.NOTICE,
            note=item.title[:300],
            key=f"item:{item.pk}",
            at=now - datetime.timedelta(days=2),
        )
