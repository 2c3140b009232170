"""The demo's comments come out analysed, with staff rule themes and
automatic themes described in all three languages."""

import pytest
from django.core.management import call_command

from kuulo.comments.analysis.themes import PHRASE_WORDS
from kuulo.comments.demo import RULE_THEMES, demo_rule_theme, load_demo_analysis
from kuulo.comments.models import Theme
from kuulo.feedback.models import Comment


@pytest.mark.django_db
def test_load_demo_analyses_the_comments_and_finds_themes(capsys):
    call_command("load_demo", "--small")
    assert "Comments analysed" in capsys.readouterr().out
    accepted = Comment.objects.filter(response__status="accepted")
    assert accepted.exists() and not accepted.filter(analysed_at__isnull=True).exists()
    assert set(accepted.values_list("detected_language", flat=True)) >= {"fi", "sv", "en"}
    assert set(accepted.values_list("sentiment", flat=True)) == {"positive", "neutral", "negative"}
    rules = [demo_rule_theme(names) for names, _terms in RULE_THEMES]
    assert [theme.names for theme in rules] == [names for names, _terms in RULE_THEMES]
    assert {"fi": "Jonotus", "sv": "Köer", "en": "Queueing"} in [theme.names for theme in rules]
    assert all(theme.comment_count > 0 for theme in rules)
    assert Theme.objects.filter(kind="rule", service__isnull=True).count() == len(RULE_THEMES)
    automatic = Theme.objects.filter(kind="auto")
    assert automatic.count() >= 4
    described = [theme for theme in automatic if all(theme.top_terms.get(code) for code in ("fi", "sv", "en"))]
    assert described  # the small demo has few Swedish and English comments
    for theme in described:  # each language's name is a short phrase of a comment, else its top terms
        for code in ("fi", "sv", "en"):
            name = theme.names[code]
            if " · " in name or len(name.split()) < 3:
                assert set(name.split(" · ")) <= set(theme.top_terms[code])
            else:
                assert len(name.split()) <= PHRASE_WORDS
                assert Comment.objects.filter(text__icontains=name.rstrip("…").split()[1]).exists()
    assert not automatic.filter(name_fi="—").exists()
    named = [theme.name_fi for theme in automatic]
    assert len(set(named)) == len(named)  # no two themes share a name


@pytest.mark.django_db
def test_loading_the_demo_again_renames_the_rule_themes_it_named_in_one_field():
    combined = Theme.objects.create(kind="rule", name_fi="Jonotus / Köer / Queueing", terms=["jono"])
    load_demo_analysis()
    combined.refresh_from_db()
    assert combined.names == {"fi": "Jonotus", "sv": "Köer", "en": "Queueing"}
    assert Theme.objects.filter(kind="rule", service__isnull=True).count() == len(RULE_THEMES)
