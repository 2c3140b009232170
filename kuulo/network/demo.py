"""The demo organisation's developer network: staff ideas with votes and comments, one taken to the
housing allowance's backlog by its product owner, one declined with an official response; a swarm
across the Housing Support and Customer Service units with a meeting in its calendar feed and a
guest from a partner organisation; a community of practice that meets monthly; and the directory
entries of the demo's people. The public idea board stays closed, as it is by default.

Idempotent: nothing is added when the first demo idea exists."""

import datetime

from django.db import transaction
from django.utils import timezone

from kuulo.accounts.models import User
from kuulo.network import actions
from kuulo.network.models import Idea
from kuulo.network.people_models import PersonProfile, SkillTag
from kuulo.network.swarm_models import Community, MeetupPost, Swarm, SwarmMeeting, SwarmNote
from kuulo.organisation.models import Service, Unit

SERVICE = "housing-allowance-online"
GUEST = "kumppani"

# title, description, author, voters, status (and its response), promoted
IDEAS = [
    (
        "Tekstiviestimuistutus puuttuvista liitteistä",
        "Moni hakemus jää odottamaan liitteitä viikoiksi. Lähetetään asiakkaalle tekstiviesti heti, "
        "kun liite puuttuu, ja suora linkki sen lähettämiseen.",
        "team",
        ["admin", "owner", "viewer"],
        None,
        True,
    ),
    (
        "Chat-palvelu iltaisin",
        "Asiakkaat kysyvät asumistuesta usein iltaisin, kun puhelinpalvelu on jo kiinni. "
        "Kokeillaan chattia arki-iltaisin klo 20 asti.",
        "viewer",
        ["team"],
        ("under_review", "Selvitämme puhelinpalvelun kanssa, riittääkö henkilöstö iltavuoroihin."),
        False,
    ),
    (
        "Paperilomake kaikkiin palvelupisteisiin",
        "Kaikki eivät asioi verkossa. Tulostetut lomakkeet jokaiseen palvelupisteeseen.",
        "owner",
        [],
        (
            "declined",
            "Lomake on jo saatavilla kaikissa palvelupisteissä pyynnöstä, ja tulostamme sen tarvittaessa. "
            "Kiitos ideasta!",
        ),
        False,
    ),
    (
        "Selkokielinen päätöskirje",
        "Päätöskirjeestä on vaikea löytää, paljonko tukea saa ja mistä alkaen. Kirjoitetaan tärkein asia ensin.",
        "team",
        ["owner"],
        None,
        False,
    ),
]

PROFILES = {
    "owner": (["Asumisen tuet"], ["tuotteistaminen"], ["vaikutuskartoitus", "asiakaspolku"]),
    "team": (["Asumisen tuet", "Digitaaliset palvelut"], ["saavutettavuus", "data-analyysi"], ["palvelupiirustus"]),
    "viewer": (["Asiakaspalvelu"], ["johtaminen"], ["vaikutuskartoitus"]),
}


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _unit(name_en: str) -> Unit | None:
    return Unit.objects.filter(name_en=name_en).first()


@transaction.atomic
def load_demo_network() -> Idea | None:
    if Idea.objects.filter(title=IDEAS[0][0]).exists():
        return None
    owner, team, viewer = _user("owner"), _user("team"), _user("viewer")
    if owner is None or team is None or viewer is None:
        return None
    service = Service.objects.filter(slug=SERVICE).first()
    promoted = None
    for title, description, author, voters, status, promote in IDEAS:
        idea = actions.post_idea(
            _user(author), title=title, description=description, services=[service] if service else []
        )
        for voter in voters:
            actions.vote(idea, _user(voter))
        if status:
            actions.change_status(idea, owner, status[0], status[1])
        if promote and service:
            actions.add_comment(idea, viewer, "Tämä säästäisi myös puhelinpalvelun aikaa.")
            actions.promote_idea(
                idea,
                owner,
                service,
                title="Tekstiviestimuistutus puuttuvista liitteistä",
                response="Otamme tämän kehitysjonoon tälle syksylle. Kiitos ideasta!",
            )
            promoted = idea
    _load_swarm(owner, team, viewer, promoted)
    _load_community(team, owner, viewer)
    for username, (units, skills, methods) in PROFILES.items():
        profile, _created = PersonProfile.objects.get_or_create(user=_user(username))
        profile.units.set(Unit.objects.filter(name_fi__in=units))
        profile.tags.set(SkillTag.named("skill", skills) + SkillTag.named("method", methods))
    return promoted


def _load_swarm(owner, team, viewer, idea) -> None:
    today = timezone.localdate()
    swarm = Swarm.objects.create(
        title="Yksi yhteydenotto riittää",
        challenge="Asumistuen hakija soittaa puhelinpalveluun, käy palvelupisteessä ja lähettää viestin verkossa "
        "saadakseen saman vastauksen.",
        goal="Asiakas saa vastauksen ensimmäisellä yhteydenotolla: yhteinen ohje ja vastauspohjat kanaville.",
        facilitator=owner,
        starts_on=today - datetime.timedelta(days=14),
        ends_on=today + datetime.timedelta(days=60),
    )
    swarm.units.set([unit for unit in (_unit("Housing Support"), _unit("Customer Service")) if unit])
    # The demo's password (kuulo.demo.organisation.DEMO_PASSWORD, which this app may not import).
    password = "kuulo-demo"  # noqa: S105
    guest = _user(GUEST) or User.objects.create_user(
        GUEST, password=password, first_name="Kaisa", last_name="Kumppani", email="kumppani@example.invalid"
    )
    actions.make_guest(guest, "Kuntaliitto (kumppani)", invited_by=owner)
    swarm.members.set([owner, team, viewer, guest])
    if idea is not None:
        swarm.ideas.add(idea)
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + datetime.timedelta(days=5)
    SwarmMeeting.objects.create(
        swarm=swarm, starts_at=start, duration_minutes=90, location="Teams", agenda="Vastauspohjien luonnokset."
    )
    SwarmNote.objects.create(
        swarm=swarm, author=team, text="Kävimme läpi viime kuun 40 yleisintä kysymystä. Puolet koskee liitteitä."
    )


def _load_community(team, owner, viewer) -> None:
    first = timezone.localtime().replace(hour=13, minute=0, second=0, microsecond=0) - datetime.timedelta(days=40)
    community = Community.objects.create(
        name="Palvelumuotoilun käytäntöyhteisö",
        description="Jaamme kokemuksia asiakasymmärryksen menetelmistä ja opimme toisiltamme. Kaikki tervetulleita.",
        facilitator=team,
        first_meetup=first,
        frequency=Community.Frequency.MONTHLY,
        location="Neuvotteluhuone Kuulo ja Teams",
    )
    community.members.set([team, owner, viewer])
    MeetupPost.objects.create(
        community=community,
        meetup_on=timezone.localtime(first).date(),
        author=owner,
        text="Kiitos vaikutuskartoituksen esittelystä! Kokeilemme sitä seuraavassa suunnittelupäivässä.",
    )
