"""The labelled comments and the scores of the analysis on them.

train.jsonl and heldback.jsonl hold hand-written comments about public
services (see docs/comment-analysis.md for how they were written and
labelled): text, language (fi/sv/en, or xx for another), survey_language
(the language of the survey the customer answered: the hint), sentiment
(positive/neutral/negative) and topic (one label of TOPICS). The split was
made once by scripts/split_comment_set.py; the classifiers are trained on
train.jsonl only, and heldback.jsonl is never used to choose anything.

`evaluate(paths)` runs the whole analysis as production does (language from
text and hint, lexicon, embedding, classifiers) over labelled files and
scores it: accuracy and macro-F1 overall, per language and per class.
`cross_validate()` gives the same figures for the training part by 5-fold
cross-validation, twins kept in one fold.
"""

import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from kuulo.comments.analysis import analyse_texts
from kuulo.comments.analysis.concepts import dictionary, group_lemmas
from kuulo.comments.analysis.lemmas import LANGUAGES
from kuulo.comments.analysis.themes import rule_matches
from kuulo.comments.analysis.training import read_labelled

HERE = Path(__file__).resolve().parent
TRAIN_SET = HERE / "train.jsonl"
HELD_BACK = HERE / "heldback.jsonl"
NONE = "none"
TOPICS = (
    "waiting",
    "staff",
    "online",
    "form",
    "processing",
    "clarity",
    "fees",
    "appointment",
    "language",
    "accessibility",
    NONE,
)


def load(path: Path = TRAIN_SET) -> list[dict]:
    """The labelled comments of one file; `hint` and `theme` repeat survey_language and topic."""
    rows = read_labelled([path])
    for row in rows:
        row["hint"], row["theme"] = row["survey_language"], row["topic"]
    return rows


def scores(gold: list[str], predicted: list[str]) -> dict:
    """Accuracy, macro-F1 and each class's precision, recall and F1."""
    if not gold:
        return {"accuracy": 0.0, "macro_f1": 0.0, "n": 0, "classes": {}}
    classes = sorted(set(gold))
    precision, recall, f1, support = precision_recall_fscore_support(gold, predicted, labels=classes, zero_division=0)
    return {
        "accuracy": round(float(accuracy_score(gold, predicted)), 3),
        "macro_f1": round(float(f1_score(gold, predicted, labels=classes, average="macro", zero_division=0)), 3),
        "n": len(gold),
        "classes": {
            name: {"precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3), "n": int(n)}
            for name, p, r, f, n in zip(classes, precision, recall, f1, support, strict=True)
        },
    }


def by_language(rows: list[dict], predicted: list[str], field: str) -> dict:
    return {
        language: scores(
            [row[field] for row in rows if row["language"] == language],
            [label for row, label in zip(rows, predicted, strict=True) if row["language"] == language],
        )
        for language in LANGUAGES
    }


def rule_topics(analyses) -> list[str]:
    """The topic whose concept-group rule matches most of a comment's lemmas (the old, lexical way)."""
    rules = {group: frozenset(group_lemmas(group)) for group in dictionary().groups if group in TOPICS}
    labels = []
    for analysis in analyses:
        hits = Counter()
        for group, terms in rules.items():
            hits[group] = sum(rule_matches([word], terms, analysis.language) for word in analysis.lemmas)
        group, count = hits.most_common(1)[0] if hits else (NONE, 0)
        labels.append(group if count else NONE)
    return labels


def predict(rows: list[dict]) -> dict:
    """The analysis of each labelled comment: detected language, fast (lexicon)
    sentiment, refined sentiment and topic (classifiers), rule topic."""
    from kuulo.comments.analysis.refine import refine_texts

    texts = [row["text"] for row in rows]
    started = time.perf_counter()
    analyses = analyse_texts(texts, [row["survey_language"] for row in rows])
    fast_seconds = time.perf_counter() - started
    started = time.perf_counter()
    refined = refine_texts(texts, [analysis.language for analysis in analyses])
    return {
        "language": [analysis.language for analysis in analyses],
        "lexicon": [analysis.sentiment for analysis in analyses],
        "sentiment": [
            result.sentiment or analysis.sentiment for result, analysis in zip(refined, analyses, strict=True)
        ],
        "topic": [result.topic or NONE for result in refined],
        "rules": rule_topics(analyses),
        "seconds": {"fast": round(fast_seconds, 2), "refined": round(time.perf_counter() - started, 2)},
    }


def report(rows: list[dict], predicted: dict) -> dict:
    """Scores of predictions against the labels: language over every comment,
    sentiment and topic over the comments in fi/sv/en."""
    ours = [index for index, row in enumerate(rows) if row["language"] in LANGUAGES]
    picked = [rows[index] for index in ours]
    result = {"n": len(rows), "language": scores([row["language"] for row in rows], predicted["language"])}
    result["language"]["per_language"] = {
        language: round(
            float(
                np.mean(
                    [
                        got == language
                        for row, got in zip(rows, predicted["language"], strict=True)
                        if row["language"] == language
                    ]
                )
            ),
            3,
        )
        for language in (*LANGUAGES, "xx")
        if any(row["language"] == language for row in rows)
    }
    for key, field in (("sentiment", "sentiment"), ("lexicon", "sentiment"), ("topic", "topic"), ("rules", "topic")):
        if key not in predicted:
            continue
        labels = [predicted[key][index] for index in ours]
        result[key] = scores([row[field] for row in picked], labels)
        result[key]["per_language"] = by_language(picked, labels, field)
    result["mistakes"] = {
        "language": [
            (row["text"], row["language"], got)
            for row, got in zip(rows, predicted["language"], strict=True)
            if row["language"] != got
        ],
        "sentiment": [
            (rows[i]["text"], rows[i]["sentiment"], predicted["sentiment"][i])
            for i in ours
            if rows[i]["sentiment"] != predicted["sentiment"][i]
        ],
        "topic": [
            (rows[i]["text"], rows[i]["topic"], predicted["topic"][i])
            for i in ours
            if rows[i]["topic"] != predicted["topic"][i]
        ],
    }
    return result


def evaluate(paths: list[Path] | None = None) -> dict[str, dict]:
    """Scores for each labelled file (default: the held-back part)."""
    results = {}
    for path in paths or [HELD_BACK]:
        rows = read_labelled([path])
        predicted = predict(rows)
        results[str(path)] = report(rows, predicted) | {"seconds": predicted["seconds"]}
    return results


def cross_validate(cache_path=None) -> dict:
    """Cross-validated scores on the training part: each comment's sentiment and
    topic come from a model trained without its fold (and its twins)."""
    from kuulo.comments.analysis.training import embed_rows, train

    rows = read_labelled([TRAIN_SET])
    analyses = analyse_texts([row["text"] for row in rows], [row["survey_language"] for row in rows])
    vectors = embed_rows(rows, cache_path)
    trained = train(rows, vectors, log=lambda message: None)
    predicted = {
        "language": [analysis.language for analysis in analyses],
        "sentiment": trained["cv"]["sentiment"],
        "topic": trained["cv"]["topic"],
    }
    return report(rows, predicted)
