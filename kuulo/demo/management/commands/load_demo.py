import os
import time

from django.core.management.base import BaseCommand

from kuulo.comments.demo import load_demo_analysis
from kuulo.demo.backlog import load_demo_backlog
from kuulo.demo.board import load_demo_board
from kuulo.demo.experiments import load_demo_experiments
from kuulo.demo.feedback import DAYS, load_feedback
from kuulo.demo.notifications import load_demo_notifications
from kuulo.demo.organisation import DEMO_PASSWORD, LOGINS, load_organisation
from kuulo.effectmaps.demo import load_demo_effectmaps
from kuulo.games.demo import load_demo_games
from kuulo.insights.demo import load_demo_insights
from kuulo.integrations.demo import load_demo_jira
from kuulo.journeys.demo import load_demo_journeys
from kuulo.network.demo import load_demo_network
from kuulo.panel.demo import load_demo_panel
from kuulo.plans.demo import load_demo_plan
from kuulo.playbook.demo import load_demo_playbook
from kuulo.selfassessment.demo import load_demo_selfassessment

# `--small` (or KUULO_DEMO_SIZE=small, which the tests set): a few weeks at a
# twentieth of the volume, enough to see every feature in seconds.
SMALL = {"days": 75, "scale": 0.05}


class Command(BaseCommand):
    help = "Loads (or refreshes) the demo organisation and its feedback. Safe to run again."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--small", action="store_true", help="Load a small slice of feedback, for tests.")
        parser.add_argument("--days", type=int, help=f"Days of feedback up to today (default {DAYS}).")
        parser.add_argument("--scale", type=float, help="Multiplies the volume of feedback (default 1).")

    def handle(self, *args, small: bool = False, days: int | None = None, scale: float | None = None, **options):
        started = time.perf_counter()
        load_organisation()
        self.stdout.write(self.style.SUCCESS("Demo organisation loaded: Permits and Housing Agency."))

        size = SMALL if small or os.environ.get("KUULO_DEMO_SIZE") == "small" else {"days": DAYS, "scale": 1.0}
        loaded = load_feedback(days=days or size["days"], scale=scale if scale is not None else size["scale"])
        analysis = load_demo_analysis()  # language, sentiment and themes of the comments, before the insights
        self.stdout.write(f"Comments analysed: {analysis['analysed']}, {analysis['themes']} automatic themes.")
        load_demo_insights()  # after the comments exist: the insights link to them
        load_demo_backlog()  # ranked items with evidence, effects and we-did texts; after the insights
        load_demo_board()  # board, follow-up history, roadmap and a retro; after the backlog's own demo items
        load_demo_experiments()  # the callback experiment and the housing allowance's public page; after the items
        load_demo_plan()  # the housing unit's development plan with goals, actions and checkpoints; after the backlog
        load_demo_journeys()  # the moving journey across DVV, with pain points and opportunities; after the backlog
        load_demo_playbook()  # the shipped cards, templates and sparring partners; after the users
        load_demo_selfassessment()  # two CAF rounds of Housing Support, one area for improvement on the backlog
        load_demo_panel()  # ~150 panel members, three studies, a session that led to a done item; after the backlog
        load_demo_network()  # ideas (one promoted to the backlog), a swarm with a guest, a community; after the backlog
        load_demo_effectmaps()  # the housing allowance's effect map, its goal measured; after the journeys
        load_demo_jira()  # a Jira connection set up but not in use (no network)
        load_demo_notifications()  # a few for the owner and the team; after the backlog, retro and plan
        load_demo_games()  # two units' self-assessments over two quarters, quiz attempts; after everything they observe
        self.stdout.write("Demo feedback (responses added / stored):")
        for row in loaded:
            self.stdout.write(f"  {row.service.slug:<26} {row.added:>6} / {row.total:>6}")
        added, total = sum(row.added for row in loaded), sum(row.total for row in loaded)
        seconds = time.perf_counter() - started
        self.stdout.write(f"  {'all services':<26} {added:>6} / {total:>6}  in {seconds:.1f} s")

        self.stdout.write("Log in at http://127.0.0.1:8000/ with one of these (password for all: %s):" % DEMO_PASSWORD)
        for username, role in LOGINS:
            self.stdout.write(f"  {username:<8} {role}")
