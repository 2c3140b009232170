"""The second, slower pass over a comment: sentiment and topic from its embedding.

The fast pass (`analyse_texts`: language, lemmas, lexicon sentiment) runs
within seconds of a comment being stored. This pass embeds the comment with
e5 (`embeddings`) and applies the trained classifiers (`classifier`); its
sentiment replaces the lexicon's. It runs in a background batch
(`kuulo.comments.tasks.refine_pending`), never on the storing path.
"""

from dataclasses import dataclass

import numpy as np

from kuulo.comments.analysis.classifier import classify
from kuulo.comments.analysis.embeddings import embed


@dataclass(frozen=True, slots=True)
class Refined:
    sentiment: str | None  # None when no classifier is trained
    topic: str | None
    vector: np.ndarray  # the e5 embedding (384 float32)


def refine_texts(texts: list[str], languages: list[str], vectors: np.ndarray | None = None) -> list[Refined]:
    """Sentiment and topic of each text (in its detected language) from the trained classifiers."""
    distinct = list(dict.fromkeys(texts))
    if vectors is None:
        found = dict(zip(distinct, embed(distinct), strict=True))
        vectors = np.vstack([found[text] for text in texts]) if texts else np.zeros((0, 384), np.float32)
    sentiments = classify("sentiment", vectors, texts, languages) or [None] * len(texts)
    topics = classify("topic", vectors, texts, languages) or [None] * len(texts)
    return [
        Refined(sentiment, topic, vector) for sentiment, topic, vector in zip(sentiments, topics, vectors, strict=True)
    ]
