"""Prints the analysis' accuracy and macro-F1 on the labelled evaluation set."""

from django.core.management.base import BaseCommand

from kuulo.comments.evaluation import evaluate


class Command(BaseCommand):
    help = "Score language, sentiment and themes on kuulo/comments/evaluation/eval_comments.jsonl."

    def add_arguments(self, parser):
        parser.add_argument("--mistakes", action="store_true", help="List the misjudged comments too.")

    def handle(self, *args, mistakes: bool = False, **options):
        result = evaluate()
        write = self.stdout.write
        for key, label in [
            ("language_low_accuracy", "language (low-accuracy mode)"),
            ("language_high_accuracy", "language (high-accuracy mode)"),
        ]:
            scores = result[key]
            write(
                f"{label}: language accuracy {scores['accuracy']:.3f}, macro-F1 {scores['macro_f1']:.3f}, "
                f"{scores['seconds']:.2f} s for {scores['n']} comments"
            )
        sentiment = result["sentiment"]
        write(f"sentiment accuracy {sentiment['accuracy']:.3f}, sentiment macro-F1 {sentiment['macro_f1']:.3f}")
        for key, label in [("themes_rules", "themes (rules)"), ("themes_clusters", "themes (clusters)")]:
            scores = result[key]
            write(f"{label}: accuracy {scores['accuracy']:.3f}, macro-F1 {scores['macro_f1']:.3f}, n {scores['n']}")
        write(f"clusters with comments in all three languages: {result['themes_clusters']['cross_lingual']:.2f}")
        if mistakes:
            for kind, rows in result["mistakes"].items():
                write(f"\n{kind} mistakes:")
                for row in rows:
                    write("  " + " | ".join(str(value) for value in row))
