"""Shared pieces of the benchmarks: a database with a survey, a production
server (gunicorn) on it, and wrk as the load generator on the same machine."""

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kuulo_bench")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.6g} {unit}", flush=True)


def fresh_database(kind: str) -> str:
    """A DATABASE_URL for an empty, migrated database of `kind` (sqlite or postgres)."""
    if kind == "sqlite":
        folder = tempfile.mkdtemp(prefix="kuulo-bench-")
        url = f"sqlite:///{folder}/bench.sqlite3"
    else:
        import psycopg

        admin = POSTGRES_URL.rsplit("/", 1)[0].replace("postgres://", "postgresql://", 1) + "/postgres"
        name = POSTGRES_URL.rsplit("/", 1)[1]
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        url = POSTGRES_URL
    run_manage(url, "migrate", "-v0")
    return url


def environment(database_url: str) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("KUULO_")}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="bench.settings",
        KUULO_DATA_DIR=tempfile.gettempdir() + "/kuulo-bench-data",
        KUULO_RESPONSES_PER_CLIENT_PER_MINUTE="100000000",
        KUULO_MIN_FILL_SECONDS="0",
        PYTHONPATH=str(ROOT),
    )
    return env


def run_manage(database_url: str, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=environment(database_url),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def run_python(database_url: str, code: str) -> str:
    return run_manage(database_url, "shell", "--no-imports", "-c", code)


@contextmanager
def server(database_url: str, port: int, workers: int = 4, worker_class: str = "sync", threads: int = 1):
    """gunicorn serving Kuulo on 127.0.0.1:port until the block ends."""
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "kuulo.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--worker-class={worker_class}",
        f"--threads={threads}",
        "--log-level=warning",
        "--backlog=2048",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=environment(database_url), start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{port}", process
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - local benchmark server
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not come up")


def wrk(url: str, script: str | None = None, seconds: int = 10, connections: int = 32, threads: int = 1) -> dict:
    """Runs wrk and returns requests/s and latency percentiles in ms."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", script]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile in ("50", "99"):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        figures[f"p{percentile}_ms"] = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["non_2xx"] = int(errors.group(1)) if errors else 0
    return figures
