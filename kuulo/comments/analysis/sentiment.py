"""Sentiment of a comment from its text, with hand-written lemma lexicons.

Each language has a lexicon (wordlists/lexicons/xx.txt) of lemmas with weights
from -3 to 3 plus negations, intensifiers and "too" words. The weights of a
comment's lemmas are summed: a negation flips the next three words (and, in
Swedish, where "inte" follows the verb, the two words before it); an
intensifier multiplies the next sentiment word; "liian"/"för"/"too" turns the
next word negative; words after "mutta"/"men"/"but" weigh more, since the
clause after the contrast usually carries the point. A negation that meets no
sentiment word ("kukaan ei soittanut", "did not explain") counts as mildly
negative: in feedback it reports something that failed. After a conditional
("olisi", "vore", "would") positive words count less: "olisi hyvä jos..."
is a wish, not praise.

The score of the response (its first metric answer on 0-100) is a separate
signal: `disagrees` tells when text and score point different ways.
"""

from dataclasses import dataclass, field
from functools import cache

from kuulo.comments.analysis.lemmas import DATA, LANGUAGES, lemma, read_list

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
THRESHOLD = 0.6
WINDOW = 3
FAILURE = 0.7  # "ei onnistunut", "nobody called": a negated plain verb in feedback reports a failure
TOO_MUCH = 1.2  # "too" before a word the lexicon does not weigh
CONDITIONAL = 0.25  # "olisi hyvä", "det vore bra att", "it would be nice": a wish, not praise
CONTRASTS = {"mutta": 1.5, "men": 1.5, "but": 1.5, "though": 1.3, "however": 1.3, "kuitenkin": 1.2, "dock": 1.2}


@dataclass
class Lexicon:
    weights: dict[str, float] = field(default_factory=dict)
    negations: set[str] = field(default_factory=set)
    intensifiers: dict[str, float] = field(default_factory=dict)
    too: set[str] = field(default_factory=set)
    conditionals: set[str] = field(default_factory=set)
    nothing: set[str] = field(default_factory=set)  # "ei muuta sanottavaa", "no further comments"


@cache
def lexicon(language: str) -> Lexicon:
    result = Lexicon()
    if language not in LANGUAGES:
        return result
    for line in read_list(DATA / "lexicons" / f"{language}.txt"):
        parts = line.split()
        if parts[0] == "!negate":
            result.negations.add(parts[1])
        elif parts[0] == "!intensify":
            result.intensifiers[parts[1]] = float(parts[2])
        elif parts[0] == "!too":
            result.too.add(parts[1])
        elif parts[0] == "!conditional":
            result.conditionals.add(parts[1])
        elif parts[0] == "!nothing":
            result.nothing.add(parts[1])
        elif parts[0] == "!keep":
            continue
        else:
            weight = float(parts[1])
            result.weights[parts[0]] = weight
            # Listed words are base forms; their lemma may differ ("hyvin" -> "hyvä").
            result.weights.setdefault(lemma(parts[0], language), weight)
    return result


def polarity(lemmas: list[str], language: str) -> float:
    """The summed weight of the lemmas, negations and intensifiers applied."""
    lex = lexicon(language)
    if not lex.weights:
        return 0.0
    weights, total = lex.weights, 0.0
    negated, factor, too, emphasis, wish = 0, 1.0, False, 1.0, 1.0
    scored: list[tuple[int, float]] = []  # (position, contribution) for Swedish retro-negation
    unresolved = False  # a negation that has not met a sentiment word yet
    for position, word in enumerate(lemmas):
        following = lemmas[position + 1] if position + 1 < len(lemmas) else ""
        if word in lex.negations:
            if unresolved:
                total -= FAILURE
            negated, unresolved = WINDOW + 1, True
            if language == "sv" and scored and position - scored[-1][0] <= 2:
                unresolved = False
            if language == "sv":
                for index, (at, value) in enumerate(scored):
                    if position - at <= 2 and value > 0:
                        total -= 2 * value
                        scored[index] = (at, -value)
        elif word in lex.nothing and negated:
            unresolved = False  # "ei muuta sanottavaa", "inga fler synpunkter": nothing to add, not a failure
        elif word in CONTRASTS:
            emphasis = CONTRASTS[word]
        elif word in lex.conditionals:
            wish = CONDITIONAL
        elif word in lex.intensifiers and (following in weights or following in lex.too):
            factor *= lex.intensifiers[word]
        elif word in lex.too and following in weights:
            too = True
        elif word in lex.too and following and following not in lex.negations and too_word(lemmas, position):
            total -= TOO_MUCH * emphasis  # "liian pitkä", "alldeles för många", "too long": excess is a complaint
        elif word in weights:
            value = weights[word] * factor
            if too:
                value = -abs(value) - 0.5
            if negated:
                value = -value * (0.9 if value > 0 else 0.8)
                unresolved = False
            value *= emphasis
            if value > 0:
                value *= wish
            total += value
            scored.append((position, value))
            factor, too = 1.0, False
        if negated:
            negated -= 1
            if not negated and unresolved:
                total -= FAILURE
                unresolved = False
    if unresolved:
        total -= FAILURE
    return total


def too_word(lemmas: list[str], position: int) -> bool:
    """Whether a "too" word means excess here: Swedish "för" only after "alldeles",
    "lite", "mycket" or "tok" ("tack för hjälpen" is thanks)."""
    if lemmas[position] != "för":
        return True
    return position > 0 and lemmas[position - 1] in {"alldeles", "lite", "mycket", "tok"}


def label_of(value: float) -> str:
    if value >= THRESHOLD:
        return POSITIVE
    if value <= -THRESHOLD:
        return NEGATIVE
    return NEUTRAL


def sentiment_of(lemmas: list[str], language: str) -> tuple[str, float]:
    """(positive/neutral/negative, polarity) of a comment's lemmas in order."""
    value = polarity(lemmas, language)
    return label_of(value), value


def disagrees(sentiment: str, score: int | None) -> bool:
    """True when the text and the response's score (0-100) point different
    ways: a positive comment with a low score or a negative one with a high
    score. The UI flags such comments for a human to read."""
    if score is None:
        return False
    return (sentiment == POSITIVE and score < 40) or (sentiment == NEGATIVE and score >= 70)
