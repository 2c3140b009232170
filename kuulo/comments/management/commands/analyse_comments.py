"""Analyses pending comments (or all with --all), refines them with --refine and finds themes again with --recluster."""

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from kuulo.comments.analysis import store
from kuulo.comments.analysis.stored_refinement import refine_comments, unrefined_comments
from kuulo.feedback.models import Comment, Response


class Command(BaseCommand):
    help = "Analyse comments: language, lemmas, sentiment, score and themes."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Analyse every comment again, not only pending ones.")
        parser.add_argument("--recluster", action="store_true", help="Find the automatic themes again afterwards.")
        parser.add_argument(
            "--refine",
            action="store_true",
            help="Then embed every comment without a current refinement and classify its sentiment and topic.",
        )
        parser.add_argument("--chunk", type=int, default=store.CHUNK)

    def handle(
        self,
        *args,
        all: bool = False,
        recluster: bool = False,
        refine: bool = False,
        chunk: int = store.CHUNK,
        **options,
    ):
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
        if refine:
            queryset = unrefined_comments()
            started = time.perf_counter()
            with tqdm(
                total=queryset.count(), unit="comments", disable=options["verbosity"] == 0, file=self.stderr
            ) as bar:
                refined = refine_comments(queryset, progress=bar.update)
            seconds = time.perf_counter() - started
            rate = refined / seconds if seconds else 0.0
            self.stdout.write(f"Refined {refined} comments in {seconds:.1f} s ({rate:.0f} comments/s).")
        if recluster:
            started = time.perf_counter()
            themes = store.recluster()
            self.stdout.write(f"Found {len(themes)} automatic themes in {time.perf_counter() - started:.1f} s.")
