"""The one call the storing path makes: analyse new comments after commit.

Comments are analysed in batches. A process that stores a comment enqueues one
run over every pending comment, due BATCH_SECONDS * 2 later, and enqueues no
other for BATCH_SECONDS: what it stores meanwhile commits before that run is
due, so the run finds it. A busy widget thus writes one task a second per
process, not one per response (a task per response cost a third of the widget's
throughput). A backend that cannot defer (the immediate one) runs at once.

Kept free of analysis imports so storing a response without a comment costs
nothing more than the caller's `if`."""

import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

BATCH_SECONDS = 1.0
_covered_until = 0.0  # time.monotonic(): comments committed before this are covered by an enqueued run


def analyse_after_commit(response_ids: list[int]) -> None:
    """Makes sure the pending comments of these responses are analysed once
    the transaction that stores them commits."""
    if response_ids:
        transaction.on_commit(_enqueue)


def _enqueue() -> None:
    global _covered_until
    from kuulo.comments.tasks import analyse_pending

    now = time.monotonic()
    if now < _covered_until:
        return
    if not analyse_pending.get_backend().supports_defer:
        analyse_pending.enqueue()
        return
    _covered_until = now + BATCH_SECONDS
    # Due twice the window later, so a worker whose clock runs up to a window ahead still waits for
    # every comment this process commits before _covered_until.
    analyse_pending.using(run_after=timezone.now() + timedelta(seconds=2 * BATCH_SECONDS)).enqueue()


def comments_changed() -> None:
    """Tells the comments panel that its counts of past days are stale (in the caller's transaction)."""
    from kuulo.comments.models import CountsVersion

    CountsVersion.bump()
