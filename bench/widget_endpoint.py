"""Widget submissions per second and latency through gunicorn, on PostgreSQL
and SQLite, next to a bare Django view returning 204 on the same stack.

Load comes from wrk on the same 2-core machine, so server and load generator
share the CPU; the figures are a floor for a machine with a separate client.
"""

import os
import sys
import tempfile
from pathlib import Path

from bench.fixtures import survey_code
from bench.harness import free_port, fresh_database, report, run_python, server, wrk

SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
WORKER_CLASS = os.environ.get("BENCH_WORKER_CLASS", "sync")
THREADS = int(os.environ.get("BENCH_THREADS", "1"))

LUA = """
local counter = 0
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(tid * 7919)
  run = os.time()
end
function request()
  counter = counter + 1
  local body = string.format(
    '{"idempotency_key":"bench-%d-%d-%d","language":"fi","channel":"web","page":"/apply",'
    .. '"answers":{"csat":%d,"nps":%d,"ease":%d},"comments":{"OPEN":"Lomake oli selkeä mutta hidas."},'
    .. '"elapsed_ms":12000,"website":""}',
    run, tid, counter, math.random(1, 5), math.random(0, 10), math.random(1, 5))
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Origin"] = "https://bench.kuulo.test"}, body)
end
"""


def lua_script(open_question_id: str) -> str:
    path = Path(tempfile.mkdtemp()) / "widget.lua"
    path.write_text(LUA.replace("OPEN", open_question_id))
    return str(path)


def stored_responses(database_url: str) -> int:
    code = "from kuulo.feedback.models import Response; print(Response.objects.count())"
    return int(run_python(database_url, code).strip())


def bench(kind: str) -> None:
    database_url = fresh_database(kind)
    key, open_question_id = run_python(database_url, survey_code("widget")).split()
    script = lua_script(open_question_id)
    with server(database_url, port=free_port(), workers=WORKERS, worker_class=WORKER_CLASS, threads=THREADS) as (
        base,
        _process,
    ):
        wrk(f"{base}/bench/bare", script, seconds=2, connections=CONNECTIONS)
        bare = wrk(f"{base}/bench/bare", script, seconds=SECONDS, connections=CONNECTIONS)
        wrk(f"{base}/w/{key}/responses", script, seconds=2, connections=CONNECTIONS)
        before = stored_responses(database_url)
        widget = wrk(f"{base}/w/{key}/responses", script, seconds=SECONDS, connections=CONNECTIONS)
        stored = stored_responses(database_url) - before
    report(f"bare_view_{kind}_requests_per_s", bare["requests_per_s"], "req/s")
    report(f"widget_{kind}_submissions_per_s", widget["requests_per_s"], "req/s")
    report(f"widget_{kind}_p50", widget["p50_ms"], "ms")
    report(f"widget_{kind}_p99", widget["p99_ms"], "ms")
    report(f"widget_{kind}_share_of_bare_view", 100 * widget["requests_per_s"] / bare["requests_per_s"], "%")
    report(f"widget_{kind}_non_2xx", widget["non_2xx"], "responses")
    report(f"widget_{kind}_stored_during_run", stored, "responses")


if __name__ == "__main__":
    for kind in sys.argv[1:] or ["postgres", "sqlite"]:
        bench(kind)
