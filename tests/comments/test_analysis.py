"""The analysis on plain texts: language, lemmas, sentiment and rule matching."""

import pytest

from kuulo.comments.analysis import analyse_texts
from kuulo.comments.analysis.concepts import concept_of
from kuulo.comments.analysis.language import detect_languages
from kuulo.comments.analysis.lemmas import lemmatise
from kuulo.comments.analysis.sentiment import disagrees, polarity, sentiment_of
from kuulo.comments.analysis.store import rule_lemmas
from kuulo.comments.analysis.themes import rule_matches


def sentiment(text: str, language: str) -> str:
    return analyse_texts([text], [language])[0].sentiment


def test_languages_are_told_apart_and_others_are_xx():
    texts = [
        "Jonotin puhelimessa yli puoli tuntia.",
        "Jag väntade i telefonkö i över en halvtimme.",
        "I waited on the phone for over half an hour.",
        "Ich habe über eine Stunde in der Warteschleife gewartet.",
        "Очень долго ждал ответа по телефону.",
        "La solicitud tarda demasiado, llevo tres meses esperando.",
    ]
    assert detect_languages(texts, ["fi"] * len(texts)) == ["fi", "sv", "en", "xx", "xx", "xx"]


def test_a_text_too_short_to_tell_takes_the_survey_language():
    assert detect_languages(["ok", "ok", "Bra", "Toppen!"], ["fi", "sv", "sv", "sv"]) == ["fi", "sv", "sv", "sv"]
    assert detect_languages(["ok"], [""]) == ["xx"]


def test_lemmas_are_base_forms_without_stopwords():
    assert lemmatise("Jonotin puhelimessa ja jonossa oli ruuhkaa", "fi") == ["jonottaa", "puhelin", "jono", "ruuhka"]
    assert lemmatise("Handläggaren var vänlig och ansökan gick bra", "sv")[:2] == ["handläggare", "vänlig"]
    assert "queue" in lemmatise("The queues were long", "en")
    assert "the" not in lemmatise("The queues were long", "en")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Virkailija oli todella ystävällinen, kiitos!", "fi", "positive"),
        ("Surkea palvelu ja epäselvä ohje.", "fi", "negative"),
        ("Käytin verkkopalvelua.", "fi", "neutral"),
        ("Mycket trevlig och kunnig personal.", "sv", "positive"),
        ("Krånglig blankett och otrevligt bemötande.", "sv", "negative"),
        ("Great service, very helpful staff.", "en", "positive"),
        ("The form was confusing and the site crashed.", "en", "negative"),
    ],
)
def test_sentiment_from_the_words(text, language, expected):
    assert sentiment(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Palvelu ei ollut hyvää.", "fi", "negative"),
        ("Sovellus ei toiminut ollenkaan.", "fi", "negative"),
        ("Pääsin läpi heti, ei jonoa ollenkaan!", "fi", "positive"),
        ("Appen fungerade inte alls.", "sv", "negative"),
        ("Personalen var inte trevlig.", "sv", "negative"),
        ("Not helpful at all.", "en", "negative"),
        ("The website isn't clear.", "en", "negative"),
        ("I never got a callback.", "en", "negative"),
    ],
)
def test_negation_turns_the_sentiment(text, language, expected):
    assert sentiment(text, language) == expected


def test_intensifiers_too_words_and_wishes():
    assert polarity(["todella", "hyvä"], "fi") > polarity(["hyvä"], "fi")
    assert sentiment("Jono oli aivan liian pitkä.", "fi") == "negative"
    assert sentiment("Kötiden var alldeles för lång.", "sv") == "negative"
    assert sentiment("Olisi hyvä jos jonossa kerrottaisiin odotusaika.", "fi") != "positive"
    assert sentiment("It would be nice to save a draft.", "en") != "positive"


def test_another_language_is_neutral():
    assert sentiment_of(["sehr", "gut"], "xx") == ("neutral", 0.0)


def test_text_and_score_disagree():
    assert disagrees("positive", 0)
    assert disagrees("negative", 100)
    assert not disagrees("positive", 100)
    assert not disagrees("negative", 25)
    assert not disagrees("neutral", 0)
    assert not disagrees("positive", None)


def test_rule_terms_match_inflections_and_compounds_in_every_language():
    terms = rule_lemmas(["jono", "kö", "queue"])
    for text, language in [
        ("Jonossa meni tunti.", "fi"),
        ("Puhelinjonot ovat pitkiä.", "fi"),
        ("Köerna var långa.", "sv"),
        ("Telefonkön var lång.", "sv"),
        ("The queues were long.", "en"),
    ]:
        assert rule_matches(lemmatise(text, language), terms, language), text
    assert not rule_matches(lemmatise("Lomake oli selkeä.", "fi"), terms, "fi")


def test_concepts_are_shared_across_languages():
    assert concept_of("jono", "fi") == concept_of("kö", "sv") == concept_of("queue", "en") == "queue"
    assert concept_of("puhelinjono", "fi") == "queue"  # a compound takes its last part's concept
    assert concept_of("verkkosivu", "fi") == concept_of("webbplats", "sv") == concept_of("website", "en")
