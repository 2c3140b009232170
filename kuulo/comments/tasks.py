"""Background tasks of comment analysis (django-tasks)."""

from django_tasks import task


@task()
def analyse_pending() -> int:
    """Analyses every pending comment (kuulo.comments.hooks enqueues this); the first time
    enough comments exist, finds the automatic themes too."""
    from kuulo.comments.analysis import store
    from kuulo.comments.models import ThemeSpace

    analysed = store.analyse_comments(store.pending_comments())
    if analysed and not ThemeSpace.objects.exists() and store.analysed_rows_count() >= store.MIN_FOR_CLUSTERING:
        recluster_themes.enqueue()
    return analysed


@task()
def recluster_themes() -> int:
    """Finds the automatic themes again (keeping staff names, merges and splits)."""
    from kuulo.comments.analysis import store

    return len(store.recluster())
