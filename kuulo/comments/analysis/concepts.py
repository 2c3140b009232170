"""Language-neutral concepts of public-service feedback.

wordlists/concepts.txt maps Finnish, Swedish and English lemmas to one
concept each ("jono", "kö" and "queue" are all `queue`), so a theme found
in Finnish comments also collects the Swedish and English ones. A Finnish
or Swedish compound takes the concept of its longest listed ending of at
least four letters ("palvelunumerojono" -> queue). Concepts come in groups
("## waiting"), which name the usual themes of the domain.
"""

from dataclasses import dataclass, field
from functools import cache, lru_cache

from kuulo.comments.analysis.lemmas import DATA, LANGUAGES, lemma

COMPOUND_LANGUAGES = ("fi", "sv")
MIN_ENDING = 4


@dataclass
class Dictionary:
    concept_of: dict[str, dict[str, str]] = field(default_factory=lambda: {code: {} for code in LANGUAGES})
    groups: dict[str, list[str]] = field(default_factory=dict)  # group -> concepts
    lemmas: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # concept -> language -> lemmas
    group_of: dict[str, str] = field(default_factory=dict)  # concept -> group


@cache
def dictionary() -> Dictionary:
    result, group = Dictionary(), "other"
    for raw in (DATA / "concepts.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            group = line[3:].strip()
            continue
        if not line or line.startswith("#"):
            continue
        concept, rest = line.split(":", 1)
        result.groups.setdefault(group, []).append(concept)
        result.group_of[concept] = group
        by_language = result.lemmas.setdefault(concept, {})
        for code, part in zip(LANGUAGES, rest.split("|"), strict=True):
            for word in part.split():
                for form in {word, lemma(word, code)}:
                    result.concept_of[code].setdefault(form, concept)
                    by_language.setdefault(code, [])
                    if form not in by_language[code]:
                        by_language[code].append(form)
    return result


@lru_cache(maxsize=100_000)
def concept_of(word: str, language: str) -> str:
    """The concept of a lemma, or "" when the dictionary does not know it."""
    table = dictionary().concept_of.get(language)
    if not table:
        return ""
    found = table.get(word)
    if found:
        return found
    if language in COMPOUND_LANGUAGES:
        for start in range(1, len(word) - MIN_ENDING + 1):
            found = table.get(word[start:])
            if found:
                return found
    return ""


def group_lemmas(group: str) -> list[str]:
    """Every lemma of a group's concepts, in all languages (for rule themes)."""
    book = dictionary()
    words: list[str] = []
    for concept in book.groups.get(group, []):
        for forms in book.lemmas[concept].values():
            words.extend(form for form in forms if form not in words)
    return words
