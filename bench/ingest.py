"""Answers per second through the batch API (gunicorn) and through the
import command, on PostgreSQL and SQLite."""

import csv
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.fixtures import survey_code
from bench.harness import PYTHON, ROOT, environment, free_port, fresh_database, report, run_python, server

BATCHES = int(os.environ.get("BENCH_BATCHES", "20"))
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "20000"))
ANSWERS_PER_RESPONSE = 3  # csat, nps, ease (bench/fixtures.py)
TOKEN_CODE = "from kuulo.api.models import ApiToken; print(ApiToken.issue('bench')[1])"


def batch_body(batch: int, size: int, open_question_id: str, rng: random.Random) -> bytes:
    responses = [
        {
            "language": "fi",
            "channel": "web",
            "answers": {"csat": rng.randint(1, 5), "nps": rng.randint(0, 10), "ease": rng.randint(1, 5)},
            "comments": {open_question_id: "Puhelinjono oli pitkä."} if i % 4 == 0 else {},
        }
        for i in range(size)
    ]
    return json.dumps({"responses": responses}).encode()


def bench_batch_api(kind: str) -> None:
    database_url = fresh_database(kind)
    key, open_question_id = run_python(database_url, survey_code("api")).split()
    token = run_python(database_url, TOKEN_CODE).strip()
    rng = random.Random(1)
    bodies = [batch_body(n, 1000, open_question_id, rng) for n in range(BATCHES + 1)]
    port = free_port()
    with server(database_url, port=port, workers=2):
        elapsed = 0.0
        for number, body in enumerate(bodies):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            headers = {
                "Content-Type": "application/json",
                "Authorization": f"Bearer {token}",
                "Idempotency-Key": f"bench-batch-{number}",
            }
            started = time.perf_counter()
            connection.request("POST", f"/api/v1/collection-points/{key}/responses/batch", body, headers)
            answer = connection.getresponse()
            answer.read()
            if number > 0:  # the first batch warms the workers up
                elapsed += time.perf_counter() - started
            if answer.status != 201:
                raise RuntimeError(f"batch answered {answer.status}")
    answers = BATCHES * 1000 * ANSWERS_PER_RESPONSE
    report(f"batch_api_{kind}_answers_per_s", answers / elapsed, "answers/s")
    report(f"batch_api_{kind}_seconds_per_1000_responses", elapsed / BATCHES, "s")


def bench_import(kind: str) -> None:
    database_url = fresh_database(kind)
    key, open_question_id = run_python(database_url, survey_code("import")).split()
    survey_id = run_python(
        database_url,
        f"from kuulo.surveys.models import CollectionPoint; print(CollectionPoint.objects.get(key='{key}').survey_id)",
    ).strip()
    folder = Path(tempfile.mkdtemp())
    labels = [
        "Erittäin tyytymätön",
        "Melko tyytymätön",
        "Ei tyytyväinen eikä tyytymätön",
        "Melko tyytyväinen",
        "Erittäin tyytyväinen",
    ]
    rng = random.Random(2)
    with (folder / "export.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(["Vastaus", "Aika", "Tyytyväisyys", "Suosittelu", "Helppous", "Kommentti"])
        for n in range(IMPORT_ROWS):
            writer.writerow(
                [
                    f"R{n}",
                    "2026-10-01 12:00",
                    rng.choice(labels),
                    rng.randint(0, 10),
                    rng.randint(1, 5),
                    "Asiointi sujui hyvin." if n % 4 == 0 else "",
                ]
            )
    mapping = {
        "columns": {
            "Vastaus": "response_id",
            "Aika": "responded_at",
            "Tyytyväisyys": "metric:csat",
            "Suosittelu": "metric:nps",
            "Helppous": "metric:ease",
            "Kommentti": f"open:{open_question_id}",
        },
        "defaults": {"language": "fi", "channel": "web"},
    }
    (folder / "mapping.json").write_text(json.dumps(mapping))
    command = [
        PYTHON,
        "manage.py",
        "import_responses",
        survey_id,
        str(folder / "export.csv"),
        "--mapping",
        str(folder / "mapping.json"),
        "--no-progress",
    ]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=environment(database_url), check=True, capture_output=True)
    elapsed = time.perf_counter() - started
    report(f"import_{kind}_answers_per_s", IMPORT_ROWS * ANSWERS_PER_RESPONSE / elapsed, "answers/s")
    report(f"import_{kind}_rows", IMPORT_ROWS, "rows")


if __name__ == "__main__":
    for kind in sys.argv[1:] or ["postgres", "sqlite"]:
        bench_batch_api(kind)
        bench_import(kind)
