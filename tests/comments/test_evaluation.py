"""The labelled comments, the evaluation command and floors a broken analyser would not reach."""

import json
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from kuulo.comments.evaluation import HELD_BACK, TOPICS, TRAIN_SET, load


def test_the_labelled_set_is_large_split_and_labelled():
    train, held = load(TRAIN_SET), load(HELD_BACK)
    items = train + held
    languages = Counter(item["language"] for item in items)
    assert len(items) >= 1500 and 0.2 <= len(held) / len(items) <= 0.3
    assert languages["fi"] > languages["sv"] >= 300 and languages["en"] >= 300 and languages["xx"] >= 40
    assert {item["sentiment"] for item in items} == {"positive", "neutral", "negative"}
    assert {item["topic"] for item in items} == set(TOPICS)
    assert all(item["text"].strip() and item["survey_language"] in ("fi", "sv", "en") for item in items)
    assert not {item["text"] for item in train} & {item["text"] for item in held}


def write(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


SMALL = [
    {"text": "Jonotin puhelimessa puolitoista tuntia.", "language": "fi", "sentiment": "negative", "topic": "waiting"},
    {"text": "Handläggaren var vänlig och kunnig.", "language": "sv", "sentiment": "positive", "topic": "staff"},
    {"text": "No further comments.", "language": "en", "sentiment": "neutral", "topic": "none"},
    {
        "text": "The form would not take my address.",
        "language": "en",
        "survey_language": "fi",
        "sentiment": "negative",
        "topic": "form",
    },
]


def test_the_command_prints_the_figures_of_a_labelled_file(tmp_path, capsys):
    call_command("evaluate_analysis", str(write(tmp_path / "outside.jsonl", SMALL)))
    output = capsys.readouterr().out
    assert "4 comments" in output and "language accuracy" in output
    assert "sentiment (classifier): accuracy" in output and "sentiment (lexicon only)" in output
    assert "topic (classifier): accuracy" in output and "    neutral" in output and "    fi: accuracy" in output


def test_the_command_refuses_a_missing_or_unlabelled_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("evaluate_analysis", str(tmp_path / "missing.jsonl"))
    with pytest.raises(CommandError, match="no 'sentiment' field"):
        call_command("evaluate_analysis", str(write(tmp_path / "bad.jsonl", [{"text": "Hyvä", "language": "fi"}])))
