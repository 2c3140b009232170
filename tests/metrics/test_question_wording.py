"""Every built-in question, rendered for every demo service in Finnish, Swedish
and English, reads as the sentence a native writer wrote: no name is ever put
into a sentence (Finnish would have to inflect it); the service is named once,
on the context line above the questions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kuulo.demo.organisation import SERVICES, load_organisation
from kuulo.demo.surveys import SURVEYS, ensure_surveys
from kuulo.feedback.public.questions import service_context, survey_questions
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Organisation, Service

LANGUAGES = ("fi", "sv", "en")

# code: {language: (question, [items])}
EXPECTED = {
    "csat": {
        "fi": ("Kuinka tyytyväinen olet kaiken kaikkiaan tähän palveluun?", []),
        "sv": ("Hur nöjd är du med tjänsten som helhet?", []),
        "en": ("Overall, how satisfied are you with this service?", []),
    },
    "nps": {
        "fi": ("Kuinka todennäköisesti suosittelisit tätä palvelua ystävällesi tai työkaverillesi?", []),
        "sv": ("Hur sannolikt är det att du skulle rekommendera tjänsten till en vän eller kollega?", []),
        "en": ("How likely are you to recommend this service to a friend or colleague?", []),
    },
    "ces": {
        "fi": ("Teimme asiasi hoitamisesta sinulle helppoa.", []),
        "sv": ("Vi gjorde det lätt för dig att sköta ditt ärende.", []),
        "en": ("We made it easy for you to deal with your matter.", []),
    },
    "trust": {
        "fi": ("Tämä asiointi lisäsi luottamustani meihin.", []),
        "sv": ("Den här kontakten ökade mitt förtroende för oss.", []),
        "en": ("This contact increased my trust in us.", []),
    },
    "satisfaction": {
        "fi": ("Olen tyytyväinen saamaani palveluun.", []),
        "sv": ("Jag är nöjd med den service jag fick.", []),
        "en": ("I am satisfied with the service I received.", []),
    },
    "effectiveness": {
        "fi": ("Sain apua tarpeeseeni.", []),
        "sv": ("Jag fick hjälp med det jag behövde.", []),
        "en": ("I got help with what I needed.", []),
    },
    "ease": {
        "fi": ("Asiani hoitaminen oli helppoa.", []),
        "sv": ("Det var lätt att sköta mitt ärende.", []),
        "en": ("It was easy to get done what I needed to do.", []),
    },
    "efficiency": {
        "fi": ("Asiani hoitamiseen kului kohtuullisesti aikaa.", []),
        "sv": ("Det tog rimlig tid att sköta mitt ärende.", []),
        "en": ("It took a reasonable amount of time to do what I needed to do.", []),
    },
    "fairness": {
        "fi": ("Minua kohdeltiin oikeudenmukaisesti.", []),
        "sv": ("Jag blev rättvist behandlad.", []),
        "en": ("I was treated fairly.", []),
    },
    "helpfulness": {
        "fi": ("Työntekijät, joiden kanssa asioin, olivat avuliaita.", []),
        "sv": ("Personalen som jag hade kontakt med var hjälpsam.", []),
        "en": ("The staff I dealt with were helpful.", []),
    },
    "found": {
        "fi": ("Löysitkö etsimäsi?", []),
        "sv": ("Hittade du det du letade efter?", []),
        "en": ("Did you find what you were looking for?", []),
    },
    "umux_lite": {
        "fi": (
            "Arvioi tätä palvelua.",
            ["Tämän palvelun ominaisuudet vastaavat tarpeitani.", "Tätä palvelua on helppo käyttää."],
        ),
        "sv": ("Bedöm tjänsten.", ["Tjänstens funktioner motsvarar mina behov.", "Tjänsten är lätt att använda."]),
        "en": (
            "Rate this service.",
            ["This service's capabilities meet my requirements.", "This service is easy to use."],
        ),
    },
    "sus": {
        "fi": (
            "Arvioi tätä palvelua.",
            [
                "Käyttäisin tätä palvelua mielelläni usein.",
                "Tämä palvelu oli tarpeettoman monimutkainen.",
                "Tätä palvelua oli helppo käyttää.",
                "Tarvitsisin teknistä tukea, jotta voisin käyttää tätä palvelua.",
                "Tämän palvelun eri toiminnot toimivat hyvin yhteen.",
                "Tässä palvelussa oli liikaa epäjohdonmukaisuutta.",
                "Uskon, että useimmat oppisivat käyttämään tätä palvelua hyvin nopeasti.",
                "Tätä palvelua oli hyvin hankala käyttää.",
                "Tunsin oloni varmaksi, kun käytin tätä palvelua.",
                "Minun piti opetella paljon ennen kuin pystyin käyttämään tätä palvelua.",
            ],
        ),
        "sv": (
            "Bedöm tjänsten.",
            [
                "Jag tror att jag skulle vilja använda tjänsten ofta.",
                "Jag tyckte att tjänsten var onödigt komplicerad.",
                "Jag tyckte att tjänsten var lätt att använda.",
                "Jag tror att jag skulle behöva teknisk hjälp för att kunna använda tjänsten.",
                "Jag tyckte att tjänstens olika funktioner hängde väl ihop.",
                "Jag tyckte att det fanns för mycket inkonsekvens i tjänsten.",
                "Jag tror att de flesta skulle lära sig att använda tjänsten mycket snabbt.",
                "Jag tyckte att tjänsten var mycket krånglig att använda.",
                "Jag kände mig mycket säker när jag använde tjänsten.",
                "Jag behövde lära mig mycket innan jag kunde komma igång med tjänsten.",
            ],
        ),
        "en": (
            "Rate this service.",
            [
                "I think that I would like to use this service frequently.",
                "I found this service unnecessarily complex.",
                "I thought this service was easy to use.",
                "I think that I would need the support of a technical person to be able to use this service.",
                "I found the various functions in this service were well integrated.",
                "I thought there was too much inconsistency in this service.",
                "I would imagine that most people would learn to use this service very quickly.",
                "I found this service very cumbersome to use.",
                "I felt very confident using this service.",
                "I needed to learn a lot of things before I could get going with this service.",
            ],
        ),
    },
}

CONTEXT_LINE = {
    "housing-allowance-online": {
        "fi": "Palvelu: Asumistuen verkkohakemus",
        "sv": "Tjänst: Ansökan om bostadsbidrag på nätet",
        "en": "Service: Housing allowance online application",
    },
    "advice-line": {
        "fi": "Palvelu: Asiakasneuvonnan puhelinpalvelu",
        "sv": "Tjänst: Kundrådgivningens telefontjänst",
        "en": "Service: Customer advice line",
    },
}

# Each agreement scale in one system per language: "samaa / eri mieltä", "av samma / annan åsikt".
AGREE_5 = {
    "fi": ["Täysin eri mieltä", "Jokseenkin eri mieltä", "Ei samaa eikä eri mieltä", "Jokseenkin samaa mieltä",
           "Täysin samaa mieltä"],
    "sv": ["Helt av annan åsikt", "Delvis av annan åsikt", "Varken av samma eller annan åsikt",
           "Delvis av samma åsikt", "Helt av samma åsikt"],
    "en": ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
}  # fmt: skip
AGREE_7_SV = [
    "Helt av annan åsikt",
    "Av annan åsikt",
    "Delvis av annan åsikt",
    "Varken av samma eller annan åsikt",
    "Delvis av samma åsikt",
    "Av samma åsikt",
    "Helt av samma åsikt",
]


@pytest.fixture
def demo_surveys(db):
    load_organisation()
    services = {service.slug: service for service in Service.objects.all()}
    return ensure_surveys(services, timezone.now() - timedelta(days=30))


def test_the_table_covers_every_built_in_metric(db):
    assert set(EXPECTED) == set(Metric.objects.filter(is_builtin=True).values_list("code", flat=True))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", list(SERVICES))
def test_every_built_in_question_reads_as_written_for_every_demo_service(demo_surveys, slug, language):
    service = Service.objects.get(slug=slug)
    organisation = Organisation.current()
    names = {"service": getattr(service, f"name_{language}"), "organisation": getattr(organisation, f"name_{language}")}
    for metric in Metric.objects.filter(is_builtin=True, version=1):
        question, items = EXPECTED[metric.code][language]
        assert metric.question(language, **names) == question
        assert metric.item_texts(language, **names) == items


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", list(SURVEYS))
def test_each_demo_survey_asks_the_expected_sentences_and_names_the_service_once(demo_surveys, slug, language):
    version = demo_surveys[slug].version
    service = version.survey.service
    shown = [question for question in survey_questions(version, language) if question["kind"] == "metric"]

    assert [(question["question"], question["items"]) for question in shown] == [
        EXPECTED[code][language] for code in SURVEYS[slug][0]
    ]
    name = getattr(service, f"name_{language}")
    assert (
        service_context(version, language) == {"fi": "Palvelu: ", "sv": "Tjänst: ", "en": "Service: "}[language] + name
    )
    if slug in CONTEXT_LINE:
        assert service_context(version, language) == CONTEXT_LINE[slug][language]


@pytest.mark.parametrize("language", ("fi", "sv"))
def test_the_survey_page_shows_the_context_line_and_no_name_inside_a_question(client, demo_surveys, language):
    survey = demo_surveys["housing-allowance-online"]
    point = survey.points["link"]

    body = client.get(f"/s/{point.key}/?lang={language}").content.decode()

    assert f'<p class="survey-context">{CONTEXT_LINE["housing-allowance-online"][language]}</p>' in body
    assert body.count(getattr(survey.service, f"name_{language}")) == 1
    assert EXPECTED["csat"][language][0] in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_agreement_scales_use_one_system_per_language(db, language):
    for metric in Metric.objects.filter(is_builtin=True, scale_min=1, scale_max=5, rule="top_box").exclude(code="csat"):
        assert list(metric.scale_labels(language).values()) == AGREE_5[language], metric.code
    for code in ("ces", "umux_lite"):
        labels = list(Metric.objects.get(code=code, version=1).scale_labels("sv").values())
        assert labels == AGREE_7_SV
