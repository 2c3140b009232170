"""Dashboard latency at millions of responses, next to a raw scan of the answers.

    python -m bench.dashboards                      # 1 M responses, PostgreSQL and SQLite (make bench)
    python -m bench.dashboards --responses 10M postgres
    python -m bench.dashboards --database-url postgres://postgres@127.0.0.1:5432/kuulo_10m postgres

Generates the data with bench.generate (unless --database-url names a
database it made before), serves Kuulo with gunicorn and times, one request
after another with an organisation admin's session, the full HTML of the
organisation overview (default and 12-month period), the dashboard of the
busiest service (12 months, by month) and the API's daily scores of that
service for a year. Beside each, the same figures computed by a raw
GROUP BY over the answers joined to their responses (what the pages would
cost without rollups). Prints p50 and p95 in ms and the speedup.

The client runs on the same machine as the server and the database, and
other work may share the CPU (the 1-minute load average is printed with the
figures); the figures are a ceiling for a quiet server.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from bench.harness import POSTGRES_URL, ROOT, free_port, report, run_python, server

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
WARM_UP = int(os.environ.get("BENCH_WARM_UP", "10"))
RAW_RUNS = int(os.environ.get("BENCH_RAW_RUNS", "5"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))

SESSION = """
from django.contrib.auth import get_user_model
from django.conf import settings
from django.test import Client
from kuulo.organisation.models import Service
from kuulo.feedback.models import Response
from django.db.models import Count
client = Client()
client.force_login(get_user_model().objects.get(username="bench-admin"))
busiest = Response.objects.values("service_id").annotate(n=Count("id")).order_by("-n").first()["service_id"]
service = Service.objects.get(pk=busiest)
print(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value, service.pk, service.slug)
"""


def database_url(kind: str, responses: int) -> str:
    label = f"{responses // 1_000_000}m" if responses >= 1_000_000 else f"{responses // 1000}k"
    if kind == "sqlite":
        return f"sqlite:///{tempfile.gettempdir()}/kuulo-bench-dashboards/{label}.sqlite3"
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/kuulo_bench_{label}"


def generate(url: str, responses: int) -> None:
    command = [sys.executable, "-m", "bench.generate", "--responses", str(responses), "--database-url", url]
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def time_pages(base: str, cookie: str, paths: dict[str, str]) -> dict[str, list[float]]:
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", cookie), ("Accept-Language", "fi")]
    found = {}
    for name, path in paths.items():
        samples = []
        for n in range(WARM_UP + REQUESTS):
            started = time.perf_counter()
            with opener.open(base + path, timeout=120) as answer:
                body = answer.read()
                if answer.status != 200 or len(body) < 200:
                    raise RuntimeError(f"{path}: {answer.status}, {len(body)} bytes")
            if n >= WARM_UP:
                samples.append((time.perf_counter() - started) * 1000)
        found[name] = samples
    return found


def raw_queries(kind: str, today: date, service_id: int) -> dict[str, list[str]]:
    """The pages' figures by GROUP BY over raw answers: same periods, same groups."""
    if kind == "postgres":
        local = "(r.responded_at AT TIME ZONE 'Europe/Helsinki')"
        day, month = f"{local}::date", f"date_trunc('month', {local})"
    else:  # SQLite has no time zones: a fixed offset costs the same
        day, month = "date(r.responded_at, '+2 hours')", "strftime('%Y-%m', r.responded_at, '+2 hours')"
    join = "FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id WHERE r.status = 'accepted'"

    def between(start: date, end: date) -> str:
        after = end + timedelta(days=1)
        return f"AND r.responded_at >= '{start.isoformat()}' AND r.responded_at < '{after.isoformat()}'"

    def overview(days: int) -> list[str]:
        start = today - timedelta(days=days - 1)
        before = start - timedelta(days=days)
        return [
            f"SELECT r.service_id, a.metric_id, a.value, count(*) {join} {between(start, today)} GROUP BY 1, 2, 3",
            f"SELECT r.service_id, a.metric_id, a.value, count(*) {join} {between(before, start - timedelta(days=1))} "
            "GROUP BY 1, 2, 3",
        ]

    year = today - timedelta(days=364)
    service = f"AND r.service_id = {service_id} {between(year, today)}"
    return {
        "overview": overview(30),
        "overview_year": overview(365),
        "service": [
            f"SELECT a.metric_id, {month}, a.value, count(*) {join} {service} GROUP BY 1, 2, 3",
            *(
                f"SELECT a.metric_id, r.{dimension}, a.value, count(*) {join} {service} GROUP BY 1, 2, 3"
                for dimension in ("channel", "language", "customer_group", "touchpoint")
            ),
            f"SELECT count(*) FROM feedback_response r JOIN surveys_collectionpoint c ON c.id = r.collection_point_id "
            f"WHERE c.kind = 'widget' AND r.status = 'accepted' {service}",
        ],
        "api": [f"SELECT {day}, a.metric_id, a.value, count(*) {join} {service} GROUP BY 1, 2, 3"],
    }


def time_raw(kind: str, url: str, queries: dict[str, list[str]]) -> dict[str, list[float]]:
    if kind == "postgres":
        import psycopg

        connection = psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True)
    else:
        import sqlite3

        connection = sqlite3.connect(url.split(":///", 1)[1])
    found = {}
    for name, statements in queries.items():
        samples = []
        for n in range(1 + RAW_RUNS):
            started = time.perf_counter()
            for statement in statements:
                connection.execute(statement).fetchall()
            if n:
                samples.append((time.perf_counter() - started) * 1000)
        found[name] = samples
    connection.close()
    return found


def bench(kind: str, responses: int, url: str | None, label: str) -> dict:
    if url is None:
        url = database_url(kind, responses)
        generate(url, responses)
    cookie_name, cookie, service_id, slug = run_python(url, SESSION).split()
    today = date.today()
    year = today - timedelta(days=364)
    paths = {
        "overview": "/overview/",
        "overview_year": "/overview/?period=365",
        "service": f"/services/{service_id}/dashboard/",
        "api": f"/api/v1/scores/daily?service={slug}&start={year}&end={today}&limit=5000",
    }
    with server(url, port=free_port(), workers=WORKERS) as (base, _process):
        pages = time_pages(base, f"{cookie_name}={cookie}", paths)
    load_pages = os.getloadavg()[0]
    raw = time_raw(kind, url, raw_queries(kind, today, int(service_id)))
    report(f"dashboards_{kind}_{label}_load_average_after_pages", load_pages, "runnable")
    report(f"dashboards_{kind}_{label}_load_average_after_raw", os.getloadavg()[0], "runnable")
    results = {}
    for name in paths:
        p50, p95 = percentiles(pages[name])
        raw50, raw95 = percentiles(raw[name])
        prefix = f"dashboards_{kind}_{label}_{name}"
        report(f"{prefix}_p50", p50, "ms")
        report(f"{prefix}_p95", p95, "ms")
        report(f"{prefix}_raw_scan_p50", raw50, "ms")
        report(f"{prefix}_raw_scan_p95", raw95, "ms")
        report(f"{prefix}_speedup_p50", raw50 / p50, "x")
        results[name] = {"p50": p50, "p95": p95, "raw_p50": raw50, "raw_p95": raw95}
    results["load_average"] = load_pages
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kinds", nargs="*", help="postgres and/or sqlite (default both)")
    parser.add_argument("--responses", default="1M", help="1M (default) or 10M; ignored with --database-url")
    parser.add_argument("--database-url", help="a database bench.generate made before (one kind only)")
    parser.add_argument("--label", help="size label in the figure names (default from --responses)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    kinds = args.kinds or ["postgres", "sqlite"]
    if set(kinds) - {"postgres", "sqlite"}:
        parser.error("kinds are postgres and sqlite")
    from bench.generate import count_argument

    responses = count_argument(args.responses)
    label = args.label or args.responses.lower()
    figures = {kind: bench(kind, responses, args.database_url, label) for kind in kinds}
    if args.json:
        Path(args.json).write_text(json.dumps({label: figures}, indent=2))


if __name__ == "__main__":
    main()
