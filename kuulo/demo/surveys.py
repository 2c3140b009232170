"""The demo's surveys: one published survey per demo service, with its
collection points, and the organisation's target levels.

Created once and then left alone, so loading the demo again neither changes a
published survey nor moves a target's history.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction

from kuulo.accounts.models import User
from kuulo.metrics.models import Metric, Target
from kuulo.organisation.models import Channel, Service
from kuulo.surveys.models import CollectionPoint, Question, Survey, SurveyVersion

SURVEY_NAME = "Jatkuva asiakaspalaute"
LANGUAGES = ["fi", "sv", "en"]
WIDGET_ORIGINS = ["http://127.0.0.1:8000", "http://localhost:8000"]

OPEN_QUESTION = ("Mitä voisimme parantaa?", "Vad kunde vi förbättra?", "What could we improve?")

INTRO = (
    "Vastaaminen vie noin minuutin, ja vastaat nimettömästi. Älä kirjoita vastaukseen henkilötietojasi. "
    "Palautteesi avulla kehitämme palvelua.",
    "Det tar ungefär en minut att svara, och du svarar anonymt. Skriv inte dina personuppgifter i svaret. "
    "Med hjälp av din respons utvecklar vi tjänsten.",
    "It takes about a minute, and you answer anonymously. Please do not write your personal details in the answer. "
    "Your feedback helps us improve the service.",
)

THANK_YOU = (
    "Kiitos palautteestasi! Luemme jokaisen vastauksen ja kerromme verkkosivuillamme, "
    "mitä olemme palautteen perusteella muuttaneet.",
    "Tack för din respons! Vi läser varje svar och berättar på vår webbplats vad vi har ändrat tack vare den.",
    "Thank you for your feedback! We read every answer and tell on our website what we have changed because of it.",
)

TITLES = {
    "housing-allowance-online": (
        "Miten asumistuen hakeminen verkossa sujui?",
        "Hur gick det att ansöka om bostadsbidrag på nätet?",
        "How did applying for housing allowance online go?",
    ),
    "advice-line": (
        "Kerro, miten puhelusi neuvontaan sujui",
        "Berätta hur ditt samtal till rådgivningen gick",
        "Tell us how your call to the advice line went",
    ),
    "service-point": (
        "Miten asiointisi palvelupisteessä sujui?",
        "Hur gick ditt besök på servicepunkten?",
        "How was your visit to the service point?",
    ),
    "building-permit": (
        "Palaute rakennuslupa-asioinnista",
        "Respons om bygglovsärenden",
        "Feedback on the building permit service",
    ),
    "renovation-grant": (
        "Miten korjausavustuksen hakeminen sujui?",
        "Hur gick ansökan om reparationsunderstöd?",
        "How did applying for the renovation grant go?",
    ),
    "chat-advice": ("Saitko chatista apua?", "Fick du hjälp i chatten?", "Did the chat help you?"),
    "decision-letters": ("Oliko päätöksemme selkeä?", "Var vårt beslut tydligt?", "Was our decision clear?"),
    "appointment-booking": (
        "Miten ajanvaraus onnistui?",
        "Hur gick tidsbokningen?",
        "How did booking an appointment go?",
    ),
    "housing-advice-email": (
        "Palaute sähköpostineuvonnasta",
        "Respons om rådgivningen per e-post",
        "Feedback on advice by e-mail",
    ),
}


@dataclass(frozen=True)
class PointSpec:
    kind: str
    name: str  # staff-facing, in the demo organisation's working language
    channel: str
    share: float  # of the service's responses


def points(widget: str, link: str, qr: str, api: str, channels: tuple[str, str, str, str], shares) -> list:
    kinds = (CollectionPoint.Kind.WIDGET, CollectionPoint.Kind.LINK, CollectionPoint.Kind.QR, CollectionPoint.Kind.API)
    names = (widget, link, qr, api)
    return [
        PointSpec(str(kind), name, str(channel), share)
        for kind, name, channel, share in zip(kinds, names, channels, shares, strict=True)
    ]


W, P, S, E, C, L, M = (
    Channel.WEB,
    Channel.PHONE,
    Channel.SERVICE_POINT,
    Channel.EMAIL,
    Channel.CHAT,
    Channel.LETTER,
    Channel.MOBILE_APP,
)

# slug: library metrics in survey order, collection points
SURVEYS: dict[str, tuple[list[str], list[PointSpec]]] = {
    "housing-allowance-online": (
        ["csat", "ease", "efficiency", "effectiveness", "trust", "umux_lite", "found", "nps"],
        points(
            "Widget hakemuksen vahvistussivulla",
            "Linkki vahvistusviestissä",
            "QR-koodi asumistuen esitteessä",
            "Rajapinta: mobiilisovellus",
            (W, W, W, M),
            (0.55, 0.2, 0.03, 0.22),
        ),
    ),
    "advice-line": (
        ["csat", "ces", "efficiency", "helpfulness", "effectiveness", "trust"],
        points(
            "Widget yhteystietosivulla",
            "Tekstiviestilinkki puhelun jälkeen",
            "QR-koodi jonotustiedotteessa",
            "Rajapinta: puhelinjärjestelmän kysely",
            (W, P, P, P),
            (0.06, 0.44, 0.02, 0.48),
        ),
    ),
    "service-point": (
        ["csat", "helpfulness", "fairness", "efficiency", "trust", "nps"],
        points(
            "Widget palvelupisteiden sivulla",
            "Tekstiviestilinkki käynnin jälkeen",
            "QR-koodi palvelutiskillä",
            "Rajapinta: palautepääte aulassa",
            (W, S, S, S),
            (0.05, 0.2, 0.45, 0.3),
        ),
    ),
    "building-permit": (
        ["csat", "ces", "effectiveness", "efficiency", "fairness", "umux_lite", "found"],
        points(
            "Widget lupapalvelussa",
            "Linkki lupapäätöksen viestissä",
            "QR-koodi lupaneuvonnan tiskillä",
            "Rajapinta: sähköpostineuvonnan kysely",
            (W, W, S, E),
            (0.45, 0.25, 0.12, 0.18),
        ),
    ),
    "renovation-grant": (
        ["csat", "ease", "effectiveness", "trust", "umux_lite", "found"],
        points(
            "Widget avustushakemuksen lopussa",
            "Linkki päätöskirjeessä",
            "QR-koodi päätöskirjeessä",
            "Rajapinta: asiointipalvelu",
            (W, L, L, W),
            (0.5, 0.15, 0.2, 0.15),
        ),
    ),
    "chat-advice": (
        ["csat", "ces", "helpfulness", "effectiveness", "nps"],
        points(
            "Widget chat-ikkunassa",
            "Linkki chat-keskustelun kopiossa",
            "QR-koodi chat-mainoksessa",
            "Rajapinta: chat-alusta",
            (C, C, C, C),
            (0.35, 0.05, 0.01, 0.59),
        ),
    ),
    "decision-letters": (
        ["csat", "ease", "effectiveness", "fairness", "trust"],
        points(
            "Widget päätöksen verkkoviestissä",
            "Linkki paperipäätöksen lopussa",
            "QR-koodi paperipäätöksessä",
            "Rajapinta: asiointipalvelun viestit",
            (W, L, L, W),
            (0.3, 0.15, 0.35, 0.2),
        ),
    ),
    "appointment-booking": (
        ["csat", "ease", "efficiency", "ces", "umux_lite", "found", "nps"],
        points(
            "Widget varausvahvistuksessa",
            "Linkki vahvistusviestissä",
            "QR-koodi ajanvarauskortissa",
            "Rajapinta: puhelinvarausten kysely",
            (W, W, W, P),
            (0.55, 0.15, 0.05, 0.25),
        ),
    ),
    "housing-advice-email": (
        ["csat", "ces", "helpfulness", "effectiveness", "efficiency"],
        points(
            "Widget neuvontasivulla",
            "Linkki vastausviestin lopussa",
            "QR-koodi asumisneuvonnan esitteessä",
            "Rajapinta: asiakaspalvelujärjestelmä",
            (W, E, E, E),
            (0.15, 0.6, 0.02, 0.23),
        ),
    ),
}

# Organisation defaults: code -> [(level, days before today it took effect)]
DEFAULT_TARGETS = {
    "csat": [(80, 365), (85, 91)],
    "ces": [(75, 365)],
    "nps": [(20, 365)],
    "trust": [(75, 365)],
    "ease": [(75, 365)],
    "umux_lite": [(70, 365)],
}

# Service overrides: (slug, code) -> [(level, days before today)]
SERVICE_TARGETS = {
    ("building-permit", "csat"): [(75, 365)],
    ("decision-letters", "ease"): [(60, 365), (65, 91)],
    ("chat-advice", "csat"): [(88, 180)],
}


@dataclass
class DemoSurvey:
    service: Service
    version: SurveyVersion
    points: dict[str, CollectionPoint]  # kind -> point
    specs: list[PointSpec]
    open_question: Question


@transaction.atomic
def ensure_surveys(services: dict[str, Service], published_at: datetime) -> dict[str, DemoSurvey]:
    """The demo survey of every demo service, created on the first load."""
    metrics = {metric.code: metric for metric in Metric.objects.filter(is_builtin=True, version=1)}
    surveys = {}
    for slug, (codes, specs) in SURVEYS.items():
        service = services[slug]
        survey = Survey.objects.filter(service=service, name=SURVEY_NAME).first()
        if survey is None:
            survey = _create_survey(service, codes, specs, metrics, published_at)
        version = survey.live_version()
        by_kind = {point.kind: point for point in survey.collection_points.all()}
        open_question = version.questions.get(kind=Question.Kind.OPEN)
        surveys[slug] = DemoSurvey(service, version, by_kind, specs, open_question)
    return surveys


def _create_survey(service, codes, specs, metrics, published_at) -> Survey:
    survey = Survey.objects.create(service=service, name=SURVEY_NAME)
    (tfi, tsv, ten), (ifi, isv, ien), (kfi, ksv, ken) = TITLES[service.slug], INTRO, THANK_YOU
    version = SurveyVersion.objects.create(
        survey=survey,
        number=1,
        status=SurveyVersion.Status.PUBLISHED,
        languages=LANGUAGES,
        title_fi=tfi,
        title_sv=tsv,
        title_en=ten,
        intro_fi=ifi,
        intro_sv=isv,
        intro_en=ien,
        thank_you_fi=kfi,
        thank_you_sv=ksv,
        thank_you_en=ken,
        published_at=published_at,
    )
    for position, code in enumerate(codes):
        Question.objects.create(
            version=version, position=position, kind=Question.Kind.METRIC, metric=metrics[code], required=code == "csat"
        )
    fi, sv, en = OPEN_QUESTION
    Question.objects.create(
        version=version,
        position=len(codes),
        kind=Question.Kind.OPEN,
        text_fi=fi,
        text_sv=sv,
        text_en=en,
        max_length=1000,
    )
    for spec in specs:
        CollectionPoint.objects.create(
            survey=survey,
            kind=spec.kind,
            name=spec.name,
            channel=spec.channel,
            allowed_origins=WIDGET_ORIGINS if spec.kind == CollectionPoint.Kind.WIDGET else [],
            sample_percent=50 if spec.kind == CollectionPoint.Kind.WIDGET else 100,
        )
    # The demo pretends the survey has been running since before the first response.
    Survey.objects.filter(pk=survey.pk).update(created_at=published_at)
    CollectionPoint.objects.filter(survey=survey).update(created_at=published_at)
    return survey


@transaction.atomic
def ensure_targets(services: dict[str, Service], today: date) -> None:
    """Target levels with a little history; seeded once per metric and service."""
    metrics = {metric.code: metric for metric in Metric.objects.filter(is_builtin=True, version=1)}
    admin = User.objects.filter(username="admin").first()
    rows = [(None, code, levels) for code, levels in DEFAULT_TARGETS.items()]
    rows += [(services[slug], code, levels) for (slug, code), levels in SERVICE_TARGETS.items()]
    for service, code, levels in rows:
        metric = metrics[code]
        if Target.objects.filter(metric=metric, service=service).exists():
            continue
        for level, days_ago in levels:
            Target.objects.create(
                metric=metric, service=service, level=level, valid_from=today - timedelta(days_ago), created_by=admin
            )
