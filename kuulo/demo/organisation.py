"""The demo organisation: a fictional Finnish agency with bilingual services.

Everything is keyed on stable identifiers (unit English name, service slug,
user name) so loading it again updates rather than duplicates.
"""

from django.db import transaction

from kuulo.accounts.models import User
from kuulo.organisation.models import Channel, LifeEvent, Membership, Organisation, Role, Service, Term, Unit

DEMO_PASSWORD = "kuulo-demo"

ORGANISATION = ("Lupa- ja asumisvirasto", "Tillstånds- och boendeverket", "Permits and Housing Agency")

# (fi, sv, en, parent's English name)
UNITS = [
    ("Asiakaspalvelu", "Kundtjänst", "Customer Service", None),
    ("Puhelinpalvelu", "Telefontjänst", "Telephone Service", "Customer Service"),
    ("Palvelupisteet", "Servicepunkter", "Service Points", "Customer Service"),
    ("Luvat ja valvonta", "Tillstånd och tillsyn", "Permits and Supervision", None),
    ("Asumisen tuet", "Bostadsstöd", "Housing Support", None),
    ("Digitaaliset palvelut", "Digitala tjänster", "Digital Services", None),
]

LIFE_EVENTS = {
    "moving": (
        ("Muutto", "Flytt", "Moving"),
        (
            "Uuteen kotiin muuttaminen ja siihen liittyvät tuet ja ilmoitukset.",
            "Flytt till ett nytt hem och de stöd och anmälningar som hör till.",
            "Moving to a new home and the benefits and notifications that go with it.",
        ),
    ),
    "family": (
        ("Perheen perustaminen", "Att bilda familj", "Starting a family"),
        (
            "Lapsen syntymä tai perheen kasvu muuttaa asumisen tarpeita.",
            "Ett barns födelse eller en växande familj ändrar behoven av boende.",
            "A child's birth or a growing family changes housing needs.",
        ),
    ),
    "building": (
        ("Kodin rakentaminen", "Att bygga ett hem", "Building a home"),
        (
            "Tontin hankinnasta rakennuslupaan ja valmiin talon käyttöönottoon.",
            "Från tomt till bygglov och till att flytta in i det färdiga huset.",
            "From a plot of land to a building permit and moving into the finished house.",
        ),
    ),
    "retiring": (
        ("Eläkkeelle jääminen", "Att gå i pension", "Retiring"),
        (
            "Kodin muutostyöt ja tuet, joiden avulla voi asua kotona pidempään.",
            "Ändringar i hemmet och stöd som gör det möjligt att bo hemma längre.",
            "Home adaptations and support for living at home for longer.",
        ),
    ),
}

# slug: (fi, sv, en), unit's English name, channels, life events, descriptions (fi, sv, en)
SERVICES = {
    "housing-allowance-online": (
        ("Asumistuen verkkohakemus", "Ansökan om bostadsbidrag på nätet", "Housing allowance online application"),
        "Housing Support",
        [Channel.WEB, Channel.MOBILE_APP],
        ["moving", "family"],
        (
            "Asumistuen hakeminen, liitteiden lähettäminen ja hakemuksen tilan seuranta verkossa.",
            "Ansök om bostadsbidrag, skicka bilagor och följ ansökans status på nätet.",
            "Apply for housing allowance, send attachments and follow the application online.",
        ),
    ),
    "advice-line": (
        ("Asiakasneuvonnan puhelinpalvelu", "Kundrådgivningens telefontjänst", "Customer advice line"),
        "Telephone Service",
        [Channel.PHONE],
        ["moving", "retiring"],
        (
            "Neuvontaa tuista, luvista ja asioinnista arkisin kello 8–16.",
            "Rådgivning om stöd, tillstånd och ärenden vardagar kl. 8–16.",
            "Advice on benefits, permits and how to get things done, weekdays 8–16.",
        ),
    ),
    "service-point": (
        ("Asiointi palvelupisteessä", "Besök på servicepunkt", "Visiting a service point"),
        "Service Points",
        [Channel.SERVICE_POINT],
        ["moving", "retiring"],
        (
            "Henkilökohtaista palvelua kuudessa palvelupisteessä, ajanvarauksella tai ilman.",
            "Personlig service på sex servicepunkter, med eller utan tidsbokning.",
            "Personal service at six service points, with or without an appointment.",
        ),
    ),
    "building-permit": (
        ("Rakennuslupa-asiointi", "Ärenden om bygglov", "Building permit service"),
        "Permits and Supervision",
        [Channel.WEB, Channel.EMAIL, Channel.SERVICE_POINT],
        ["building"],
        (
            "Rakennusluvan hakeminen, lupaneuvonta ja katselmusten sopiminen.",
            "Ansökan om bygglov, lovrådgivning och bokning av syner.",
            "Applying for a building permit, permit advice and booking inspections.",
        ),
    ),
    "renovation-grant": (
        ("Korjausavustuksen haku", "Ansökan om reparationsunderstöd", "Renovation grant application"),
        "Housing Support",
        [Channel.WEB, Channel.LETTER],
        ["retiring", "building"],
        (
            "Avustus esteettömyyttä parantaviin korjauksiin ja hissien rakentamiseen.",
            "Understöd för reparationer som förbättrar tillgängligheten och för hissbyggen.",
            "Grants for repairs that improve accessibility and for building lifts.",
        ),
    ),
    "chat-advice": (
        ("Chat-neuvonta", "Chattrådgivning", "Chat advice"),
        "Digital Services",
        [Channel.CHAT],
        ["moving", "family"],
        (
            "Nopeat kysymykset verkkosivujen chatissa; illalla vastaa chatbot.",
            "Snabba frågor i webbplatsens chatt; på kvällen svarar en chattbot.",
            "Quick questions in the website chat; a chatbot answers in the evening.",
        ),
    ),
    "decision-letters": (
        ("Päätöskirjeet", "Beslutsbrev", "Decision letters"),
        "Housing Support",
        [Channel.LETTER, Channel.WEB],
        ["moving", "family", "retiring"],
        (
            "Tukipäätökset paperikirjeenä tai verkkoasioinnin viestinä.",
            "Beslut om stöd som pappersbrev eller som meddelande i e-tjänsten.",
            "Benefit decisions as a paper letter or as a message in the online service.",
        ),
    ),
    "appointment-booking": (
        ("Ajanvaraus", "Tidsbokning", "Appointment booking"),
        "Digital Services",
        [Channel.WEB, Channel.PHONE],
        ["building", "retiring"],
        (
            "Ajan varaaminen palvelupisteeseen, puhelinaikaan tai videotapaamiseen.",
            "Boka tid till en servicepunkt, ett telefonsamtal eller ett videomöte.",
            "Book a visit to a service point, a phone call or a video meeting.",
        ),
    ),
    "housing-advice-email": (
        ("Asumisneuvonta sähköpostitse", "Boenderådgivning per e-post", "Housing advice by e-mail"),
        "Customer Service",
        [Channel.EMAIL],
        ["moving"],
        (
            "Kirjallinen neuvonta asumisen kysymyksissä, vastaus kahden arkipäivän kuluessa.",
            "Skriftlig rådgivning i boendefrågor, svar inom två vardagar.",
            "Written advice on housing questions, answered within two working days.",
        ),
    ),
}

# user name: first name, last name, language, organisation admin?, {service slug: role}
ALL = "*"
USERS = {
    "admin": ("Anna", "Virtanen", "fi", True, {}),
    "owner": (
        "Mikael",
        "Lindqvist",
        "sv",
        False,
        {
            "housing-allowance-online": Role.PRODUCT_OWNER,
            "renovation-grant": Role.PRODUCT_OWNER,
            "decision-letters": Role.PRODUCT_OWNER,
            "chat-advice": Role.VIEWER,
        },
    ),
    "team": (
        "Laura",
        "Mäkinen",
        "fi",
        False,
        {
            "housing-allowance-online": Role.TEAM_MEMBER,
            "chat-advice": Role.TEAM_MEMBER,
            "decision-letters": Role.TEAM_MEMBER,
        },
    ),
    "viewer": ("Pekka", "Heikkinen", "fi", False, {ALL: Role.VIEWER}),
    "sofia": (
        "Sofia",
        "Nyström",
        "sv",
        False,
        {
            "advice-line": Role.PRODUCT_OWNER,
            "service-point": Role.PRODUCT_OWNER,
            "housing-advice-email": Role.PRODUCT_OWNER,
        },
    ),
    "juha": (
        "Juha",
        "Korhonen",
        "fi",
        False,
        {
            "building-permit": Role.PRODUCT_OWNER,
            "appointment-booking": Role.PRODUCT_OWNER,
            "chat-advice": Role.PRODUCT_OWNER,
        },
    ),
    "emma": ("Emma", "Salo", "en", False, {"advice-line": Role.TEAM_MEMBER, "service-point": Role.TEAM_MEMBER}),
}

# The organisation's vocabularies: code -> (fi, sv, en), in the order filters offer them.
CUSTOMER_GROUPS = {
    "private-person": ("Yksityishenkilö", "Privatperson", "Private person"),
    "business": ("Yritys", "Företag", "Business"),
    "organisation": ("Yhteisö", "Sammanslutning", "Organisation"),
}
TOUCHPOINTS = {
    "housing-allowance-application": ("Asumistukihakemus", "Ansökan om bostadsbidrag", "Housing allowance application"),
    "application-form": ("Hakulomake", "Ansökningsblankett", "Application form"),
    "attachments": ("Liitteet", "Bilagor", "Attachments"),
    "application-status": ("Hakemuksen tila", "Ansökans status", "Application status"),
    "phone-call": ("Puhelu", "Samtal", "Phone call"),
    "phone-queue": ("Puhelinjono", "Telefonkö", "Phone queue"),
    "callback": ("Takaisinsoitto", "Återuppringning", "Callback"),
    "front-desk": ("Palvelutiski", "Servicedisk", "Front desk"),
    "ticket-queue": ("Vuoronumerojono", "Kö med kölapp", "Queue ticket"),
    "appointment": ("Varattu käynti", "Bokat besök", "Booked visit"),
    "permit-application": ("Lupahakemus", "Tillståndsansökan", "Permit application"),
    "permit-advice": ("Lupaneuvonta", "Tillståndsrådgivning", "Permit advice"),
    "inspection": ("Katselmus", "Besiktning", "Inspection"),
    "decision": ("Päätös", "Beslut", "Decision"),
    "chat-agent": ("Chat neuvojan kanssa", "Chatt med rådgivare", "Chat with an adviser"),
    "chatbot": ("Chatbotti", "Chattbot", "Chatbot"),
    "letter-paper": ("Paperikirje", "Pappersbrev", "Paper letter"),
    "e-message": ("Sähköinen viesti", "Elektroniskt meddelande", "Electronic message"),
    "booking-calendar": ("Ajanvarauskalenteri", "Bokningskalender", "Booking calendar"),
    "confirmation": ("Vahvistusviesti", "Bekräftelse", "Confirmation"),
    "rescheduling": ("Ajan siirtäminen", "Ombokning", "Rescheduling"),
    "email-reply": ("Sähköpostivastaus", "Svar per e-post", "E-mail reply"),
    "follow-up": ("Jatkokysymys", "Följdfråga", "Follow-up question"),
}

# What the demo command prints: user name and the role it shows off.
LOGINS = [
    ("admin", "Organisation admin"),
    ("owner", "Product owner"),
    ("team", "Team member"),
    ("viewer", "Viewer (management team)"),
]


@transaction.atomic
def load_organisation() -> None:
    fi, sv, en = ORGANISATION
    organisation = Organisation.objects.first() or Organisation()
    organisation.name_fi, organisation.name_sv, organisation.name_en = fi, sv, en
    organisation.save()
    for kind, vocabulary in ((Term.Kind.CUSTOMER_GROUP, CUSTOMER_GROUPS), (Term.Kind.TOUCHPOINT, TOUCHPOINTS)):
        for position, (code, (fi, sv, en)) in enumerate(vocabulary.items()):
            Term.objects.update_or_create(
                organisation=organisation,
                kind=kind,
                code=code,
                defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "position": position, "retired_at": None},
            )

    units: dict[str, Unit] = {}
    for fi, sv, en, parent in UNITS:
        units[en], _ = Unit.objects.update_or_create(
            name_en=en, defaults={"name_fi": fi, "name_sv": sv, "parent": units.get(parent)}
        )

    life_events: dict[str, LifeEvent] = {}
    for key, ((fi, sv, en), (dfi, dsv, den)) in LIFE_EVENTS.items():
        life_events[key], _ = LifeEvent.objects.update_or_create(
            name_en=en,
            defaults={
                "name_fi": fi,
                "name_sv": sv,
                "description_fi": dfi,
                "description_sv": dsv,
                "description_en": den,
            },
        )

    services: dict[str, Service] = {}
    for slug, ((fi, sv, en), unit, channels, events, (dfi, dsv, den)) in SERVICES.items():
        service, _ = Service.objects.update_or_create(
            slug=slug,
            defaults={
                "unit": units[unit],
                "name_fi": fi,
                "name_sv": sv,
                "name_en": en,
                "description_fi": dfi,
                "description_sv": dsv,
                "description_en": den,
                "channels": [str(channel) for channel in channels],
                "status": Service.Status.ACTIVE,
            },
        )
        service.life_events.set([life_events[key] for key in events])
        services[slug] = service

    for username, (first, last, language, is_admin, roles) in USERS.items():
        user, created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.language = first, last, language
        user.email = f"{username}@demo.kuulo.invalid"
        user.is_superuser = user.is_staff = is_admin
        user.is_active = True
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.save()
        targets = services if ALL in roles else {slug: services[slug] for slug in roles}
        for slug, service in targets.items():
            Membership.objects.update_or_create(
                user=user, service=service, defaults={"role": roles.get(slug, roles.get(ALL))}
            )
