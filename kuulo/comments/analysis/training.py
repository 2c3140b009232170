"""Training the sentiment and topic classifiers from the labelled comments.

Features of a comment (`features`): its e5 embedding (384 numbers, see
`embeddings`) followed by a few lexicon figures (`lexicon_features`), so the
hand-written lexicon's negation and intensifier rules help where the
embedding is unsure. Logistic regression (scikit-learn) learns the weights;
they are stored in `analysis/model/*.npz` and applied with numpy
(`kuulo.comments.analysis.classifier`). `manage.py train_analysis` rebuilds
them from kuulo/comments/evaluation/train.jsonl; the held-back part is never
read here.
"""

import numpy as np

TWINS = 0.65  # centred cosine at which two comments say nearly the same thing
SEED = 13


def twin_groups(vectors: np.ndarray) -> list[int]:
    """Groups of comments that say nearly the same thing: the connected
    components of 'centred cosine >= TWINS' (union-find). Cross-validation
    keeps a group on one side, so a translation never tests its original."""
    centred = vectors - vectors.mean(axis=0)
    centred /= np.linalg.norm(centred, axis=1, keepdims=True) + 1e-9
    parent = list(range(len(vectors)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    similar = centred @ centred.T
    for i, j in zip(*np.nonzero(np.triu(similar, 1) >= TWINS), strict=True):
        parent[root(int(i))] = root(int(j))
    return [root(i) for i in range(len(vectors))]


# --- labelled comments ----------------------------------------------------

SENTIMENTS = ("positive", "neutral", "negative")
C_CHOICES = (0.03, 0.1)
LEXICON_WEIGHTS = (3.0, 6.0)  # how much the lexicon figures count against the embedding
BANDS = tuple(round(value, 2) for value in np.arange(-0.3, 0.31, 0.02))
FOLDS = 5


def read_labelled(paths) -> list[dict]:
    """Labelled comments from JSONL files, fields normalised: text, language,
    survey_language (the hint; the language when missing), sentiment, topic.
    The older field names `hint` and `theme` are read too."""
    import json

    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                item = json.loads(line)
                try:
                    row = {
                        "text": str(item["text"]),
                        "language": str(item["language"]),
                        "sentiment": str(item["sentiment"]),
                        "topic": str(item.get("topic", item.get("theme", ""))),
                    }
                except KeyError as missing:
                    raise ValueError(f"{path}:{number}: no {missing} field") from None
                row["survey_language"] = str(item.get("survey_language") or item.get("hint") or row["language"])
                rows.append(row)
    return rows


def embed_rows(rows: list[dict], cache_path=None) -> np.ndarray:
    """The embeddings of the rows' texts; `cache_path` (an .npz) keeps them between runs."""
    from kuulo.comments.analysis.embeddings import DIMENSIONS, embed

    texts = [row["text"] for row in rows]
    known: dict[str, np.ndarray] = {}
    if cache_path and __import__("os").path.exists(cache_path):
        with np.load(cache_path) as stored:
            known = dict(zip((str(text) for text in stored["texts"]), stored["vectors"], strict=True))
    missing = [text for text in dict.fromkeys(texts) if text not in known]
    if missing:
        known.update(zip(missing, embed(missing), strict=True))
        if cache_path:
            np.savez(cache_path, texts=np.array(list(known)), vectors=np.vstack(list(known.values())))
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.vstack([known[text] for text in texts]).astype(np.float32)


# --- fitting ----------------------------------------------------------------


def fit(matrix: np.ndarray, labels: list[str], c: float, weight: float = 1.0, band: float = 0.0):
    """Logistic regression on standardised features; the lexicon figures (the
    columns after the embedding) are scaled up by `weight`."""
    from sklearn.linear_model import LogisticRegression

    from kuulo.comments.analysis.classifier import Linear
    from kuulo.comments.analysis.embeddings import DIMENSIONS

    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0) + 1e-6
    scale[DIMENSIONS:] /= weight
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit((matrix - mean) / scale, labels)
    return Linear(
        classes=tuple(str(value) for value in model.classes_),
        coef=model.coef_,
        intercept=model.intercept_,
        mean=mean,
        scale=scale,
        neutral_band=band,
    )


def out_of_fold(
    matrix: np.ndarray, labels: list[str], groups: list[int], c: float, weight: float
) -> tuple[tuple, np.ndarray]:
    """Cross-validated probabilities: each comment scored by a model that did not see its group."""
    from sklearn.model_selection import StratifiedGroupKFold

    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    classes = tuple(sorted(set(labels)))
    result = np.zeros((len(labels), len(classes)))
    for train, test in folds.split(matrix, labels, groups):
        model = fit(matrix[train], [labels[i] for i in train], c, weight)
        columns = [classes.index(name) for name in model.classes]
        result[np.ix_(test, columns)] = model.probabilities(matrix[test])
    return classes, result


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, average="macro", zero_division=0))


def train(rows: list[dict], vectors: np.ndarray, *, log=print) -> dict:
    """Chooses C, the lexicon's weight and the neutral band by cross-validation on `rows` and fits
    the sentiment and topic classifiers on all of them; returns
    {"sentiment": Linear, "topic": Linear, "cv": {name: out-of-fold labels}}."""
    from kuulo.comments.analysis.classifier import features, label

    texts = [row["text"] for row in rows]
    languages = [row["language"] for row in rows]
    matrix = features(vectors, texts, languages)
    groups = twin_groups(vectors)
    result: dict = {"cv": {}}
    for name in ("sentiment", "topic"):
        labels = [row[name] for row in rows]
        best = None
        for c in C_CHOICES:
            for weight in LEXICON_WEIGHTS:
                classes, probabilities = out_of_fold(matrix, labels, groups, c, weight)
                for band in BANDS if name == "sentiment" else (0.0,):
                    predicted = label(classes, probabilities, band)
                    score = macro_f1(labels, predicted)
                    if best is None or score > best[0]:
                        best = (score, c, weight, band, predicted)
        score, c, weight, band, predicted = best
        log(f"{name}: C {c}, lexicon weight {weight}, neutral band {band}, cross-validated macro-F1 {score:.3f}")
        result[name] = fit(matrix, labels, c, weight, band)
        result["cv"][name] = predicted
    return result
