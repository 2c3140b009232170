"""Export throughput and memory: a million responses to CSV (and XLSX) on SQLite.

    python -m bench.exports                      # 1,000,000 responses (BENCH_EXPORT_RESPONSES)
    BENCH_EXPORT_DATABASE=sqlite:////tmp/x.sqlite3 python -m bench.exports   # reuse a generated database

The data comes from bench/generate.py (8 services, two years, several metrics,
comments). The export runs through the real path (ExportJob, the task, the
feed pages, the file writer) in a separate process with the immediate task
backend; a thread samples that process's resident memory every 0.2 s, so the
figures show whether memory stays flat while the rows stream to the file.
"""

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.harness import PYTHON, ROOT, environment, report

RESPONSES = os.environ.get("BENCH_EXPORT_RESPONSES", "1M")
FORMATS = os.environ.get("BENCH_EXPORT_FORMATS", "csv,xlsx").split(",")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--inner":
        inner(sys.argv[2])
        return
    database_url = os.environ.get("BENCH_EXPORT_DATABASE")
    if not database_url:
        folder = tempfile.mkdtemp(prefix="kuulo-bench-exports-")
        database_url = f"sqlite:///{folder}/exports.sqlite3"
        subprocess.run(
            [PYTHON, "-m", "bench.generate", "--responses", RESPONSES, "--database-url", database_url],
            cwd=ROOT,
            env=environment(database_url),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    for file_format in FORMATS:
        env = {**environment(database_url), "KUULO_TASKS": "immediate", "BENCH_EXPORT_FORMAT": file_format}
        env["KUULO_DATA_DIR"] = tempfile.mkdtemp(prefix="kuulo-bench-export-files-")
        subprocess.run([PYTHON, "-m", "bench.exports", "--inner", database_url], cwd=ROOT, env=env, check=True)


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def inner(database_url: str) -> None:
    """Runs in a process of its own: one export of every response, with memory sampled beside it."""
    import django

    django.setup()
    from kuulo.accounts.models import User
    from kuulo.exports.actions import start_export
    from kuulo.exports.models import ExportJob
    from kuulo.feedback.models import Response

    file_format = os.environ["BENCH_EXPORT_FORMAT"]
    admin = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser("bench-export")
    first = Response.objects.order_by("responded_at").values_list("responded_at", flat=True).first()
    last = Response.objects.order_by("-responded_at").values_list("responded_at", flat=True).first()
    filters = {"service": None, "start": first.date().isoformat(), "end": last.date().isoformat()}

    samples: list[tuple[float, float, int]] = []  # (seconds, resident MB, rows written)
    running = True
    started = time.perf_counter()

    def sample() -> None:
        while running:
            job = ExportJob.objects.filter(user=admin).order_by("-pk").values_list("rows_done", flat=True).first()
            samples.append((time.perf_counter() - started, resident_mb(), job or 0))
            time.sleep(0.2)

    baseline = resident_mb()
    cpu_before = cpu_seconds()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    job = start_export(admin, "responses", file_format, filters)
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_before
    running = False
    sampler.join()
    if job.status != ExportJob.Status.DONE:
        raise RuntimeError(f"export failed: {job.error}")
    name = f"export_responses_{file_format}"
    report(f"{name}_rows", job.rows_done, "rows")
    report(f"{name}_s", elapsed, "s")
    report(f"{name}_rows_per_s", job.rows_done / elapsed, "rows/s")
    # CPU time of the process: comparable between runs even when other work shares the cores.
    report(f"{name}_cpu_s", cpu, "s")
    report(f"{name}_rows_per_cpu_s", job.rows_done / cpu, "rows/s")
    report(f"{name}_file_mb", Path(job.path).stat().st_size / 2**20, "MB")
    report(f"{name}_rss_before_mb", baseline, "MB")
    busy = [(rows, mb) for _t, mb, rows in samples if rows]
    for share in (0.1, 0.5, 0.9):
        _rows, mb = next(((r, m) for r, m in busy if r >= share * job.rows_done), busy[-1] if busy else (0, 0))
        report(f"{name}_rss_at_{int(share * 100)}pct_mb", mb, "MB")
    report(f"{name}_rss_peak_mb", max(mb for _t, mb, _r in samples), "MB")


if __name__ == "__main__":
    main()
