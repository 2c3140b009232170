"""Analyses pending comments (or all with --all) and finds themes again with --recluster."""

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from kuulo.comments.analysis import store
from kuulo.feedback.models import Comment, Response


class Command(BaseCommand):
    help = "Analyse comments: language, lemmas, sentiment, score and themes."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Analyse every comment again, not only pending ones.")
        parser.add_argument("--recluster", action="store_true", help="Find the automatic themes again afterwards.")
        parser.add_argument("--chunk", type=int, default=store.CHUNK)

    def handle(self, *args, all: bool = False, recluster: bool = False, chunk: int = store.CHUNK, **options):
        if all:
            queryset = Comment.objects.filter(response__status=Response.Status.ACCEPTED)
        else:
            queryset = store.pending_comments()
        total = queryset.count()
        started = time.perf_counter()
        with tqdm(total=total, unit="comments", disable=options["verbosity"] == 0, file=self.stderr) as bar:
            analysed = store.analyse_comments(queryset, chunk=chunk, progress=bar.update)
        seconds = time.perf_counter() - started
        rate = analysed / seconds if seconds else 0.0
        self.stdout.write(f"Analysed {analysed} comments in {seconds:.1f} s ({rate:.0f} comments/s).")
        if recluster:
            started = time.perf_counter()
            themes = store.recluster()
            self.stdout.write(f"Found {len(themes)} automatic themes in {time.perf_counter() - started:.1f} s.")
