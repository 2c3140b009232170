"""Background tasks of comment analysis (django-tasks)."""

import time

from django_tasks import task

REFINE_SECONDS = 5.0  # a process enqueues at most one refinement run this often
_refine_covered_until = 0.0


@task()
def analyse_pending() -> int:
    """Analyses every pending comment (kuulo.comments.hooks enqueues this); the first time
    enough comments exist, finds the automatic themes too. Then enqueues the refinement."""
    from kuulo.comments.analysis import store
    from kuulo.comments.models import ThemeSpace

    analysed = store.analyse_comments(store.pending_comments())
    if analysed and not ThemeSpace.objects.exists() and store.analysed_rows_count() >= store.MIN_FOR_CLUSTERING:
        recluster_themes.enqueue()
    if analysed:
        enqueue_refinement()
    return analysed


def enqueue_refinement() -> None:
    """One refinement run covers every comment analysed before it starts, so a process
    enqueues at most one per REFINE_SECONDS (a backend that cannot defer runs it at once)."""
    global _refine_covered_until
    now = time.monotonic()
    backend_defers = refine_pending.get_backend().supports_defer
    if backend_defers and now < _refine_covered_until:
        return
    _refine_covered_until = now + REFINE_SECONDS
    refine_pending.enqueue()


@task()
def refine_pending() -> int:
    """Embeds the analysed comments without a current refinement and replaces their
    lexicon sentiment with the classifier's (kuulo.comments.analysis.stored_refinement)."""
    from kuulo.comments.analysis.stored_refinement import refine_comments

    return refine_comments()


@task()
def recluster_themes() -> int:
    """Finds the automatic themes again (keeping staff names, merges and splits)."""
    from kuulo.comments.analysis import store

    return len(store.recluster())
