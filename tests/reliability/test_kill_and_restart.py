"""20,000 widget submissions, 10 % of them sent twice, while the production
server is killed with SIGKILL and restarted: every accepted submission is
stored exactly once and the rollups match the raw answers. Not timed."""

import http.client
import json
import os
import random
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.fixtures import survey_code
from bench.harness import free_port, fresh_database, run_manage, run_python, server

SUBMISSIONS = int(os.environ.get("RELIABILITY_SUBMISSIONS", "20000"))
PORT = free_port()


def database_kinds() -> list[str]:
    url = os.environ.get("DATABASE_URL", "")
    return ["postgres"] if url.startswith("postgres") else ["sqlite"]


class Client:
    """Sends submissions, retrying with the same idempotency key until the server answers."""

    def __init__(self, key: str, open_question_id: str):
        self.path = f"/w/{key}/responses"
        self.open_question_id = open_question_id
        self.accepted: dict[str, int] = {}
        self.lock = threading.Lock()

    def body(self, idempotency_key: str, rng: random.Random) -> bytes:
        return json.dumps(
            {
                "idempotency_key": idempotency_key,
                "language": "fi",
                "channel": "web",
                "answers": {"csat": rng.randint(1, 5), "nps": rng.randint(0, 10), "ease": rng.randint(1, 5)},
                "comments": {self.open_question_id: "Palvelu toimi hyvin."},
                "elapsed_ms": 15000,
                "website": "",
            }
        ).encode()

    def send(self, idempotency_key: str, body: bytes) -> None:
        delay = 0.05
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
                connection.request(
                    "POST",
                    self.path,
                    body,
                    {"Content-Type": "application/json", "Origin": "https://bench.kuulo.test"},
                )
                status = connection.getresponse().status
                connection.close()
            except OSError:
                status = None
            if status in (200, 201):
                with self.lock:
                    self.accepted[idempotency_key] = self.accepted.get(idempotency_key, 0) + 1
                return
            if status is not None and 400 <= status < 500 and status != 429:
                raise AssertionError(f"server refused a valid submission: {status}")
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


@pytest.mark.parametrize("kind", database_kinds())
def test_every_accepted_submission_is_stored_exactly_once_across_a_crash(kind):
    database_url = fresh_database(kind)
    key, open_question_id = run_python(database_url, survey_code("widget")).split()
    client = Client(key, open_question_id)
    rng = random.Random(20261123)
    plan = [f"reliability-{n}" for n in range(SUBMISSIONS)]
    plan += rng.sample(plan, SUBMISSIONS // 10)  # sent twice, later
    bodies = {k: client.body(k, random.Random(k)) for k in set(plan)}
    killed = threading.Event()

    with server(database_url, port=PORT, workers=3) as (_base, first):

        def kill_mid_run() -> None:
            while len(client.accepted) < SUBMISSIONS // 2:
                time.sleep(0.02)
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
            killed.set()

        with ThreadPoolExecutor(max_workers=8) as pool:
            futures = [pool.submit(client.send, key_, bodies[key_]) for key_ in plan]
            threading.Thread(target=kill_mid_run, daemon=True).start()
            assert killed.wait(600), "the run ended before the server was killed"
            with server(database_url, port=PORT, workers=3):
                for future in futures:
                    future.result()

    stored = json.loads(
        run_python(
            database_url,
            "import json; from kuulo.feedback.models import Response;"
            "print(json.dumps(list(Response.objects.values_list('idempotency_key', flat=True))))",
        )
    )
    assert killed.is_set()
    assert len(stored) == len(set(stored)), "a submission was stored twice"
    assert set(stored) == set(client.accepted), "an accepted submission is missing, or an unsent one appeared"
    assert len(stored) == SUBMISSIONS
    run_manage(database_url, "rebuild_rollups", "--check")
