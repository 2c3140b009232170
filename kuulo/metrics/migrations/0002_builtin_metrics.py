"""Seeds the built-in metric library (DESIGN §3). Data only; no app code."""

from django.db import migrations

SATISFIED_5 = {
    "fi": ["Erittäin tyytymätön", "Melko tyytymätön", "Ei tyytyväinen eikä tyytymätön", "Melko tyytyväinen", "Erittäin tyytyväinen"],
    "sv": ["Mycket missnöjd", "Ganska missnöjd", "Varken nöjd eller missnöjd", "Ganska nöjd", "Mycket nöjd"],
    "en": ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
}
AGREE_5 = {
    "fi": ["Täysin eri mieltä", "Jokseenkin eri mieltä", "Ei samaa eikä eri mieltä", "Jokseenkin samaa mieltä", "Täysin samaa mieltä"],
    "sv": ["Instämmer inte alls", "Instämmer inte", "Varken instämmer eller tar avstånd", "Instämmer", "Instämmer helt"],
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
        "Instämmer inte alls",
        "Instämmer inte",
        "Instämmer knappast",
        "Varken instämmer eller tar avstånd",
        "Instämmer delvis",
        "Instämmer",
        "Instämmer helt",
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
LIKELY_11 = {
    "fi": {"0": "En lainkaan todennäköisesti", "10": "Erittäin todennäköisesti"},
    "sv": {"0": "Inte alls sannolikt", "10": "Mycket sannolikt"},
    "en": {"0": "Not at all likely", "10": "Extremely likely"},
}
YES_NO = {"fi": {"0": "Ei", "1": "Kyllä"}, "sv": {"0": "Nej", "1": "Ja"}, "en": {"0": "No", "1": "Yes"}}


def numbered(labels: dict, start: int) -> dict:
    return {lang: {str(start + i): text for i, text in enumerate(texts)} for lang, texts in labels.items()}


def item(fi: str, sv: str, en: str) -> dict:
    return {"fi": fi, "sv": sv, "en": en}


# code: names, question (fi, sv, en), scale, labels, rule, threshold, items
METRICS = {
    "csat": (
        ("Asiakastyytyväisyys (CSAT)", "Kundnöjdhet (CSAT)", "Customer satisfaction (CSAT)"),
        (
            "Kuinka tyytyväinen olet kaiken kaikkiaan palveluun {service}?",
            "Hur nöjd är du sammantaget med tjänsten {service}?",
            "Overall, how satisfied are you with {service}?",
        ),
        (1, 5),
        numbered(SATISFIED_5, 1),
        "top_box",
        4,
        [],
    ),
    "nps": (
        ("Suositteluhalukkuus (NPS)", "Rekommendationsvilja (NPS)", "Net Promoter Score (NPS)"),
        (
            "Kuinka todennäköisesti suosittelisit palvelua {service} ystävällesi tai työtoverillesi?",
            "Hur sannolikt är det att du skulle rekommendera tjänsten {service} till en vän eller kollega?",
            "How likely are you to recommend {service} to a friend or colleague?",
        ),
        (0, 10),
        LIKELY_11,
        "nps",
        None,
        [],
    ),
    "ces": (
        ("Asioinnin vaivattomuus (CES)", "Enkelhet i ärendet (CES)", "Customer effort (CES)"),
        (
            "{organisation} teki asiani hoitamisesta helppoa.",
            "{organisation} gjorde det lätt för mig att sköta mitt ärende.",
            "{organisation} made it easy for me to handle my issue.",
        ),
        (1, 7),
        numbered(AGREE_7, 1),
        "top_box",
        5,
        [],
    ),
    "trust": (
        ("Luottamus", "Förtroende", "Trust"),
        (
            "Tämä asiointi lisäsi luottamustani organisaatioon {organisation}.",
            "Den här kontakten ökade mitt förtroende för {organisation}.",
            "This interaction increased my confidence in {organisation}.",
        ),
        (1, 5),
        numbered(AGREE_5, 1),
        "top_box",
        4,
        [],
    ),
    "satisfaction": (
        ("Tyytyväisyys saatuun palveluun", "Nöjdhet med servicen", "Satisfaction with the service"),
        (
            "Olen tyytyväinen saamaani palveluun.",
            "Jag är nöjd med den service jag fick.",
            "I am satisfied with the service I received.",
        ),
        (1, 5),
        numbered(AGREE_5, 1),
        "top_box",
        4,
        [],
    ),
    "effectiveness": (
        ("Tarpeeseen vastaaminen", "Ändamålsenlighet", "Effectiveness"),
        ("Sain apua tarpeeseeni.", "Mitt behov blev tillgodosett.", "My need was addressed."),
        (1, 5),
        numbered(AGREE_5, 1),
        "top_box",
        4,
        [],
    ),
    "ease": (
        ("Helppous", "Enkelhet", "Ease"),
        (
            "Asiani hoitaminen oli helppoa.",
            "Det var lätt att göra det jag behövde göra.",
            "It was easy to complete what I needed to do.",
        ),
        (1, 5),
        numbered(AGREE_5, 1),
        "top_box",
        4,
        [],
    ),
    "efficiency": (
        ("Ajankäyttö", "Tidsåtgång", "Efficiency"),
        (
            "Asiani hoitamiseen kului kohtuullisesti aikaa.",
            "Det tog rimlig tid att göra det jag behövde göra.",
            "It took a reasonable amount of time to do what I needed to do.",
        ),
        (1, 5),
        numbered(AGREE_5, 1),
        "top_box",
        4,
        [],
    ),
    "fairness": (
        ("Oikeudenmukaisuus", "Rättvisa", "Fairness"),
        ("Minua kohdeltiin oikeudenmukaisesti.", "Jag blev rättvist behandlad.", "I was treated fairly."),
        (1, 5),
        numbered(AGREE_5, 1),
        "top_box",
        4,
        [],
    ),
    "helpfulness": (
        ("Avuliaisuus", "Hjälpsamhet", "Helpfulness"),
        (
            "Työntekijät, joiden kanssa asioin, olivat avuliaita.",
            "De anställda som jag hade kontakt med var hjälpsamma.",
            "Employees I interacted with were helpful.",
        ),
        (1, 5),
        numbered(AGREE_5, 1),
        "top_box",
        4,
        [],
    ),
    "found": (
        ("Löytyminen", "Hittade rätt", "Findability"),
        ("Löysitkö etsimäsi?", "Hittade du det du letade efter?", "Did you find what you were looking for?"),
        (0, 1),
        YES_NO,
        "binary_share",
        None,
        [],
    ),
    "umux_lite": (
        ("Käytettävyys (UMUX-Lite)", "Användbarhet (UMUX-Lite)", "Usability (UMUX-Lite)"),
        (
            "Arvioi palvelua {service}.",
            "Bedöm tjänsten {service}.",
            "Rate {service}.",
        ),
        (1, 7),
        numbered(AGREE_7, 1),
        "umux_lite",
        None,
        [
            item(
                "Palvelun {service} ominaisuudet vastaavat tarpeitani.",
                "Funktionerna i {service} motsvarar mina behov.",
                "{service}'s capabilities meet my requirements.",
            ),
            item("Palvelua {service} on helppo käyttää.", "{service} är lätt att använda.", "{service} is easy to use."),
        ],
    ),
    "sus": (
        ("Järjestelmän käytettävyys (SUS)", "Systemets användbarhet (SUS)", "System Usability Scale (SUS)"),
        (
            "Arvioi palvelua {service}.",
            "Bedöm tjänsten {service}.",
            "Rate {service}.",
        ),
        (1, 5),
        numbered(AGREE_5, 1),
        "sus",
        None,
        [
            item(
                "Käyttäisin palvelua {service} mielelläni usein.",
                "Jag tror att jag skulle vilja använda {service} ofta.",
                "I think that I would like to use {service} frequently.",
            ),
            item(
                "Palvelu {service} oli tarpeettoman monimutkainen.",
                "Jag tyckte att {service} var onödigt komplicerad.",
                "I found {service} unnecessarily complex.",
            ),
            item(
                "Palvelua {service} oli helppo käyttää.",
                "Jag tyckte att {service} var lätt att använda.",
                "I thought {service} was easy to use.",
            ),
            item(
                "Tarvitsisin teknistä tukea pystyäkseni käyttämään palvelua {service}.",
                "Jag tror att jag skulle behöva teknisk hjälp för att kunna använda {service}.",
                "I think that I would need the support of a technical person to be able to use {service}.",
            ),
            item(
                "Palvelun {service} eri toiminnot toimivat hyvin yhteen.",
                "Jag tyckte att de olika funktionerna i {service} hängde väl ihop.",
                "I found the various functions in {service} were well integrated.",
            ),
            item(
                "Palvelussa {service} oli liikaa epäjohdonmukaisuutta.",
                "Jag tyckte att det fanns för mycket inkonsekvens i {service}.",
                "I thought there was too much inconsistency in {service}.",
            ),
            item(
                "Uskon, että useimmat oppisivat käyttämään palvelua {service} hyvin nopeasti.",
                "Jag tror att de flesta skulle lära sig att använda {service} mycket snabbt.",
                "I would imagine that most people would learn to use {service} very quickly.",
            ),
            item(
                "Palvelu {service} oli hyvin hankala käyttää.",
                "Jag tyckte att {service} var mycket krånglig att använda.",
                "I found {service} very cumbersome to use.",
            ),
            item(
                "Tunsin oloni varmaksi käyttäessäni palvelua {service}.",
                "Jag kände mig mycket säker när jag använde {service}.",
                "I felt very confident using {service}.",
            ),
            item(
                "Minun piti opetella paljon ennen kuin pystyin käyttämään palvelua {service}.",
                "Jag behövde lära mig mycket innan jag kunde komma igång med {service}.",
                "I needed to learn a lot of things before I could get going with {service}.",
            ),
        ],
    ),
}


def seed(apps, schema_editor):
    Metric = apps.get_model("metrics", "Metric")
    for code, (names, questions, (low, high), labels, rule, threshold, items) in METRICS.items():
        Metric.objects.update_or_create(
            code=code,
            version=1,
            defaults={
                "is_builtin": True,
                "name_fi": names[0],
                "name_sv": names[1],
                "name_en": names[2],
                "question_fi": questions[0],
                "question_sv": questions[1],
                "question_en": questions[2],
                "scale_min": low,
                "scale_max": high,
                "labels": labels,
                "rule": rule,
                "threshold": threshold,
                "items": items,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("metrics", "Metric").objects.filter(is_builtin=True, version=1, code__in=METRICS).delete()


class Migration(migrations.Migration):
    dependencies = [("metrics", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
