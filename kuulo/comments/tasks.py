"""Background tasks of comment analysis (django-tasks)."""

import time

from django_tasks import task

REFINE_SECONDS = 5.0  # a process enqueues at most one refinement run this often
REFINE_BATCH = 512  # comments one refinement run embeds (tens of seconds) before it hands the worker back
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
    """Embeds the analysed comments without a current refinement, REFINE_BATCH at a time, and
    replaces their lexicon sentiment with the classifier's (analysis.stored_refinement). When
    more are left it enqueues itself again, so a long backlog (an import) never keeps the
    worker from the fast analysis of new comments for long."""
    from kuulo.comments.analysis.stored_refinement import refine_comments, unrefined_comments

    pending = unrefined_comments().order_by("pk").values_list("pk", flat=True)
    batch = list(pending[: REFINE_BATCH + 1])
    refined = refine_comments(unrefined_comments().filter(pk__in=batch[:REFINE_BATCH]))
    if len(batch) > REFINE_BATCH and refined:
        refine_pending.enqueue()
    return refined


@task()
def recluster_themes() -> int:
    """Finds the automatic themes again (keeping staff names, merges and splits)."""
    from kuulo.comments.analysis import store

    return len(store.recluster())
