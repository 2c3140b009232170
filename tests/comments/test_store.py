"""The analysis over stored comments: the on-commit hook, the command, rule
themes, clustering and the staff actions on themes."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kuulo.comments import actions
from kuulo.comments.analysis import store
from kuulo.comments.models import CommentTheme, Theme, ThemeSpace
from kuulo.feedback.actions import accept_suspect, record_many
from kuulo.feedback.models import Comment
from kuulo.feedback.submissions import Submission
from tests.comments.analysis_fixtures import bulk_comments, eval_items, submit, survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(service):
    return survey(service)


def test_a_comment_stored_through_the_write_path_is_analysed_after_commit(setup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = submit(*setup, text="Jonotin puhelimessa tunnin, aivan liian pitkä jono.", csat=1)
    assert len(callbacks) == 1
    comment = Comment.objects.get(response=response)
    assert comment.analysed_at is not None
    assert comment.detected_language == "fi"
    assert comment.sentiment == "negative"
    assert "jono" in comment.lemmas.split()
    assert comment.score == 0  # csat 1 on 1-5


def test_no_comment_enqueues_nothing(setup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        submit(*setup, text="")
    assert callbacks == []


def test_a_batch_enqueues_only_responses_with_comments(setup, django_capture_on_commit_callbacks):
    version, point, questions = setup

    def submission(index, text):
        return Submission(
            idempotency_key=f"batch-{index}",
            language="sv",
            channel="web",
            answers={questions["csat"].pk: [5]},
            comments={questions["open"].pk: text} if text else {},
        )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        record_many(point, version, [submission(1, "Mycket trevlig personal, tack!"), submission(2, "")])
    assert len(callbacks) == 1
    comment = Comment.objects.get()
    assert (comment.detected_language, comment.sentiment, comment.score) == ("sv", "positive", 100)


def test_a_suspect_response_is_analysed_when_accepted(setup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(*setup, text="Great service, thanks!", language="en", suspect="too fast")
    assert Comment.objects.get().analysed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        accept_suspect(response)
    assert Comment.objects.get().sentiment == "positive"


def test_the_score_is_the_first_metric_on_0_100(setup):
    response = submit(*setup, text="", csat=3)
    assert store.first_scores([response.pk]) == {response.pk: 50}


def test_the_command_analyses_pending_comments_and_reports_throughput(setup, capsys):
    bulk_comments(*setup, eval_items("waiting", "online", "staff")[:40])
    call_command("analyse_comments", verbosity=0)
    assert not Comment.objects.filter(analysed_at__isnull=True).exists()
    output = capsys.readouterr().out
    assert "Analysed 40 comments" in output and "comments/s" in output


def test_rule_themes_match_inflections_in_every_language_and_follow_edits(setup):
    texts = [
        ("Jonossa meni tunti.", "fi"),
        ("Puhelinjonot ovat pitkiä.", "fi"),
        ("Telefonkön var lång.", "sv"),
        ("The queues were long.", "en"),
        ("Lomake oli selkeä.", "fi"),
    ]
    bulk_comments(*setup, [{"text": text, "hint": hint} for text, hint in texts])
    store.analyse_comments()
    theme = actions.create_rule_theme({"fi": "Jonotus"}, ["jono", "kö", "queue"])
    assert theme.comment_count == 4
    assert set(Comment.objects.filter(theme_links__theme=theme).values_list("text", flat=True)) == {
        text for text, _ in texts[:4]
    }
    actions.update_rule_theme(theme, terms=["lomake"])
    assert list(Comment.objects.filter(theme_links__theme=theme).values_list("text", flat=True)) == [
        "Lomake oli selkeä."
    ]
    # A comment analysed later joins the rule too.
    bulk_comments(*setup, [{"text": "Hakemuslomakkeet ovat sekavia.", "hint": "fi"}])
    store.analyse_comments()
    assert Comment.objects.filter(theme_links__theme=theme).count() == 2


def test_a_rule_theme_of_one_service_leaves_other_services_alone(setup, service):
    from tests.factories import ServiceFactory

    other = survey(ServiceFactory())
    bulk_comments(*setup, [{"text": "Jono oli pitkä.", "hint": "fi"}])
    bulk_comments(*other, [{"text": "Jono oli pitkä.", "hint": "fi"}])
    store.analyse_comments()
    theme = actions.create_rule_theme({"fi": "Jonotus"}, "jono", service=service)
    assert theme.comment_count == 1


def clustered(setup):
    bulk_comments(*setup, eval_items("waiting", "online", "staff", "form"))
    store.analyse_comments()
    return store.recluster(k=4)


def themes_of_comments(texts):
    return {
        text: set(Theme.objects.filter(kind="auto", comment_links__comment__text=text).values_list("pk", flat=True))
        for text in texts
    }


def test_clustering_finds_themes_across_languages(setup):
    themes = clustered(setup)
    assert 2 <= len(themes) <= 4
    assert ThemeSpace.objects.count() == 1
    languages_per_theme = [
        set(Comment.objects.filter(theme_links__theme=theme).values_list("detected_language", flat=True))
        for theme in themes
    ]
    assert sum(languages == {"fi", "sv", "en"} for languages in languages_per_theme) >= 3
    # The queue comments of the three languages end up together.
    queue = themes_of_comments(["Aivan liian pitkä jono, luovutin.", "Alldeles för lång kötid, jag gav upp."])
    assert len(set.union(*queue.values())) == 1
    for theme in themes:
        assert set(theme.top_terms) == {"fi", "sv", "en"}
        assert theme.name and theme.comment_count == theme.comment_links.count()


def test_a_new_comment_joins_the_nearest_automatic_theme(setup):
    clustered(setup)
    queue_theme = Theme.objects.get(comment_links__comment__text="Aivan liian pitkä jono, luovutin.")
    bulk_comments(*setup, [{"text": "Jonotusaika puhelimessa oli tunti.", "hint": "fi"}])
    store.analyse_comments()
    assert Comment.objects.get(text="Jonotusaika puhelimessa oli tunti.").theme_links.get().theme == queue_theme


def test_staff_names_merges_and_splits_survive_reclustering(setup):
    themes = clustered(setup)
    first, second, third = themes[:3]
    actions.rename_theme(first, {"fi": "Jonotus"})
    merged = actions.merge_themes(second, [third])
    assert merged.pinned and not Theme.objects.filter(pk=third.pk).exists()
    assert merged.comment_count == merged.comment_links.count() > 0
    store.recluster(k=4)
    assert Theme.objects.get(pk=first.pk).name == "Jonotus"
    assert Theme.objects.filter(pk=merged.pk).exists()

    parts = actions.split_theme(Theme.objects.get(pk=first.pk))
    assert len(parts) == 2 and all(part.pinned for part in parts)
    assert parts[0].name == "Jonotus" and parts[1].comment_count > 0
    store.recluster(k=4)
    assert Theme.objects.filter(pk__in=[part.pk for part in parts]).count() == 2
    assert Theme.objects.get(pk=parts[0].pk).name == "Jonotus"
    # Every analysed comment with a concept still has exactly one automatic theme.
    counts = Counter(CommentTheme.objects.filter(theme__kind="auto").values_list("comment_id", flat=True))
    assert set(counts.values()) == {1}


def test_themes_of_different_kinds_do_not_merge(setup):
    clustered(setup)
    rule = actions.create_rule_theme({"fi": "Lomake"}, ["lomake"])
    with pytest.raises(ValueError):
        actions.merge_themes(rule, [Theme.objects.filter(kind="auto").first()])


def test_merging_rule_themes_pools_their_terms(setup):
    bulk_comments(*setup, [{"text": "Jono oli pitkä.", "hint": "fi"}, {"text": "Lomake oli sekava.", "hint": "fi"}])
    store.analyse_comments()
    one, two = actions.create_rule_theme({"fi": "A"}, ["jono"]), actions.create_rule_theme({"fi": "B"}, ["lomake"])
    merged = actions.merge_themes(one, [two])
    assert merged.terms == ["jono", "lomake"] and merged.comment_count == 2


def test_the_recluster_task_and_the_first_clustering(setup, django_capture_on_commit_callbacks):
    from kuulo.comments.tasks import recluster_themes

    bulk_comments(*setup, eval_items("waiting", "online")[: store.MIN_FOR_CLUSTERING + 10])
    store.analyse_comments()
    assert recluster_themes.call() >= 2


def test_counts_follow_new_and_reanalysed_comments(setup):
    bulk_comments(*setup, [{"text": "Jono oli pitkä.", "hint": "fi"}])
    store.analyse_comments()
    theme = actions.create_rule_theme({"fi": "Jonotus"}, ["jono"])
    bulk_comments(*setup, [{"text": "Jonossa meni tunti.", "hint": "fi"}, {"text": "Lomake oli hyvä.", "hint": "fi"}])
    store.analyse_comments()
    theme.refresh_from_db()
    assert theme.comment_count == 2
    Comment.objects.filter(text="Jono oli pitkä.").update(text="Lomake oli hyvä.")
    store.analyse_comments(Comment.objects.all())
    theme.refresh_from_db()
    assert theme.comment_count == theme.comment_links.count() == 1


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """The production task backend, and a clock this test moves."""
    from kuulo.comments import hooks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    clock = {"now": 1000.0}
    monkeypatch.setattr(hooks.time, "monotonic", lambda: clock["now"])
    monkeypatch.setattr(hooks, "_covered_until", 0.0)
    return clock


def test_busy_collection_enqueues_one_deferred_run_a_second(setup, database_tasks, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(3):
            submit(*setup, text=f"Jono oli pitkä, kerta {index}.")
    (run,) = DBTaskResult.objects.all()
    assert run.task_path == "kuulo.comments.tasks.analyse_pending"
    assert run.run_after >= before + timedelta(seconds=2)
    assert Comment.objects.filter(analysed_at__isnull=True).count() == 3

    database_tasks["now"] += 1.5  # the window has passed: the next comment enqueues another run
    with django_capture_on_commit_callbacks(execute=True):
        submit(*setup, text="Palvelu oli nopeaa.")
    assert DBTaskResult.objects.count() == 2

    run.task.call()  # what the worker does once the run is due
    assert not Comment.objects.filter(analysed_at__isnull=True).exists()


def test_a_run_over_comments_another_run_analysed_writes_nothing(setup):
    version, point, questions = setup
    bulk_comments(version, point, questions, eval_items("waiting", "staff")[:20])
    actions.create_rule_theme({"en": "Queueing"}, ["jono", "kö", "queue"])
    stale = list(
        Comment.objects.order_by("pk").values_list(
            "pk", "text", "language", "response_id", "response__service_id", "analysed_at"
        )
    )
    assert store.analyse_comments() == 20  # the other run
    links = sorted(CommentTheme.objects.values_list("comment_id", "theme_id"))
    counts = dict(Theme.objects.values_list("pk", "comment_count"))

    written = store.analyse_chunk(stale, store.Rules(), store.Clustering(), timezone.now())

    assert written == 0
    assert sorted(CommentTheme.objects.values_list("comment_id", "theme_id")) == links
    assert dict(Theme.objects.values_list("pk", "comment_count")) == counts
