"""Which language a comment is written in: fi, sv, en, or xx for another.

The survey's language (the hint) is where a comment most likely is written,
so it wins unless the detector is confident and the text long enough:

1. A text mostly in another script (Cyrillic, Arabic, ...) is xx.
2. lingua's fast low-accuracy mode (trigrams) reads every text against
   Finnish, Swedish, English and "sink" languages that customers of Finnish
   services also write in, including the neighbours that trigrams confuse
   with ours (Danish, Norwegian, Estonian) and Somali; a sink means xx.
   When it agrees with the hint, or the text has fewer letters than a word,
   the hint stands; that is most comments, at tens of thousands a second.
3. Otherwise the slower high-accuracy mode reads the text again (a few
   hundred a second, for the few percent that need it). It overrules the
   hint only with confidence and length: another of fi/sv/en at
   OTHER_CONFIDENCE with OTHER_WORDS words or more, a sink language at
   SINK_CONFIDENCE with SINK_WORDS words or more. "Bra service" on a
   Finnish survey stays Finnish; "Jeg har ventet i tre måneder" is xx.

The thresholds were measured on the training part of the labelled comments
(docs/comment-analysis.md). Without a hint the detector's best guess stands.
Detectors are built once per process.
"""

from functools import cache

from lingua import Language, LanguageDetectorBuilder

OURS = {Language.FINNISH: "fi", Language.SWEDISH: "sv", Language.ENGLISH: "en"}
SINKS = [
    Language.DANISH,
    Language.BOKMAL,
    Language.NYNORSK,
    Language.ESTONIAN,
    Language.SOMALI,
    Language.GERMAN,
    Language.DUTCH,
    Language.SPANISH,
    Language.FRENCH,
    Language.ITALIAN,
    Language.POLISH,
    Language.TURKISH,
]
OTHER_CONFIDENCE, OTHER_WORDS = 0.3, 2
SINK_CONFIDENCE, SINK_WORDS = 0.4, 3
SHORT = 3  # letters; "ok" is too short for any detector


@cache
def detector(low_accuracy: bool = True):
    builder = LanguageDetectorBuilder.from_languages(*OURS, *SINKS)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def foreign_script(text: str) -> bool:
    """Whether most letters are outside the Latin script (Cyrillic, Arabic, ...)."""
    letters = [character for character in text if character.isalpha()]
    return sum(character > "\u024f" for character in letters) * 2 > len(letters)


def word_count(text: str) -> int:
    return sum(any(character.isalpha() for character in word) for word in text.split())


def code_of(language) -> str:
    return OURS.get(language, "xx")


def decide(text: str, hint: str, values) -> str:
    """The language of a text from lingua's confidence values (best first) and the hint."""
    if not values:
        return hint or "xx"
    best = values[0]
    code = code_of(best.language)
    if not hint or code == hint:
        return code
    confidence, words = (SINK_CONFIDENCE, SINK_WORDS) if code == "xx" else (OTHER_CONFIDENCE, OTHER_WORDS)
    return code if best.value >= confidence and word_count(text) >= words else hint


def detect_languages(texts: list[str], hints: list[str] | None = None, *, low_accuracy: bool = True) -> list[str]:
    """The language code of each text; `hints` are the surveys' languages.
    `low_accuracy=False` reads every text in high-accuracy mode (for the evaluation)."""
    hints = [hint if hint in OURS.values() else "" for hint in (hints or [""] * len(texts))]
    codes: list[str | None] = [None] * len(texts)
    unsure: list[int] = []
    for index, text in enumerate(texts):
        letters = sum(character.isalpha() for character in text)
        if letters and foreign_script(text):
            codes[index] = "xx"
        elif letters <= SHORT:
            codes[index] = hints[index] or "xx"
        else:
            unsure.append(index)
    if low_accuracy:
        fast = detector(True).compute_language_confidence_values_in_parallel([texts[i] for i in unsure])
        again = []
        for index, values in zip(unsure, fast, strict=True):
            if hints[index] and values and code_of(values[0].language) == hints[index]:
                codes[index] = hints[index]
            else:
                again.append(index)
        unsure = again
    found = detector(False).compute_language_confidence_values_in_parallel([texts[i] for i in unsure])
    for index, values in zip(unsure, found, strict=True):
        codes[index] = decide(texts[index], hints[index], values)
    return [code or "xx" for code in codes]
