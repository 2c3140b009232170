"""The labelled evaluation set and floors a broken analyser would not reach."""

from collections import Counter

from django.core.management import call_command

from kuulo.comments.evaluation import evaluate, load


def test_the_evaluation_set_is_large_and_labelled():
    items = load()
    languages = Counter(item["language"] for item in items)
    assert len(items) >= 300
    assert min(languages["fi"], languages["sv"], languages["en"]) >= 100 and languages["xx"] >= 15
    assert {item["sentiment"] for item in items} == {"positive", "neutral", "negative"}
    assert len({item["theme"] for item in items}) >= 10
    assert all(item["text"].strip() and item["hint"] in ("fi", "sv", "en") for item in items)


def test_the_analysis_scores_above_its_floors():
    result = evaluate()
    assert result["language"]["accuracy"] >= 0.95
    assert result["sentiment"]["macro_f1"] >= 0.7
    assert result["sentiment"]["accuracy"] >= 0.75
    assert result["themes_rules"]["macro_f1"] >= 0.75
    assert result["themes_clusters"]["accuracy"] >= 0.65
    assert result["themes_clusters"]["cross_lingual"] >= 0.7


def test_the_command_prints_the_scores(capsys):
    call_command("evaluate_analysis")
    output = capsys.readouterr().out
    assert "language accuracy" in output and "sentiment macro-F1" in output and "themes (rules)" in output
