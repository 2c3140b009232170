"""Corrects version 1 of the built-in metrics before their first production use.

The seeded questions put the service's and the organisation's name into fixed
sentences ("…palveluun {service}?", "…luottamustani organisaatioon
{organisation}."), which Finnish cannot do without inflecting the name. The
corrected wording never names anything: the survey shows the service's name
once above the questions, the questions say "tähän palveluun" / "tjänsten" /
"this service", and the organisation speaks as "me" / "vi" / "we". The
Swedish agreement scale used two systems at once ("instämmer" and "tar
avstånd"); it now uses "av samma / annan åsikt" throughout, as the Finnish
"samaa / eri mieltä" does.

Version 1 is corrected in place, not followed by a version 2: no organisation
has collected answers with it yet, each question asks the same thing on the
same scale as before (only its grammar changes), and a version 2 would leave
every survey built so far asking the broken sentence until someone republished
it. docs/metric-library.md says why and when that stops being allowed.

The SUS and UMUX-Lite items keep their translations; only the name becomes
"this service". Data only; no app code.
"""

from django.db import migrations

AGREE_5 = {
    "fi": ["Täysin eri mieltä", "Jokseenkin eri mieltä", "Ei samaa eikä eri mieltä", "Jokseenkin samaa mieltä", "Täysin samaa mieltä"],
    "sv": ["Helt av annan åsikt", "Delvis av annan åsikt", "Varken av samma eller annan åsikt", "Delvis av samma åsikt", "Helt av samma åsikt"],
    "en": ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
}
AGREE_7 = {
    "fi": [
        "Täysin eri mieltä",
        "Eri mieltä",
        "Jokseenkin eri mieltä",
        "Ei samaa eikä eri mieltä",
        "Jokseenkin samaa mieltä",
        "Samaa mieltä",
        "Täysin samaa mieltä",
    ],
    "sv": [
        "Helt av annan åsikt",
        "Av annan åsikt",
        "Delvis av annan åsikt",
        "Varken av samma eller annan åsikt",
        "Delvis av samma åsikt",
        "Av samma åsikt",
        "Helt av samma åsikt",
    ],
    "en": [
        "Strongly disagree",
        "Disagree",
        "Somewhat disagree",
        "Neither agree nor disagree",
        "Somewhat agree",
        "Agree",
        "Strongly agree",
    ],
}


def numbered(labels: dict) -> dict:
    return {lang: {str(1 + i): text for i, text in enumerate(texts)} for lang, texts in labels.items()}


def item(fi: str, sv: str, en: str) -> dict:
    return {"fi": fi, "sv": sv, "en": en}


# code: (question fi, sv, en), items or None (unchanged), labels or None (unchanged), names or None (unchanged)
CORRECTED = {
    "csat": (
        (
            "Kuinka tyytyväinen olet kaiken kaikkiaan tähän palveluun?",
            "Hur nöjd är du med tjänsten som helhet?",
            "Overall, how satisfied are you with this service?",
        ),
        None,
        None,
        None,
    ),
    "nps": (
        (
            "Kuinka todennäköisesti suosittelisit tätä palvelua ystävällesi tai työkaverillesi?",
            "Hur sannolikt är det att du skulle rekommendera tjänsten till en vän eller kollega?",
            "How likely are you to recommend this service to a friend or colleague?",
        ),
        None,
        None,
        None,
    ),
    "ces": (
        (
            "Teimme asiasi hoitamisesta sinulle helppoa.",
            "Vi gjorde det lätt för dig att sköta ditt ärende.",
            "We made it easy for you to deal with your matter.",
        ),
        None,
        numbered(AGREE_7),
        ("Asioinnin vaivattomuus (CES)", "Enkelt att sköta ärendet (CES)", "Customer effort (CES)"),
    ),
    "trust": (
        (
            "Tämä asiointi lisäsi luottamustani meihin.",
            "Den här kontakten ökade mitt förtroende för oss.",
            "This contact increased my trust in us.",
        ),
        None,
        numbered(AGREE_5),
        None,
    ),
    "satisfaction": (None, None, numbered(AGREE_5), None),
    "effectiveness": (
        ("Sain apua tarpeeseeni.", "Jag fick hjälp med det jag behövde.", "I got help with what I needed."),
        None,
        numbered(AGREE_5),
        None,
    ),
    "ease": (
        (
            "Asiani hoitaminen oli helppoa.",
            "Det var lätt att sköta mitt ärende.",
            "It was easy to get done what I needed to do.",
        ),
        None,
        numbered(AGREE_5),
        None,
    ),
    "efficiency": (
        (
            "Asiani hoitamiseen kului kohtuullisesti aikaa.",
            "Det tog rimlig tid att sköta mitt ärende.",
            "It took a reasonable amount of time to do what I needed to do.",
        ),
        None,
        numbered(AGREE_5),
        None,
    ),
    "fairness": (None, None, numbered(AGREE_5), None),
    "helpfulness": (
        (
            "Työntekijät, joiden kanssa asioin, olivat avuliaita.",
            "Personalen som jag hade kontakt med var hjälpsam.",
            "The staff I dealt with were helpful.",
        ),
        None,
        numbered(AGREE_5),
        None,
    ),
    "umux_lite": (
        ("Arvioi tätä palvelua.", "Bedöm tjänsten.", "Rate this service."),
        [
            item(
                "Tämän palvelun ominaisuudet vastaavat tarpeitani.",
                "Tjänstens funktioner motsvarar mina behov.",
                "This service's capabilities meet my requirements.",
            ),
            item("Tätä palvelua on helppo käyttää.", "Tjänsten är lätt att använda.", "This service is easy to use."),
        ],
        numbered(AGREE_7),
        None,
    ),
    "sus": (
        ("Arvioi tätä palvelua.", "Bedöm tjänsten.", "Rate this service."),
        [
            item(
                "Käyttäisin tätä palvelua mielelläni usein.",
                "Jag tror att jag skulle vilja använda tjänsten ofta.",
                "I think that I would like to use this service frequently.",
            ),
            item(
                "Tämä palvelu oli tarpeettoman monimutkainen.",
                "Jag tyckte att tjänsten var onödigt komplicerad.",
                "I found this service unnecessarily complex.",
            ),
            item(
                "Tätä palvelua oli helppo käyttää.",
                "Jag tyckte att tjänsten var lätt att använda.",
                "I thought this service was easy to use.",
            ),
            item(
                "Tarvitsisin teknistä tukea, jotta voisin käyttää tätä palvelua.",
                "Jag tror att jag skulle behöva teknisk hjälp för att kunna använda tjänsten.",
                "I think that I would need the support of a technical person to be able to use this service.",
            ),
            item(
                "Tämän palvelun eri toiminnot toimivat hyvin yhteen.",
                "Jag tyckte att tjänstens olika funktioner hängde väl ihop.",
                "I found the various functions in this service were well integrated.",
            ),
            item(
                "Tässä palvelussa oli liikaa epäjohdonmukaisuutta.",
                "Jag tyckte att det fanns för mycket inkonsekvens i tjänsten.",
                "I thought there was too much inconsistency in this service.",
            ),
            item(
                "Uskon, että useimmat oppisivat käyttämään tätä palvelua hyvin nopeasti.",
                "Jag tror att de flesta skulle lära sig att använda tjänsten mycket snabbt.",
                "I would imagine that most people would learn to use this service very quickly.",
            ),
            item(
                "Tätä palvelua oli hyvin hankala käyttää.",
                "Jag tyckte att tjänsten var mycket krånglig att använda.",
                "I found this service very cumbersome to use.",
            ),
            item(
                "Tunsin oloni varmaksi, kun käytin tätä palvelua.",
                "Jag kände mig mycket säker när jag använde tjänsten.",
                "I felt very confident using this service.",
            ),
            item(
                "Minun piti opetella paljon ennen kuin pystyin käyttämään tätä palvelua.",
                "Jag behövde lära mig mycket innan jag kunde komma igång med tjänsten.",
                "I needed to learn a lot of things before I could get going with this service.",
            ),
        ],
        numbered(AGREE_5),
        None,
    ),
}


def correct(apps, schema_editor):
    Metric = apps.get_model("metrics", "Metric")
    for code, (questions, items, labels, names) in CORRECTED.items():
        metric = Metric.objects.filter(code=code, version=1, is_builtin=True).first()
        if metric is None:
            continue
        if questions:
            metric.question_fi, metric.question_sv, metric.question_en = questions
        if items is not None:
            metric.items = items
        if labels is not None:
            metric.labels = labels
        if names is not None:
            metric.name_fi, metric.name_sv, metric.name_en = names
        metric.save()


class Migration(migrations.Migration):
    dependencies = [("metrics", "0002_builtin_metrics")]
    # Going back leaves the corrected wording: the old one is the bug this fixes.
    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
