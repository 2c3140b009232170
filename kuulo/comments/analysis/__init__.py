"""Offline comment analysis on the CPU: language, lemmas, sentiment, themes.

The pipeline (`analyse_texts`) is pure Python over plain strings so it can be
evaluated and benchmarked without a database; `kuulo.comments.analysis.store`
runs it over stored comments and writes the results back in bulk.
"""

from dataclasses import dataclass

from kuulo.comments.analysis.language import detect_languages
from kuulo.comments.analysis.lemmas import lemmatise, tokens_and_lemmas
from kuulo.comments.analysis.sentiment import sentiment_of


@dataclass(frozen=True, slots=True)
class Analysis:
    language: str  # fi, sv, en or xx
    lemmas: tuple[str, ...]  # content lemmas, stopwords removed
    sentiment: str  # positive, neutral, negative
    polarity: float  # the lexicon sum behind `sentiment`


def analyse_texts(texts: list[str], hints: list[str] | None = None) -> list[Analysis]:
    """Analyses many texts at once (language detection runs in parallel).

    `hints` are the languages the customers answered the survey in; a text
    too short to tell (such as "ok") takes its hint."""
    hints = hints or [""] * len(texts)
    # Short comments ("Kiitos!", "ok") repeat a lot: analyse each distinct one once.
    distinct = list(dict.fromkeys(zip(texts, hints, strict=True)))
    languages = detect_languages([text for text, _ in distinct], [hint for _, hint in distinct])
    done = {}
    for (text, hint), language in zip(distinct, languages, strict=True):
        all_lemmas, content = tokens_and_lemmas(text, language)
        label, polarity = sentiment_of(all_lemmas, language)
        done[text, hint] = Analysis(language, content, label, polarity)
    return [done[pair] for pair in zip(texts, hints, strict=True)]


__all__ = ["Analysis", "analyse_texts", "detect_languages", "lemmatise", "sentiment_of"]
