"""Themes of comments, without the database: rule matching and clustering.

Rule themes: a comment belongs when one of its lemmas is a rule lemma, or
(in Finnish and Swedish) a compound ending in one, so "jono" also finds
"puhelinjono" and "kö" finds "telefonkö".

Automatic themes: each comment becomes a vector of concept features
("c:queue", weight 1), their groups ("g:waiting", 0.7) and, for lemmas outside the concept dictionary, lemma
features ("fi:lupa", weight 0.3); sentiment words are left out, since a theme
is a topic, not a mood. Features are weighted by TF-IDF and the rows
normalised; spherical k-means (cosine k-means, k-means++ seeding) clusters
the comments that have at least one concept, with k chosen by the silhouette
on a sample. A theme is described by
its centroid (a sparse {feature: weight}) and its top terms per language.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from kuulo.comments.analysis.concepts import concept_of, dictionary
from kuulo.comments.analysis.sentiment import lexicon

LEMMA_WEIGHT = 0.3
GROUP_WEIGHT = 0.7
K_CHOICES = (8, 11, 14, 17, 20)
MAX_LEMMA_FEATURES = 300  # the most frequent lemmas outside the concept dictionary
MIN_SIMILARITY = 0.2  # a comment farther than this from every theme gets none
SAMPLE = 2000
TOP_TERMS = 6


@lru_cache(maxsize=100_000)
def compound_heads(word: str, language: str) -> tuple[str, ...]:
    """The possible last parts of a Finnish or Swedish compound: every ending
    of four letters or more, and shorter ones ("kö" of "telefonkö") when
    what comes before is a word of its own."""
    if language not in ("fi", "sv") or len(word) < 5:
        return ()
    import simplemma

    heads = [word[start:] for start in range(1, len(word) - 3)]
    heads += [
        word[start:]
        for start in range(max(4, len(word) - 3), len(word) - 1)
        if simplemma.is_known(word[:start], language, True)
    ]
    return tuple(heads)


def rule_matches(lemmas, terms: frozenset[str], language: str) -> bool:
    """Whether a comment's lemmas contain a rule lemma (or a compound ending in one)."""
    for word in lemmas:
        if word in terms:
            return True
        for head in compound_heads(word, language):
            if head in terms:
                return True
    return False


def features(lemmas, language: str) -> dict[str, float]:
    """The clustering features of one comment: concepts and other lemmas."""
    weights = lexicon(language).weights
    groups = dictionary().group_of
    result: dict[str, float] = {}
    for word in lemmas:
        concept = concept_of(word, language)
        if concept:
            result["c:" + concept] = 1.0
            result["g:" + groups[concept]] = GROUP_WEIGHT
        elif word not in weights and len(word) > 2:
            result.setdefault(f"{language}:{word}", LEMMA_WEIGHT)
    return result


def has_concept(feature_map: dict[str, float]) -> bool:
    return any(key.startswith("c:") for key in feature_map)


@dataclass
class Space:
    """The TF-IDF feature space of one clustering run."""

    vocabulary: list[str]
    idf: list[float]

    def __post_init__(self):
        self.index = {feature: position for position, feature in enumerate(self.vocabulary)}
        self.idf_array = np.asarray(self.idf, dtype=np.float64)

    @classmethod
    def fit(cls, feature_maps: list[dict[str, float]], min_count: int = 3) -> "Space":
        counts = Counter(feature for feature_map in feature_maps for feature in feature_map)
        concepts = [feature for feature in counts if feature.startswith(("c:", "g:"))]
        lemmas = [
            feature
            for feature, count in counts.most_common()
            if count >= min_count and not feature.startswith(("c:", "g:"))
        ][:MAX_LEMMA_FEATURES]
        vocabulary = sorted([*concepts, *lemmas])
        n = len(feature_maps)
        idf = [math.log((1 + n) / (1 + counts[feature])) + 1 for feature in vocabulary]
        return cls(vocabulary, idf)

    def matrix(self, feature_maps: list[dict[str, float]]) -> sparse.csr_matrix:
        """Row-normalised TF-IDF vectors of the comments."""
        rows, columns, values = [], [], []
        for row, feature_map in enumerate(feature_maps):
            for feature, weight in feature_map.items():
                column = self.index.get(feature)
                if column is not None:
                    rows.append(row)
                    columns.append(column)
                    values.append(weight * self.idf_array[column])
        result = sparse.csr_matrix(
            (values, (rows, columns)), shape=(len(feature_maps), len(self.vocabulary)), dtype=np.float64
        )
        norms = np.sqrt(np.asarray(result.multiply(result).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1 / norms) @ result)

    def dense(self, centroid: dict[str, float]) -> np.ndarray:
        """A stored sparse centroid as a unit vector of this space."""
        vector = np.zeros(len(self.vocabulary))
        for feature, weight in centroid.items():
            column = self.index.get(feature)
            if column is not None:
                vector[column] = weight
        norm = np.linalg.norm(vector)
        return vector / norm if norm else vector

    def sparse_centroid(self, vector: np.ndarray, limit: int = 60) -> dict[str, float]:
        """The strongest features of a centroid, for storage."""
        order = np.argsort(vector)[::-1][:limit]
        return {self.vocabulary[column]: round(float(vector[column]), 4) for column in order if vector[column] > 0.005}


def spherical_kmeans(
    matrix: sparse.csr_matrix, k: int, seed: int = 0, iterations: int = 30, init_sample: int = 5000
) -> tuple[np.ndarray, np.ndarray]:
    """(labels, unit centroids): k-means on the unit sphere (cosine), seeded
    with k-means++ on a sample. Sparse products in one thread: scikit-learn's
    MiniBatchKMeans spends most of its time waiting for OpenMP threads on a
    busy two-core machine, and TF-IDF rows are compared by cosine anyway."""
    n = matrix.shape[0]
    k = max(1, min(k, n))
    rng = np.random.default_rng(seed)
    sample = matrix[rng.choice(n, size=min(n, init_sample), replace=False)]
    centers = [sample[int(rng.integers(sample.shape[0]))].toarray().ravel()]
    nearest = np.asarray(sample @ centers[0]).ravel()
    for _ in range(1, k):
        weights = np.clip(1.0 - nearest, 0.0, None) ** 2
        if weights.sum() <= 0:
            break
        pick = int(rng.choice(len(weights), p=weights / weights.sum()))
        centers.append(sample[pick].toarray().ravel())
        nearest = np.maximum(nearest, np.asarray(sample @ centers[-1]).ravel())
    centroids = np.vstack(centers)
    labels = np.full(n, -1)
    rows = np.arange(n)
    for _ in range(iterations):
        new_labels = np.asarray(matrix @ centroids.T).argmax(axis=1)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
        membership = sparse.csr_matrix((np.ones(n), (labels, rows)), shape=(len(centroids), n))
        sums = np.asarray((membership @ matrix).todense())
        norms = np.linalg.norm(sums, axis=1)
        filled = norms > 0
        centroids[filled] = sums[filled] / norms[filled, None]
    return labels, centroids


def silhouette(sample: sparse.csr_matrix, labels: np.ndarray) -> float:
    """The mean cosine silhouette of a (small) sample's clustering."""
    distances = 1.0 - np.asarray((sample @ sample.T).todense())
    clusters = np.unique(labels)
    if len(clusters) < 2:
        return -1.0
    onehot = (labels[:, None] == clusters[None, :]).astype(float)
    sizes = onehot.sum(axis=0)
    totals = distances @ onehot  # summed distance of each point to each cluster
    own = np.searchsorted(clusters, labels)
    index = np.arange(len(labels))
    own_size = sizes[own]
    inside = np.where(own_size > 1, totals[index, own] / np.maximum(own_size - 1, 1), 0.0)
    means = totals / sizes[None, :]
    means[index, own] = np.inf
    outside = means.min(axis=1)
    scores = np.where(own_size > 1, (outside - inside) / np.maximum(np.maximum(inside, outside), 1e-12), 0.0)
    return float(scores.mean())


def choose_k(matrix: sparse.csr_matrix, seed: int = 0) -> int:
    """The k with the best silhouette on a sample."""
    n = matrix.shape[0]
    candidates = [k for k in K_CHOICES if k <= max(2, n // 8)] or [max(2, min(n - 1, 4))]
    if len(candidates) == 1:
        return candidates[0]
    rng = np.random.default_rng(seed)
    sample = matrix[rng.choice(n, size=min(n, SAMPLE), replace=False)]
    scored = [(silhouette(sample, spherical_kmeans(sample, k, seed)[0]), -k) for k in candidates]
    return -max(scored)[1]


def kmeans(matrix: sparse.csr_matrix, k: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(labels, unit centroids) of the comments' clustering."""
    return spherical_kmeans(matrix, k, seed)


def assign(matrix: sparse.csr_matrix, centroids: np.ndarray, minimum: float = MIN_SIMILARITY) -> np.ndarray:
    """The index of each row's nearest centroid by cosine, or -1 below `minimum`."""
    if not len(centroids):
        return np.full(matrix.shape[0], -1)
    similarity = np.asarray(matrix @ centroids.T)
    best = similarity.argmax(axis=1)
    best[similarity[np.arange(len(best)), best] < minimum] = -1
    return best


def top_terms(members: list[tuple[str, tuple[str, ...]]], background: Counter, totals: Counter) -> dict[str, list[str]]:
    """The most typical lemmas of a theme per language: frequent in the theme
    and more frequent there than in all comments. `members` are (language,
    lemmas); `background` counts (language, lemma) over all comments and
    `totals` counts comments per language."""
    counts: Counter = Counter()
    sizes: Counter = Counter()
    for language, lemmas in members:
        sizes[language] += 1
        counts.update((language, word) for word in set(lemmas))
    result: dict[str, list[str]] = {}
    for language in ("fi", "sv", "en"):
        weights = lexicon(language).weights
        scored = []
        for (code, word), count in counts.items():
            if code != language or count < (2 if sizes[language] >= 10 else 1) or word in weights or len(word) < 3:
                continue
            lift = (count / sizes[language]) / (background[(code, word)] / max(1, totals[language]))
            scored.append((count * math.log(1 + lift) * (2.0 if concept_of(word, code) else 1.0), word))
        result[language] = [word for _, word in sorted(scored, reverse=True)[:TOP_TERMS]]
    return result


NAME_TERMS = 2  # words in a generated name


def names_from(terms: dict[str, list[str]]) -> dict[str, str]:
    """An automatic theme's names, one per language: its most typical terms in
    that language, dictionary terms first ("jono · odotusaika"). A language in
    which the theme has no terms gets no name (pages show another language's);
    a theme with no terms at all is called "—"."""
    names = {}
    for language in ("fi", "sv", "en"):
        found = terms.get(language) or []
        known = [word for word in found if concept_of(word, language)]
        words = list(dict.fromkeys([*known, *found]))[:NAME_TERMS]
        names[language] = " · ".join(words)[:120]
    return names if any(names.values()) else dict.fromkeys(("fi", "sv", "en"), "—")


def cosine(one: dict[str, float], other: dict[str, float]) -> float:
    """Cosine similarity of two sparse centroids."""
    dot = sum(weight * other.get(feature, 0.0) for feature, weight in one.items())
    norm = math.sqrt(sum(w * w for w in one.values())) * math.sqrt(sum(w * w for w in other.values()))
    return dot / norm if norm else 0.0


# --- names from representative comments ------------------------------------

PHRASE_WORDS = 7  # a theme's name is at most this many words of a comment
CANDIDATES = 12  # the comments nearest a theme's centre that may name it
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")
CLAUSE = re.compile(r"\s*[,;:–—(]\s*")


def phrase(text: str) -> str:
    """A comment shortened into a name: its first sentence, cut at a clause
    boundary or after PHRASE_WORDS words, without closing punctuation, with
    a capital first letter ("Jonotin puhelimessa tunnin, sitten..." ->
    "Jonotin puhelimessa tunnin")."""
    first = SENTENCE.split(" ".join(text.split()))[0]
    words = first.split()
    if len(words) > PHRASE_WORDS:
        clause = CLAUSE.split(first)[0].split()
        cut = len(clause) < 2 or len(clause) > PHRASE_WORDS
        words = words[:PHRASE_WORDS] if cut else clause
    else:
        cut = False
    name = " ".join(words).strip(" .!?,;:-–—\"'") + ("…" if cut else "")
    return (name[:1].upper() + name[1:])[:120]


def phrase_names(
    candidates: dict[str, list[tuple[str, tuple[str, ...]]]],
    terms: dict[str, list[str]],
    taken: set[str] | None = None,
) -> dict[str, str]:
    """One name per language from each language's candidate comments, (text, lemmas)
    nearest the theme's centre first. The first that names the theme's topic (has one of
    its top terms other than words of mood) in a whole short sentence (three to PHRASE_WORDS
    words, no digits) wins, then one of three words or more that names the topic cut short;
    "" when none names it (a generic "Kiitos!" or
    "It was okay" would mislead). A name in `taken` (another theme's) is passed over, and
    the chosen ones are added to it."""
    taken = set() if taken is None else taken
    names = {}
    for language in ("fi", "sv", "en"):
        mood = lexicon(language).weights  # "kiitos", "okay" name no topic
        top = {term for term in (terms.get(language) or [])[:TOP_TERMS] if not mood.get(term)}
        ranked = []
        for text, lemmas in candidates.get(language, []):
            name = phrase(text)
            if len(name.split()) < 3 or name.lower() in taken:
                continue
            if not top & set(lemmas):
                continue
            whole = 3 <= len(name.split()) <= PHRASE_WORDS and not name.endswith("…") and not re.search(r"\d", name)
            ranked.append((not whole, name))
        name = min(ranked, key=lambda item: item[0])[1] if ranked else ""
        if name:
            taken.add(name.lower())
        names[language] = name
    return names
