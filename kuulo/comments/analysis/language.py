"""Which language a comment is written in: fi, sv, en, or xx for another.

lingua compares the text against Finnish, Swedish and English plus a few
"sink" languages that customers of a Finnish public service also write in;
a text recognised as a sink language is "xx". A text too short or too
uncertain to tell takes the language the customer answered the survey in
(the hint), or "xx" without one. The detector is built once per process.
"""

from functools import cache

from lingua import Language, LanguageDetectorBuilder

OURS = {Language.FINNISH: "fi", Language.SWEDISH: "sv", Language.ENGLISH: "en"}
# Every extra language costs time; texts in other scripts (Cyrillic, Arabic...)
# are "xx" before lingua sees them, so the sinks are Latin-script languages.
SINKS = [Language.GERMAN, Language.ESTONIAN, Language.SPANISH, Language.FRENCH, Language.ITALIAN, Language.POLISH]
MIN_CONFIDENCE = 0.5  # below this the hint (or xx) decides
SHORT = 3  # characters of letters; "ok" is too short for any detector
SHORT_WORDS = 4  # fewer words than this are too few to call the text foreign
HINT_WINS = 0.25  # the survey language wins when lingua gives it at least this confidence


@cache
def detector(low_accuracy: bool = True):
    """lingua's detector; low-accuracy mode (trigrams only) is some times
    faster and as accurate on our evaluation set (see docs/comment-analysis.md)."""
    builder = LanguageDetectorBuilder.from_languages(*OURS, *SINKS)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


@cache
def known_words(code: str) -> frozenset[str]:
    """Words of our own lists in a language: lexicon, stopwords, concepts."""
    from kuulo.comments.analysis.concepts import dictionary
    from kuulo.comments.analysis.lemmas import stopwords
    from kuulo.comments.analysis.sentiment import lexicon

    words = set(lexicon(code).weights) | set(stopwords(code)) | set(dictionary().concept_of.get(code, {}))
    return frozenset(words)


def hint_is_likelier(text: str, code: str, hint: str) -> bool:
    """For a short text: more of its words are known in the survey's language
    than in the detected one ("Bra service. Tack!" is Swedish, not English)."""
    tokens = [token.strip(".,!?;:()\"'").lower() for token in text.split()]
    if len(tokens) > 8:
        return False
    hits = known_words(hint), known_words(code)
    return sum(token in hits[0] for token in tokens) > sum(token in hits[1] for token in tokens)


def foreign_script(text: str) -> bool:
    """Whether most letters are outside the Latin script (Cyrillic, Arabic, ...)."""
    letters = [character for character in text if character.isalpha()]
    return sum(character > "\u024f" for character in letters) * 2 > len(letters)


def detect_languages(texts: list[str], hints: list[str] | None = None, *, low_accuracy: bool = True) -> list[str]:
    """The language code of each text, detected in parallel threads."""
    hints = hints or [""] * len(texts)
    latin = [index for index, text in enumerate(texts) if text.isascii() or not foreign_script(text)]
    found = detector(low_accuracy).compute_language_confidence_values_in_parallel([texts[i] for i in latin])
    confidences: list[list] = [[] for _ in texts]
    for index, values in zip(latin, found, strict=True):
        confidences[index] = values
    codes = []
    for text, values, hint in zip(texts, confidences, hints, strict=True):
        fallback = hint if hint in OURS.values() else "xx"
        if not values and text.strip() and foreign_script(text):
            codes.append("xx")
            continue
        if not values or (len(text) < 8 and sum(character.isalpha() for character in text) <= SHORT):
            codes.append(fallback)
            continue
        best = values[0]
        if best.language in OURS:
            code = OURS[best.language]
            # A hint the detector rates almost as likely wins: short texts
            # ("Bra service") are often valid in more than one language.
            hinted = next((value.value for value in values if OURS.get(value.language) == hint), 0.0)
            if hint and hint != code and (hinted >= HINT_WINS or hint_is_likelier(text, code, hint)):
                code = hint
            codes.append(code if best.value >= MIN_CONFIDENCE or code == hint else fallback)
        elif len(text.split()) < SHORT_WORDS and hint:
            # "Toppen!", "Perfect": a short text that happens to look like
            # another language is most likely in the survey's language.
            codes.append(fallback)
        else:
            codes.append("xx" if best.value >= MIN_CONFIDENCE else fallback)
    return codes
