"""Votes cast at the same moment by the same person: the database's unique constraint keeps one,
on SQLite and on PostgreSQL alike (CI runs the suite on both).

The test database of SQLite is in memory with a shared cache, where a writer that meets another's
lock fails at once with "database table is locked" instead of waiting as a file database does; the
threads then try again, as a client would. PostgreSQL needs no such retry."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import OperationalError, connection

from kuulo.network import actions
from kuulo.network.models import Vote
from tests.factories import ServiceFactory, UserFactory
from tests.network.data import idea_for

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 6


def _vote_retrying(idea, voter) -> bool:
    for _attempt in range(50):
        try:
            return actions.vote(idea, voter)
        except OperationalError:
            if connection.vendor != "sqlite":
                raise
            time.sleep(0.01)
    raise AssertionError("the vote never got through")


def test_concurrent_votes_of_one_person_are_stored_once():
    idea = idea_for(ServiceFactory())
    voter = UserFactory()
    start = threading.Barrier(THREADS)

    def cast() -> bool:
        try:
            start.wait()
            return _vote_retrying(idea, voter)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda _n: cast(), range(THREADS)))
    assert results.count(True) == 1
    assert Vote.objects.filter(idea=idea, voter=voter).count() == 1


def test_concurrent_votes_of_different_people_are_all_counted():
    idea = idea_for(ServiceFactory())
    voters = [UserFactory() for _n in range(THREADS)]
    start = threading.Barrier(THREADS)

    def cast(voter) -> bool:
        try:
            start.wait()
            return _vote_retrying(idea, voter)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(cast, voters))
    assert results == [True] * THREADS
    assert Vote.objects.filter(idea=idea).count() == THREADS + 1  # and the author's own
