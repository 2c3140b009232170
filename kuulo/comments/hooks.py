"""The one call the storing path makes: analyse new comments after commit.

Kept free of analysis imports so storing a response without a comment costs
nothing more than the caller's `if`."""

from django.db import transaction


def analyse_after_commit(response_ids: list[int]) -> None:
    """Enqueues the analysis of these responses' comments once the
    transaction that stores them commits."""
    if not response_ids:
        return

    def enqueue():
        from kuulo.comments.tasks import analyse_responses

        analyse_responses.enqueue(list(response_ids))

    transaction.on_commit(enqueue)
