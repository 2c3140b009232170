"""The trained classifiers: sentiment and topic of a comment from its embedding.

Each is a multinomial logistic regression over `features` (the e5 embedding
and a few lexicon figures), trained by `kuulo.comments.analysis.training` and
stored as plain arrays in `model/<name>.npz` (classes, coefficients,
intercepts, the features' means and scales, and for sentiment the neutral
band). Applying one is two numpy products, so no scikit-learn object is
unpickled at run time.

The neutral band: a comment is neutral when the neutral probability plus the
band is at least the larger of the positive and negative probabilities. The
band is chosen by cross-validation on the training part (see training.py).
"""

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from kuulo.comments.analysis.concepts import concept_of, dictionary
from kuulo.comments.analysis.lemmas import LANGUAGES, tokens_and_lemmas
from kuulo.comments.analysis.sentiment import NEUTRAL, lexicon, polarity

MODEL_DIR = Path(__file__).resolve().parent / "model"
TIME_WORDS = re.compile(
    r"\b\d+\s*(?:min|h\b|t\b|tun|päiv|viiko|kuuk|vuo|timm|dag|veck|månad|år|hour|day|week|month|year)"
    r"|\b(?:tunni|tuntia|viikkoa|kuukautta|vuotta|timme|timmar|veckor|månader|hours|weeks|months)\b",
    re.IGNORECASE,
)
NEGATIVE_EMOJI = re.compile("[\U0001f620-\U0001f62d\U0001f44e\u2639\U0001f641]")
POSITIVE_EMOJI = re.compile("[\U0001f600-\U0001f60d\U0001f44d\u263a\U0001f642\u2764]")


@dataclass(frozen=True)
class Linear:
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    mean: np.ndarray  # (features,)
    scale: np.ndarray  # (features,)
    neutral_band: float = 0.0

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        scores = ((matrix - self.mean) / self.scale) @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, name: str) -> Path:
        path = MODEL_DIR / f"{name}.npz"
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            neutral_band=np.float32(self.neutral_band),
        )
        return path


@cache
def load(name: str) -> Linear | None:
    """The stored classifier `name` (sentiment, topic), None when not trained."""
    path = MODEL_DIR / f"{name}.npz"
    if not path.exists():
        return None
    with np.load(path) as stored:
        return Linear(
            classes=tuple(str(value) for value in stored["classes"]),
            coef=stored["coef"],
            intercept=stored["intercept"],
            mean=stored["mean"],
            scale=stored["scale"],
            neutral_band=float(stored["neutral_band"]),
        )


@cache
def topic_groups() -> tuple[str, ...]:
    return tuple(dictionary().groups)


def lexicon_features(text: str, language: str) -> list[float]:
    """A few figures from the hand-written lexicon, the concept dictionary and the text's form:
    polarity, positive and negative weight, negated negatives, negation, "too", wish, length,
    question or frowning emoji, exclamation or smiling emoji, a stated duration, and one
    count of concept hits per concept group."""
    every, _ = tokens_and_lemmas(text, language) if language in LANGUAGES else ([], ())
    lex = lexicon(language)
    weights = [lex.weights.get(word, 0.0) for word in every]
    negated_negatives = sum(
        1
        for position, value in enumerate(weights)
        if value < 0 and any(word in lex.negations for word in every[max(0, position - 3) : position])
    )
    groups = dict.fromkeys(topic_groups(), 0.0)
    book = dictionary()
    for word in every:
        concept = concept_of(word, language)
        if concept:
            groups[book.group_of[concept]] += 1.0
    return [
        max(-2.0, min(2.0, polarity(every, language) / 3)) if every else 0.0,
        sum(value for value in weights if value > 0) / 3,
        sum(value for value in weights if value < 0) / 3,
        float(any(word in lex.negations for word in every)),
        float(any(word in lex.too for word in every)),
        float(any(word in lex.conditionals for word in every)),
        math.log1p(len(every)) / 3,
        float("?" in text) - float(bool(NEGATIVE_EMOJI.search(text))),
        float("!" in text) + float(bool(POSITIVE_EMOJI.search(text))),
        float(negated_negatives),
        float(bool(TIME_WORDS.search(text))),
        *(min(count, 3.0) for count in groups.values()),
    ]


def features(vectors: np.ndarray, texts: list[str], languages: list[str]) -> np.ndarray:
    """The embedding of each comment followed by its lexicon figures."""
    extra = np.array(
        [lexicon_features(text, language) for text, language in zip(texts, languages, strict=True)],
        dtype=np.float32,
    ).reshape(len(texts), -1)
    return np.hstack([vectors.astype(np.float32), extra])


def label(classes: tuple[str, ...], probabilities: np.ndarray, neutral_band: float = 0.0) -> list[str]:
    """The most probable class, with the neutral band applied when there is a neutral class."""
    chosen = probabilities.argmax(axis=1)
    if NEUTRAL in classes and neutral_band:
        neutral = classes.index(NEUTRAL)
        others = np.delete(probabilities, neutral, axis=1).max(axis=1)
        chosen = np.where(probabilities[:, neutral] + neutral_band >= others, neutral, chosen)
    return [classes[index] for index in chosen]


def classify(name: str, vectors: np.ndarray, texts: list[str], languages: list[str]) -> list[str] | None:
    """Labels from the stored classifier `name`, None when it is not trained."""
    model = load(name)
    if model is None:
        return None
    if not texts:
        return []
    return label(model.classes, model.probabilities(features(vectors, texts, languages)), model.neutral_band)
