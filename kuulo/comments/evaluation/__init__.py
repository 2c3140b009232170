"""The labelled evaluation set and the scores of the analysis on it.

eval_comments.jsonl holds hand-written comments about public services, each
labelled with its language (fi/sv/en, or xx for another), its sentiment and
one theme label of a fixed list that matches the concept groups of
wordlists/concepts.txt ("none" for comments without a topic, such as "Hyvä!").
The `hint` is the language of the survey the customer answered.

Themes are scored two ways:
- rule themes: one rule theme per label whose lemmas are the label's concept
  group; a comment takes the label whose rule matches most of its lemmas,
  "none" when none matches;
- automatic themes: the comments are clustered as in production; each
  cluster is mapped to the majority label of its comments, comments without
  a cluster are "none"; k is chosen as in production. This measures how well clusters follow the human
  topics (purity), and `cross_lingual` is the share of clusters with members
  in all three languages.
"""

import json
import time
from collections import Counter
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score

from kuulo.comments.analysis import analyse_texts
from kuulo.comments.analysis.concepts import dictionary, group_lemmas
from kuulo.comments.analysis.language import detect_languages
from kuulo.comments.analysis.themes import Space, assign, choose_k, features, has_concept, kmeans, rule_matches

EVAL_SET = Path(__file__).resolve().parent / "eval_comments.jsonl"
NONE = "none"


def load(path: Path = EVAL_SET) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    return {
        "accuracy": round(accuracy_score(gold, predicted), 3),
        "macro_f1": round(f1_score(gold, predicted, average="macro", zero_division=0), 3),
        "n": len(gold),
    }


def rule_labels(analyses, labels: set[str]) -> list[str]:
    rules = {group: frozenset(group_lemmas(group)) for group in dictionary().groups if group in labels}
    labels = []
    for analysis in analyses:
        hits = Counter()
        for group, terms in rules.items():
            hits[group] = sum(rule_matches([word], terms, analysis.language) for word in analysis.lemmas)
        group, count = hits.most_common(1)[0] if hits else (NONE, 0)
        labels.append(group if count else NONE)
    return labels


def cluster_labels(analyses, gold: list[str], k: int | None = None, seed: int = 0) -> tuple[list[str], float]:
    maps = [features(analysis.lemmas, analysis.language) for analysis in analyses]
    usable = [index for index, feature_map in enumerate(maps) if has_concept(feature_map)]
    space = Space.fit([maps[index] for index in usable])
    matrix = space.matrix([maps[index] for index in usable])
    _, centroids = kmeans(matrix, k or choose_k(matrix, seed), seed)
    clusters = assign(matrix, centroids)
    members: dict[int, list[int]] = {}
    for index, cluster in zip(usable, clusters, strict=True):
        if cluster >= 0:
            members.setdefault(int(cluster), []).append(index)
    predicted = [NONE] * len(analyses)
    multilingual = 0
    for indexes in members.values():
        label = Counter(gold[index] for index in indexes).most_common(1)[0][0]
        for index in indexes:
            predicted[index] = label
        multilingual += len({analyses[index].language for index in indexes} & {"fi", "sv", "en"}) == 3
    return predicted, round(multilingual / max(1, len(members)), 3)


def evaluate(path: Path = EVAL_SET) -> dict:
    items = load(path)
    texts = [item["text"] for item in items]
    hints = [item["hint"] for item in items]
    result: dict = {}

    for low_accuracy in (True, False):
        started = time.perf_counter()
        detected = detect_languages(texts, hints, low_accuracy=low_accuracy)
        mode = "low_accuracy" if low_accuracy else "high_accuracy"
        result[f"language_{mode}"] = scores([item["language"] for item in items], detected)
        result[f"language_{mode}"]["seconds"] = round(time.perf_counter() - started, 4)
    result["language"] = result["language_low_accuracy"]

    analyses = analyse_texts(texts, hints)
    ours = [index for index, item in enumerate(items) if item["language"] != "xx"]
    result["sentiment"] = scores([items[i]["sentiment"] for i in ours], [analyses[i].sentiment for i in ours])

    gold = [items[i]["theme"] for i in ours]
    chosen = [analyses[i] for i in ours]
    result["themes_rules"] = scores(gold, rule_labels(chosen, set(gold)))
    predicted, cross = cluster_labels(chosen, gold)
    result["themes_clusters"] = scores(gold, predicted)
    result["themes_clusters"]["cross_lingual"] = cross
    result["mistakes"] = {
        "language": [
            (item["text"], item["language"], detected_language)
            for item, detected_language in zip(items, [a.language for a in analyses], strict=True)
            if item["language"] != detected_language
        ],
        "sentiment": [
            (items[i]["text"], items[i]["sentiment"], analyses[i].sentiment, round(analyses[i].polarity, 2))
            for i in ours
            if items[i]["sentiment"] != analyses[i].sentiment
        ],
    }
    return result
