"""Journey map pages with a big map: 12 phases × 5 steps (60 steps) by default, every lane
filled, an emotion per persona, pain points and opportunities, and live figures on every step.

    python -m bench.journeys                    # a fresh SQLite database
    python -m bench.journeys --steps-per-phase 60   # 720 steps
    python -m bench.journeys --database-url postgres://postgres@127.0.0.1:5432/kuulo_bench

Builds the map in-process on a fresh migrated database (or the one named), then times, one
request after another with Django's test client as a product owner, the outline, the visual
view, the steps CSV and the A3 PDF (its first drawing timed alone, then its kept file). Prints
p50 and p95 in ms and the query count of each page. Other work may share the CPU (the 1-minute
load average is printed); the figures are a ceiling for a quiet server.
"""

import argparse
import os
import statistics
import tempfile
import time

from bench.harness import fresh_database, report

ROUNDS = 15


def build(phases: int, steps_per_phase: int):
    import uuid

    from kuulo.feedback.actions import record_many
    from kuulo.feedback.submissions import clean_submission
    from kuulo.journeys.models import Emotion, JourneyMap, Opportunity, PainPoint, Persona, Phase, Process, Step
    from kuulo.organisation.models import Role
    from tests.factories import MembershipFactory, ServiceFactory, published_survey
    from tests.surveys.public_pages import ensure_metric_library

    ensure_metric_library()
    service = ServiceFactory(channels=["web", "phone"])
    owner = MembershipFactory(service=service, role=Role.PRODUCT_OWNER).user
    version, point = published_survey(service=service, codes=("csat", "nps"), open_question=False)
    touchpoints = [f"tp-{n}" for n in range(10)]
    submissions = [
        clean_submission(
            version,
            {
                "idempotency_key": str(uuid.uuid4()),
                "language": "fi",
                "channel": "web",
                "touchpoint": touchpoints[n % len(touchpoints)],
                "answers": {"csat": 1 + n % 5, "nps": n % 11},
            },
        )
        for n in range(2000)
    ]
    record_many(point, version, submissions)
    personas = [Persona.objects.create(service=service, name=f"Persona {n}") for n in range(3)]
    journey = JourneyMap.objects.create(service=service, title="Bench", persona=personas[0], owner=owner)
    text = "Asiakas tekee jotakin, mikä vie aikaa ja vaatii tietoa. " * 3
    for p in range(phases):
        phase = Phase.objects.create(journey=journey, position=p, name=f"Vaihe {p}", process=Process.OURS)
        for s in range(steps_per_phase):
            step = Step.objects.create(
                service=service,
                phase=phase,
                position=s,
                name=f"Askel {p}.{s}",
                other_organisation="Toinen virasto" if s % 4 == 0 else "",
                does=text,
                thinks=text,
                feels=text,
                channel="web",
                touchpoint="Lomake",
                backstage=text,
                measured_touchpoints=[touchpoints[s % len(touchpoints)]],
            )
            Emotion.objects.bulk_create(Emotion(step=step, persona=persona, score=(s % 5) - 2) for persona in personas)
            pain = PainPoint.objects.create(service=service, step=step, text="Kipukohta")
            opportunity = Opportunity.objects.create(service=service, step=step, title="Mahdollisuus")
            opportunity.pain_points.add(pain)
    return service, journey, owner


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phases", type=int, default=12)
    parser.add_argument("--steps-per-phase", type=int, default=5)
    parser.add_argument("--database-url", help="A migrated database to use instead of a fresh SQLite one.")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url or fresh_database("sqlite")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kuulo.settings")
    os.environ["KUULO_TASKS"] = "immediate"
    os.environ["KUULO_DATA_DIR"] = tempfile.mkdtemp(prefix="kuulo-bench-data-")  # no PDF kept from a run before
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    service, journey, owner = build(args.phases, args.steps_per_phase)
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(owner)
    steps = args.phases * args.steps_per_phase
    print(f"map: {args.phases} phases × {args.steps_per_phase} steps; load average {os.getloadavg()[0]:.1f}")
    # The PDF is drawn once (first, timed alone) and then read from its kept file like any
    # repeated download of an unchanged map (kuulo.plans.pdf.cached_pdf).
    url = reverse("journeys:journey_pdf", args=[service.pk, journey.pk])
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    report(f"journeys journey_pdf {steps} steps first drawing", (time.perf_counter() - started) * 1000, "ms")
    for name in ("journey_detail", "journey_visual", "steps_csv", "journey_pdf"):
        url = reverse(f"journeys:{name}", args=[service.pk, journey.pk])
        timings = []
        for _round in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                body = b"".join(response.streaming_content) if response.streaming else response.content
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200 and body
        timings.sort()
        report(f"journeys {name} {steps} steps p50", statistics.median(timings), "ms")
        report(f"journeys {name} {steps} steps p95", timings[int(len(timings) * 0.95) - 1], "ms")
        report(f"journeys {name} {steps} steps queries", len(queries), "queries")


if __name__ == "__main__":
    main()
