"""The rollup write path in-process, without HTTP: one response, a batch of
1,000, one response's rollup counts alone and a widget display, on a fresh
database of each kind. Client CPU per operation is steadier than wall time on
a shared machine; both are printed."""

import sys

from bench.fixtures import survey_code
from bench.harness import fresh_database, report, run_python

CODE = r"""
import random, time
from collections import Counter
from django.db import transaction
from django.utils import timezone
from kuulo.feedback import rollups
from kuulo.feedback.actions import record_many, record_response
from kuulo.feedback.submissions import clean_submission, questions_of
from kuulo.metrics.models import Metric
from kuulo.surveys.models import CollectionPoint

point = CollectionPoint.objects.get(key="KEY")
version = point.survey.live_version()
version.survey = point.survey
questions_of(version)
rng = random.Random(1)

def payload(n):
    return {"idempotency_key": f"b-{n}", "language": "fi", "channel": "web",
            "answers": {"csat": rng.randint(1, 5), "nps": rng.randint(0, 10), "ease": rng.randint(1, 5)},
            "comments": {"OPEN": "Lomake oli selkeä mutta hidas."} if n % 4 == 0 else {}}

def timed(function, times):
    wall, cpu = time.perf_counter(), time.process_time()
    for n in range(times):
        function(n)
    return (time.perf_counter() - wall) / times, (time.process_time() - cpu) / times

singles = [clean_submission(version, payload(n)) for n in range(3000)]
timed(lambda n: record_response(point, version, singles[n]), 200)
wall, cpu = timed(lambda n: record_response(point, version, singles[200 + n]), 2800)
print("single", 1 / wall, cpu * 1e6)
batches = [[clean_submission(version, payload(100000 + b * 1000 + i)) for i in range(1000)] for b in range(6)]
record_many(point, version, batches[0])
wall, cpu = timed(lambda n: record_many(point, version, batches[1 + n]), 5)
print("batch", 3000 / wall, cpu * 1000)
service, day = point.survey.service_id, timezone.localdate()
metrics = [Metric.objects.get(code=code, version=1).pk for code in ("csat", "nps", "ease")]

def add(n):
    counts = Counter({(service, m, day, "web", "fi", "", "", (n + i) % 5 + 1): 1 for i, m in enumerate(metrics)})
    with transaction.atomic():
        rollups.add(counts, responses=Counter({(point.pk, day): 1}))

print("add", *timed(add, 2000))
print("display", *timed(lambda n: rollups.add_display(point.pk, day), 3000))
"""


def bench(kind: str) -> None:
    database_url = fresh_database(kind)
    key, open_question_id = run_python(database_url, survey_code("widget")).split()
    output = run_python(database_url, CODE.replace("KEY", key).replace("OPEN", open_question_id))
    figures = {line.split()[0]: [float(value) for value in line.split()[1:]] for line in output.splitlines()}
    report(f"rollup_writes_{kind}_single_responses_per_s", figures["single"][0], "responses/s")
    report(f"rollup_writes_{kind}_single_response_cpu", figures["single"][1], "us")
    report(f"rollup_writes_{kind}_batch_answers_per_s", figures["batch"][0], "answers/s")
    report(f"rollup_writes_{kind}_batch_cpu_per_1000", figures["batch"][1], "ms")
    report(f"rollup_writes_{kind}_add_one_response_cpu", figures["add"][1] * 1e6, "us")
    report(f"rollup_writes_{kind}_display_cpu", figures["display"][1] * 1e6, "us")


if __name__ == "__main__":
    for kind in sys.argv[1:] or ["postgres", "sqlite"]:
        bench(kind)
