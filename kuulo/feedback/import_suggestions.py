"""Guessing which metric a column holds from its question text, in Finnish, Swedish or English.

Other tools write the question as the column's header ("How satisfied were you
with the service?", "1. Kuinka tyytyväinen olit palveluun?"). Each header and
each question the metric library knows (its texts in fi, sv and en, with the
{service}/{organisation} blanks taken out, and its names) is turned into a set
of content lemmas with simplemma; words are weighted by how rare they are
among the library's texts, so "palvelu" or "service", which every question
has, counts for little and "suositella" or "recommend" for much. A header
goes to the metric whose text it shares the largest weighted part with, when
that part is large enough; each metric is given to one column only, the best.
"""

import math
import re
from collections import Counter
from functools import lru_cache

import simplemma

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LANGUAGES = ("fi", "sv", "en")
THRESHOLD = 0.45  # the weighted share of a question's words a header must carry
# Words too common in survey questions to say anything about which one it is, and the
# "overall" that some tools add and others leave out.
STOPWORDS = frozenset(
    """
    a an and are as at be by for from how i in is it me my of on or our the this to was we were what with you your
    ja ei että jos kuinka kuinka miten mikä mitä minä minua minun olla oli olet olit on se sinä tämä tähän tätä
    me meidän meihin teidän te ne niin kun kanssa
    att av den det du en ett för har hur i jag med mig min och om på som till var vad vi oss er är
    overall general generally kaikki kaikkiaan kokonaisuus kokonaisuutena yleisesti yleensä
    sammantagen sammantaget helhet allmänhet
    """.split()  # noqa: SIM905 - a paragraph of words reads better than a list literal
)


@lru_cache(maxsize=50_000)
def _lemma(word: str) -> str:
    """The word's lemma in whichever of fi, sv and en knows it (the word itself when none does)."""
    for language in LANGUAGES:
        if simplemma.is_known(word, language, True):
            return simplemma.lemmatize(word, lang=language, low_memory=True).lower()
    return simplemma.lemmatize(word, lang=LANGUAGES, low_memory=True).lower()


def lemmas(text: str) -> frozenset[str]:
    text = re.sub(r"\{\w+\}", " ", text)
    words = (word.casefold() for word in WORD.findall(text))
    return frozenset(_lemma(word) for word in words if word not in STOPWORDS and len(word) > 1) - STOPWORDS


# How other tools and standards word the library's built-in questions: the US OMB Circular A-11
# customer experience drivers that GSA Touchpoints forms use word for word, and the usual
# phrasings of CSAT, NPS, CES and task completion in fi, sv and en.
KNOWN_WORDINGS = {
    "satisfaction": ["I am satisfied with the service I received.", "Olin tyytyväinen saamaani palveluun."],
    "trust": [
        "This interaction increased my confidence in the agency.",
        "This interaction increased my trust in the organisation.",
        "Asiointi lisäsi luottamustani organisaatioon.",
        "Kontakten ökade mitt förtroende för myndigheten.",
    ],
    "effectiveness": ["My need was addressed.", "My issue was resolved.", "Asiani ratkesi.", "Mitt ärende blev löst."],
    "ease": [
        "It was easy to complete what I needed to do.",
        "Asiointi oli helppoa.",
        "Det var lätt att uträtta ärendet.",
    ],
    "efficiency": ["It took a reasonable amount of time to do what I needed to do.", "Asiointi sujui nopeasti."],
    "fairness": ["I was treated fairly.", "Minua kohdeltiin reilusti.", "Jag blev rättvist behandlad."],
    "helpfulness": [
        "Employees I interacted with were helpful.",
        "The staff were helpful.",
        "Henkilökunta oli avuliasta.",
        "Personalen var hjälpsam.",
    ],
    "csat": [
        "How satisfied were you with the service?",
        "Overall satisfaction",
        "Kuinka tyytyväinen olit palveluun?",
        "Hur nöjd var du med tjänsten?",
    ],
    "nps": [
        "How likely are you to recommend us to a friend or colleague?",
        "Would you recommend us?",
        "Suosittelisitko palvelua ystävällesi?",
        "Skulle du rekommendera tjänsten till en vän?",
    ],
    "ces": [
        "The organisation made it easy for me to handle my issue.",
        "How easy was it to handle your matter?",
        "Kuinka helppoa asiointi oli?",
        "Hur lätt var det att sköta ärendet?",
    ],
    "found": ["Did you find what you were looking for?", "Löysitkö etsimäsi?", "Hittade du det du sökte?"],
}


def metric_texts(metric) -> list[str]:
    """What a metric's question may be written as in another tool: its questions and names, and
    for a built-in metric the wordings other tools and standards use."""
    texts = [metric.question(language) for language in LANGUAGES]
    texts += [metric.name_fi, metric.name_sv, metric.name_en]
    if metric.is_builtin:
        texts += KNOWN_WORDINGS.get(metric.code, [])
    return [text for text in texts if text]


def suggest_metrics(headers: dict[int, str], targets: dict[str, list[str]]) -> dict[int, str]:
    """Column index -> target for the headers that read as one of `targets` (target -> its texts)."""
    known = {target: [lemmas(text) for text in texts] for target, texts in targets.items()}
    documents = [words for texts in known.values() for words in texts]
    frequency = Counter(word for words in documents for word in words)
    weight = {word: math.log(1 + len(documents) / count) for word, count in frequency.items()}

    def share(header_words: frozenset[str], text_words: frozenset[str]) -> float:
        if not text_words:
            return 0.0
        common = sum(weight.get(word, 0.0) for word in header_words & text_words)
        whole = sum(weight.get(word, 0.0) for word in text_words)
        extra = sum(weight.get(word, 1.0) for word in header_words - text_words)
        return common / (whole + 0.5 * extra) if whole else 0.0

    scores = []
    for index, header in headers.items():
        header_words = lemmas(header)
        if not header_words:
            continue
        for target, texts in known.items():
            best = max((share(header_words, words) for words in texts), default=0.0)
            if best >= THRESHOLD:
                scores.append((best, index, target))
    chosen: dict[int, str] = {}
    for _score, index, target in sorted(scores, reverse=True):
        if index not in chosen and target not in chosen.values():
            chosen[index] = target
    return chosen
