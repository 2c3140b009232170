"""The staff idea board with 10,000 ideas and about 60,000 votes.

    python -m bench.ideas                       # a fresh SQLite database
    python -m bench.ideas --ideas 50000
    python -m bench.ideas --database-url postgres://postgres@127.0.0.1:5432/kuulo_bench

Builds the ideas in-process on a fresh migrated database (or the one named), then times, one
request after another with Django's test client as a member of staff, the list sorted by votes,
by newest and by status, a filtered list and a deep page. Prints p50 and p95 in ms and the query
count of each. Other work may share the CPU (the 1-minute load average is printed); the figures
are a ceiling for a quiet server. tests/network asserts the query count, not the time.
"""

import argparse
import os
import random
import statistics
import time

from bench.harness import fresh_database, report

ROUNDS = 15
VOTERS = 200


def build(count: int):
    from kuulo.network.models import Idea, Vote
    from kuulo.organisation.models import Role
    from tests.factories import MembershipFactory, ServiceFactory, UserFactory

    rng = random.Random(20261207)
    services = [ServiceFactory() for _n in range(5)]
    staff = MembershipFactory(service=services[0], role=Role.TEAM_MEMBER).user
    voters = [UserFactory() for _n in range(VOTERS)]
    statuses = Idea.Status.values
    Idea.objects.bulk_create(
        Idea(
            title=f"Idea {n}: asiointi sujuvammaksi",
            description="Kuvaus ideasta, joka tekisi palvelusta helpomman. " * 4,
            author=voters[n % VOTERS],
            status=statuses[n % len(statuses)],
        )
        for n in range(count)
    )
    ideas = list(Idea.objects.values_list("pk", flat=True))
    through = Idea.services.through
    through.objects.bulk_create(through(idea_id=pk, service=services[pk % len(services)]) for pk in ideas)
    votes = []
    for pk in ideas:
        for voter in rng.sample(voters, rng.randint(0, 12)):
            votes.append(Vote(idea_id=pk, voter=voter))
    Vote.objects.bulk_create(votes, batch_size=5000)
    return staff, services, len(votes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=10_000)
    parser.add_argument("--database-url", help="A migrated database to use instead of a fresh SQLite one.")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url or fresh_database("sqlite")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kuulo.settings")
    os.environ["KUULO_TASKS"] = "immediate"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    staff, services, votes = build(args.ideas)
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(staff)
    print(f"ideas: {args.ideas}, votes: {votes}; load average {os.getloadavg()[0]:.1f}")
    url = reverse("network:idea_list")
    cases = {
        "by votes": {},
        "newest": {"sort": "newest"},
        "by status": {"sort": "status"},
        "filtered": {"status": "open", "service": services[1].pk, "q": "asiointi"},
        "page 200": {"page": 200},
    }
    for name, params in cases.items():
        timings = []
        for _round in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url, params)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        timings.sort()
        report(f"ideas list {name} p50", statistics.median(timings), "ms")
        report(f"ideas list {name} p95", timings[int(len(timings) * 0.95) - 1], "ms")
        report(f"ideas list {name} queries", len(queries), "queries")


if __name__ == "__main__":
    main()
