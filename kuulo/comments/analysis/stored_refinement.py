"""The background refinement of stored comments: embed, classify, replace the lexicon's sentiment.

`refine_comments` runs after the fast analysis (`store.analyse_comments`),
in the task `kuulo.comments.tasks.refine_pending`, over every analysed
comment whose refinement is missing or older than its analysis. It embeds
them in chunks (a stored vector is reused while the text is unchanged),
applies the trained classifiers, writes the refined sentiment into the
comment and keeps the vector and topic in `CommentEmbedding`. A chunk is
written only for the comments whose `analysed_at` is still what it read, so
a comment analysed again meanwhile is refined by the next run instead.
"""

import hashlib
from collections.abc import Callable
from datetime import datetime

import numpy as np
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from kuulo.comments.analysis.embeddings import embed
from kuulo.comments.analysis.refine import refine_texts
from kuulo.comments.hooks import comments_changed
from kuulo.comments.models import CommentEmbedding
from kuulo.feedback.inserts import update_rows
from kuulo.feedback.models import Comment

CHUNK = 256


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def unrefined_comments():
    """Analysed comments without a current refinement."""
    return Comment.objects.filter(analysed_at__isnull=False).filter(
        Q(embedding__isnull=True) | Q(embedding__refined_at__lt=F("analysed_at"))
    )


def vectors_of(comment_ids) -> dict[int, np.ndarray]:
    """The stored embeddings of these comments, as float32."""
    rows = CommentEmbedding.objects.filter(comment_id__in=list(comment_ids)).values_list("comment_id", "vector")
    return {pk: np.frombuffer(bytes(vector), dtype="<f2").astype(np.float32) for pk, vector in rows}


def refine_chunk(rows: list[tuple], now) -> int:
    """rows: (id, text, detected language, analysed_at, sentiment as read); returns how many it wrote."""
    stored = {
        pk: (digest, vector)
        for pk, digest, vector in CommentEmbedding.objects.filter(comment_id__in=[row[0] for row in rows]).values_list(
            "comment_id", "text_hash", "vector"
        )
    }
    hashes = [text_hash(row[1]) for row in rows]
    fresh = [index for index, row in enumerate(rows) if stored.get(row[0], ("",))[0] != hashes[index]]
    vectors = np.zeros((len(rows), 384), dtype=np.float32)
    for index, row in enumerate(rows):
        if index not in fresh:
            vectors[index] = np.frombuffer(bytes(stored[row[0]][1]), dtype="<f2")
    if fresh:
        # Short comments repeat ("Kiitos!", "Bra"): a text embedded before for another comment
        # is reused (text_hash is indexed), and each distinct new text is embedded once.
        known = dict(
            CommentEmbedding.objects.filter(text_hash__in={hashes[index] for index in fresh}).values_list(
                "text_hash", "vector"
            )
        )
        found = {digest: np.frombuffer(bytes(vector), dtype="<f2") for digest, vector in known.items()}
        distinct = list(dict.fromkeys(rows[index][1] for index in fresh if hashes[index] not in found))
        found.update(zip((text_hash(text) for text in distinct), embed(distinct), strict=True))
        vectors[fresh] = np.vstack([found[hashes[index]] for index in fresh])
    refined = refine_texts([row[1] for row in rows], [row[2] for row in rows], vectors)
    as_read = {row[0]: row[3] for row in rows}
    with transaction.atomic():
        current = (
            Comment.objects.select_for_update()
            .filter(pk__in=list(as_read))
            .order_by("pk")
            .values_list("pk", "analysed_at", "responded_at")
        )
        unchanged = {pk: responded for pk, analysed_at, responded in current if as_read[pk] == analysed_at}
        changed = [
            (row[0], result.sentiment)
            for row, result in zip(rows, refined, strict=True)
            if row[0] in unchanged and result.sentiment and result.sentiment != row[4]
        ]
        update_rows(Comment, ["sentiment"], changed)
        CommentEmbedding.objects.filter(comment_id__in=list(unchanged)).delete()
        CommentEmbedding.objects.bulk_create(
            [
                CommentEmbedding(
                    comment_id=row[0],
                    vector=vector.astype("<f2").tobytes(),
                    text_hash=digest,
                    topic=result.topic or "",
                    refined_at=now,
                )
                for row, vector, digest, result in zip(rows, vectors, hashes, refined, strict=True)
                if row[0] in unchanged
            ]
        )
        today = datetime.combine(timezone.localdate(), datetime.min.time(), tzinfo=timezone.get_current_timezone())
        if any(unchanged[pk] < today for pk, _ in changed):
            comments_changed()
    return len(unchanged)


def refine_comments(queryset=None, *, chunk: int = CHUNK, progress: Callable[[int], None] | None = None) -> int:
    """Refines the comments of `queryset` (default: every analysed one without a current
    refinement) and returns how many it wrote."""
    queryset = unrefined_comments() if queryset is None else queryset
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), chunk):
        rows = list(
            Comment.objects.filter(pk__in=ids[start : start + chunk], analysed_at__isnull=False)
            .order_by("pk")
            .values_list("pk", "text", "detected_language", "analysed_at", "sentiment")
        )
        # refined_at is taken per chunk, after the chunk's analysis was read: never before it.
        done += refine_chunk(rows, timezone.now())
        if progress:
            progress(len(rows))
    return done
