"""Votes cast at the same moment by the same person: the database's unique constraint keeps one,
on SQLite and on PostgreSQL alike (CI runs the suite on both)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from kuulo.network import actions
from kuulo.network.models import Vote
from tests.factories import ServiceFactory, UserFactory
from tests.network.data import idea_for

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 6


def test_concurrent_votes_of_one_person_are_stored_once():
    idea = idea_for(ServiceFactory())
    voter = UserFactory()
    start = threading.Barrier(THREADS)

    def cast() -> bool:
        try:
            start.wait()
            return actions.vote(idea, voter)
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
            return actions.vote(idea, voter)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(cast, voters))
    assert results == [True] * THREADS
    assert Vote.objects.filter(idea=idea).count() == THREADS + 1  # and the author's own
