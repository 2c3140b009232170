"""Runs Kuulo's periodic jobs on their intervals: one long-running process beside the task worker
(the `periodic` service of deploy/compose.yaml), so that an installation needs no cron.

The jobs are management commands that are safe to run again; KUULO_PERIODIC_JOBS in settings
lists them with their intervals. A failing job is logged and tried again at its next turn.
"""

import logging
import signal
import time

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

log = logging.getLogger("kuulo.periodic")


class Command(BaseCommand):
    help = "Runs the periodic jobs (KUULO_PERIODIC_JOBS) on their intervals until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")
        parser.add_argument("--tick", type=float, default=5.0, help="Seconds between looks at the schedule.")

    def handle(self, *args, once: bool, tick: float, **options) -> None:
        jobs = dict(settings.KUULO_PERIODIC_JOBS)
        unknown = sorted(set(jobs) - set(get_commands()))
        if unknown:
            raise CommandError(f"KUULO_PERIODIC_JOBS names unknown commands: {', '.join(unknown)}")
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_args: stopping.append(True))
        due = dict.fromkeys(jobs, 0.0)
        while not stopping:
            now = time.monotonic()
            for name, interval in jobs.items():
                if due[name] <= now:
                    self._run(name)
                    due[name] = now + interval
            if once:
                return
            time.sleep(tick)

    def _run(self, name: str) -> None:
        started = time.monotonic()
        try:
            call_command(name, stdout=self.stdout, stderr=self.stderr)
        except Exception:  # a failing job must not stop the others
            log.exception("Periodic job %s failed", name)
            self.stderr.write(f"{name} failed; see the log.")
        else:
            log.info("Periodic job %s took %.1f s", name, time.monotonic() - started)
