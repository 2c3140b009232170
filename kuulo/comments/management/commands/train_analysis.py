"""Rebuilds the sentiment and topic classifiers from the training part."""

from django.core.management.base import BaseCommand

from kuulo.comments.analysis.training import embed_rows, read_labelled, train
from kuulo.comments.evaluation import TRAIN_SET


class Command(BaseCommand):
    help = (
        "Train the sentiment and topic classifiers on kuulo/comments/evaluation/train.jsonl "
        "and store them in kuulo/comments/analysis/model/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cache", help="An .npz file that keeps the embeddings between runs.")

    def handle(self, *args, cache: str | None = None, **options):
        rows = read_labelled([TRAIN_SET])
        self.stdout.write(f"Embedding {len(rows)} comments…")
        vectors = embed_rows(rows, cache)
        trained = train(rows, vectors, log=self.stdout.write)
        for name in ("sentiment", "topic"):
            path = trained[name].save(name)
            self.stdout.write(f"{name}: {len(trained[name].classes)} classes, stored in {path}")
