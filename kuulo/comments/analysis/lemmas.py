"""Lemmas of Finnish, Swedish and English text with simplemma.

Words are lowercased and lemmatised one by one with simplemma's low-memory
dictionaries (a few seconds to index per process); lookups are cached, since
feedback repeats a small vocabulary. `tokens_and_lemmas` returns every
lemma (negations included, for sentiment) and the content lemmas (no
stopwords, no numbers) that are stored and clustered.
"""

import re
from functools import cache, lru_cache
from pathlib import Path

import simplemma

DATA = Path(__file__).resolve().parent.parent / "wordlists"
LANGUAGES = ("fi", "sv", "en")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
CONTRACTIONS = {"can't": "can not", "won't": "will not", "n't": " not"}


def read_list(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@cache
def stopwords(language: str) -> frozenset[str]:
    if language not in LANGUAGES:
        return frozenset()
    return frozenset(read_list(DATA / "stopwords" / f"{language}.txt"))


@cache
def kept_as_written(language: str) -> frozenset[str]:
    """Words whose form matters more than their lemma: the conditionals of
    the sentiment lexicon ("olisi" is a wish, its lemma "olla" is not) and
    its "!keep" words ("later" is not "late")."""
    path = DATA / "lexicons" / f"{language}.txt"
    lines = read_list(path) if path.exists() else []
    return frozenset(line.split()[1] for line in lines if line.startswith(("!conditional ", "!keep ")))


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The lemma of one lowercased word; the word itself in another language."""
    if language not in LANGUAGES or word in kept_as_written(language):
        return word
    found = simplemma.lemmatize(word, lang=language, low_memory=True).lower()
    # The dictionary maps some Finnish and Swedish compounds to their first
    # part ("puhelinjonot" -> "puhelin"); the head decides the meaning, so
    # such a compound is put back together with its head's lemma.
    rest = word[len(found) :]
    if language != "en" and word.startswith(found) and len(rest) >= 5 and simplemma.is_known(rest, language, True):
        head = simplemma.lemmatize(rest, lang=language, low_memory=True).lower()
        if len(head) >= 4:
            return found + head
    return found


def words(text: str, language: str = "") -> list[str]:
    text = text.lower()
    if "'" in text or "’" in text:
        text = text.replace("’", "'")
        for short, long in CONTRACTIONS.items():
            text = text.replace(short, long)
    return WORD.findall(text)


def tokens_and_lemmas(text: str, language: str) -> tuple[list[str], tuple[str, ...]]:
    """(all lemmas in order, content lemmas)."""
    every = [lemma(word, language) for word in words(text, language)]
    stop = stopwords(language)
    return every, tuple(item for item in every if len(item) > 1 and item not in stop)


def lemmatise(text: str, language: str) -> list[str]:
    """Content lemmas of a text, for rule terms and search."""
    return list(tokens_and_lemmas(text, language)[1])
