"""Opening a checkpoint report's PDF: the first download (drawn by WeasyPrint), the second (read
from the report cache), and one after a change to what the report shows (drawn again).

    python -m bench.report_pdf                                   # a fresh demo database (load_demo)
    python -m bench.report_pdf --database-url sqlite:////tmp/demo.sqlite3

Runs in-process with Django's test client as the demo's organisation admin, on every checkpoint
of the demo plan, in Finnish; the report cache lives in a temporary DATA_DIR, so the first
download is cold. Prints `name: value unit` lines (ms per download, one request each).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench.harness import ROOT, report


def demo_database() -> str:
    folder = tempfile.mkdtemp(prefix="kuulo-bench-report-")
    url = f"sqlite:///{folder}/demo.sqlite3"
    env = {**os.environ, "DATABASE_URL": url, "KUULO_DATA_DIR": folder}
    for command in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    return url


def timed(client, url: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, response.content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an existing demo database (default: a fresh one)")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url or demo_database()
    os.environ["KUULO_DATA_DIR"] = tempfile.mkdtemp(prefix="kuulo-bench-report-cache-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kuulo.settings")
    os.environ["KUULO_TASKS"] = "immediate"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from kuulo.plans.models import Checkpoint

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    client.force_login(get_user_model().objects.filter(is_superuser=True).order_by("pk").first())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    first, second, changed = [], [], []
    for checkpoint in Checkpoint.objects.select_related("plan").order_by("starts_at"):
        url = reverse("plans:checkpoint_report_pdf", args=[checkpoint.plan_id, checkpoint.pk])
        cold, drawn = timed(client, url)
        warm, again = timed(client, url)
        assert again == drawn, "the second download was drawn again"
        checkpoint.title += " (siirretty)"
        checkpoint.save(update_fields=["title"])
        after, redrawn = timed(client, url)
        assert redrawn != drawn, "a changed report was served from the cache"
        first.append(cold)
        second.append(warm)
        changed.append(after)
        report(f"report_pdf checkpoint {checkpoint.pk} first", cold, "ms")
        report(f"report_pdf checkpoint {checkpoint.pk} second", warm, "ms")
        report(f"report_pdf checkpoint {checkpoint.pk} after a change", after, "ms")
    for name, samples in (("first", first), ("second", second), ("after a change", changed)):
        report(f"report_pdf {name}, median of {len(samples)}", statistics.median(samples), "ms")
    report("load average (1 min)", os.getloadavg()[0], "")


if __name__ == "__main__":
    main()
