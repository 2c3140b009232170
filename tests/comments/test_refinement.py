"""The background refinement: the embedding classifiers replace the lexicon's sentiment,
and the kinds of mistakes the lexicon made on real comments, on sentences of the same
kinds that are not in the labelled set."""

import pytest

from kuulo.comments.analysis import analyse_texts, store
from kuulo.comments.analysis.language import detect_languages
from kuulo.comments.analysis.refine import refine_texts
from kuulo.comments.analysis.stored_refinement import refine_comments, unrefined_comments
from kuulo.comments.evaluation import HELD_BACK, TRAIN_SET, load
from kuulo.comments.models import CommentEmbedding
from kuulo.feedback.models import Comment
from tests.comments.analysis_fixtures import bulk_comments, submit, survey


def refined(texts: list[str], hint: str) -> list[str]:
    languages = detect_languages(texts, [hint] * len(texts))
    return [result.sentiment for result in refine_texts(texts, languages)]


def test_the_sentences_here_are_not_in_the_labelled_set():
    known = {item["text"].lower() for item in load(TRAIN_SET) + load(HELD_BACK)}
    for cases in (NOTHING_TO_ADD, NEGATED_NEGATIVES, SARCASM, FACTS, COLLOQUIAL, NEIGHBOURS):
        texts = {(case.values if hasattr(case, "values") else case)[0].lower() for case in cases}
        assert not known & texts


KNOWN_MISS = pytest.mark.xfail(strict=True, reason="a known miss of the refinement, see docs/comment-analysis.md")
NOTHING_TO_ADD = [
    ("En keksi muuta lisättävää.", "fi"),
    pytest.param("Inga övriga synpunkter.", "sv", marks=KNOWN_MISS),
    ("Nothing more to say.", "en"),
]


@pytest.mark.parametrize(("text", "hint"), NOTHING_TO_ADD)
def test_nothing_to_add_is_neutral_in_the_fast_and_the_refined_result(text, hint):
    assert analyse_texts([text], [hint])[0].sentiment == "neutral"
    assert refined([text], hint) == ["neutral"]


NEGATED_NEGATIVES = [
    ("Ei mitään ongelmia asioinnissa.", "fi"),
    ("Inga problem med ansökan.", "sv"),
    ("No issues at all.", "en"),
]


@pytest.mark.parametrize(("text", "hint"), NEGATED_NEGATIVES)
def test_a_negated_complaint_is_praise(text, hint):
    assert analyse_texts([text], [hint])[0].sentiment == "positive"
    assert refined([text], hint) == ["positive"]


def test_excess_and_judgement_words_the_lexicon_lacked_are_complaints():
    texts = ["Liian monta vaihetta.", "Alldeles för många steg.", "Helt oacceptabelt.", "Kohtuuton viive."]
    assert [analysis.sentiment for analysis in analyse_texts(texts, ["fi", "sv", "sv", "fi"])] == ["negative"] * 4
    assert analyse_texts(["I will send the papers later."], ["en"])[0].sentiment == "neutral"


SARCASM = [
    ("Kiva, taas kaksi tuntia jonossa.", "fi", "negative"),
    pytest.param("Tack för den snabba hjälpen, sex veckor senare.", "sv", "negative", marks=KNOWN_MISS),
]
FACTS = [
    pytest.param("Hakemus on ollut käsittelyssä viisi kuukautta.", "fi", "negative", marks=KNOWN_MISS),
    ("Beslutet kom efter ett halvår.", "sv", "negative"),
    pytest.param("The refund was in my account two days later.", "en", "positive", marks=KNOWN_MISS),
    ("Sain ajan jo samalle iltapäivälle.", "fi", "positive"),
]
COLLOQUIAL = [("tosi selkee ohje, kiitti", "fi", "positive"), ("surkeeta palvelua, ei kukaan vastaa", "fi", "negative")]


@pytest.mark.parametrize(("text", "hint", "expected"), SARCASM + FACTS + COLLOQUIAL)
def test_the_refinement_reads_sarcasm_facts_and_colloquial_finnish(text, hint, expected):
    assert refined([text], hint) == [expected]


NEIGHBOURS = [
    pytest.param("Jeg har ventet på et svar fra jer i over tre måneder nu.", "sv", marks=KNOWN_MISS),
    ("Jeg måtte vente i telefonkøen i nesten en time i dag.", "sv"),
    ("Ootasin vastust kolm kuud ja keegi ei helistanud tagasi.", "fi"),
    ("Waxaan sugayay jawaab muddo saddex bilood ah.", "fi"),
]


@pytest.mark.parametrize(("text", "hint"), NEIGHBOURS)
def test_danish_norwegian_estonian_and_somali_are_other_languages(text, hint):
    assert detect_languages([text], [hint]) == ["xx"]


def test_short_comments_keep_the_survey_language_and_long_ones_their_own():
    texts = [
        "Bra service.",
        "Perfekt!",
        "Mycket bra bemötande.",
        "Ansökan var enkel att fylla i och beslutet kom snabbt.",
    ]
    assert detect_languages(texts, ["fi", "sv", "sv", "fi"]) == ["fi", "sv", "sv", "sv"]


@pytest.mark.django_db
def test_the_background_refinement_replaces_the_fast_sentiment(service, django_capture_on_commit_callbacks):
    version, point, questions = survey(service)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(version, point, questions, text="Kiitos tosi paljon, vain kolme viikkoa odotin vastausta.")
    comment = Comment.objects.get(response=response)
    assert comment.sentiment == "negative"
    assert CommentEmbedding.objects.get(comment=comment).topic in ("waiting", "processing")
    assert not unrefined_comments().exists()


@pytest.mark.django_db
def test_a_comment_is_refined_after_its_fast_analysis_and_again_when_analysed_again(service):
    version, point, questions = survey(service)
    [comment] = bulk_comments(
        version, point, questions, [{"text": "Kiitos tosi paljon, vain kolme viikkoa odotin vastausta.", "hint": "fi"}]
    )
    store.analyse_comments()
    comment.refresh_from_db()
    assert comment.sentiment == "positive"  # the lexicon reads the thanks
    assert list(unrefined_comments()) == [comment]
    assert refine_comments() == 1
    comment.refresh_from_db()
    assert comment.sentiment == "negative"
    stored = bytes(CommentEmbedding.objects.get(comment=comment).vector)
    assert len(stored) == 384 * 2

    store.analyse_comments(Comment.objects.all())  # analysed again (as analyse_comments --all does)
    comment.refresh_from_db()
    assert comment.sentiment == "positive" and list(unrefined_comments()) == [comment]
    assert refine_comments() == 1
    comment.refresh_from_db()
    assert comment.sentiment == "negative" and bytes(CommentEmbedding.objects.get(comment=comment).vector) == stored


@pytest.mark.django_db
def test_a_refinement_run_takes_a_batch_and_enqueues_the_rest(service, monkeypatch):
    from kuulo.comments import tasks

    version, point, questions = survey(service)
    texts = ["Lomake oli selkeä.", "Blanketten var krånglig.", "The form was fine."]
    bulk_comments(version, point, questions, [{"text": text, "hint": "fi"} for text in texts])
    store.analyse_comments()
    monkeypatch.setattr(tasks, "REFINE_BATCH", 1)
    result = tasks.refine_pending.enqueue()  # the immediate backend runs it, and the runs it enqueues, at once
    assert result.return_value == 1
    assert not unrefined_comments().exists() and CommentEmbedding.objects.count() == 3
