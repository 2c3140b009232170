"""Prints the analysis' figures on the held-back comments, on labelled files and by cross-validation."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kuulo.comments.evaluation import HELD_BACK, cross_validate, evaluate

LABELS = {
    "sentiment": "sentiment (classifier)",
    "lexicon": "sentiment (lexicon only)",
    "topic": "topic (classifier)",
    "rules": "topic (concept rules only)",
}


class Command(BaseCommand):
    help = (
        "Score language, sentiment and topic on the held-back comments and on labelled JSONL files "
        "(fields text, language, sentiment, topic and optionally survey_language)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="Labelled JSONL files (default: the held-back part).")
        parser.add_argument("--cv", action="store_true", help="Also cross-validate on the training part.")
        parser.add_argument("--cache", help="An .npz file that keeps the training part's embeddings (with --cv).")
        parser.add_argument("--mistakes", action="store_true", help="List the misjudged comments too.")

    def handle(self, *args, files: list[str], cv: bool = False, cache=None, mistakes: bool = False, **options):
        paths = [Path(name) for name in files] or [HELD_BACK]
        for path in paths:
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
        try:
            results = evaluate(paths)
        except (ValueError, KeyError) as error:
            raise CommandError(f"Not a labelled JSONL file: {error}") from error
        for name, result in results.items():
            self.show(name, result, mistakes)
        if cv:
            self.show("cross-validation on the training part (5 folds)", cross_validate(cache), mistakes)

    def show(self, title: str, result: dict, mistakes: bool) -> None:
        write = self.stdout.write
        write(f"\n== {title}: {result['n']} comments")
        language = result["language"]
        per = ", ".join(f"{code} {value:.3f}" for code, value in language["per_language"].items())
        write(f"language accuracy {language['accuracy']:.3f} (per language: {per})")
        for key, label in LABELS.items():
            if key not in result:
                continue
            scores = result[key]
            write(f"{label}: accuracy {scores['accuracy']:.3f}, macro-F1 {scores['macro_f1']:.3f}, n {scores['n']}")
            for code, part in scores["per_language"].items():
                if part["n"]:
                    write(
                        f"    {code}: accuracy {part['accuracy']:.3f}, macro-F1 {part['macro_f1']:.3f}, n {part['n']}"
                    )
            if key in ("sentiment", "topic"):
                for name, figures in scores["classes"].items():
                    write(
                        f"    {name:<14} precision {figures['precision']:.3f}  recall {figures['recall']:.3f}  "
                        f"F1 {figures['f1']:.3f}  n {figures['n']}"
                    )
        if "seconds" in result:
            write(f"seconds: fast path {result['seconds']['fast']}, refinement {result['seconds']['refined']}")
        if mistakes:
            for kind, rows in result["mistakes"].items():
                write(f"\n{kind} mistakes (text | label | analysis):")
                for row in rows:
                    write("  " + " | ".join(str(value) for value in row))
