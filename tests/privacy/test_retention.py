"""Comment text past the organisation's retention period is removed, its analysis and counts stay."""

import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kuulo.audit.models import Entry
from kuulo.feedback.models import Comment, Response
from kuulo.privacy import retention
from kuulo.privacy.models import RetentionPolicy
from tests.exports.data import answer


def age(service, days: int) -> None:
    when = timezone.now() - timezone.timedelta(days=days)
    Response.objects.filter(service=service).update(responded_at=when)
    Comment.objects.filter(service=service).update(responded_at=when)


@pytest.fixture
def old_comments(service):
    answer(service, 4, text="Jono oli pitkä ja palvelu hidasta")
    Comment.objects.filter(service=service).update(sentiment="negative", detected_language="fi")
    age(service, 37 * 31)
    return Comment.objects.filter(service=service)


def run(*args) -> str:
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_reports_per_service_and_changes_nothing(old_comments, service):
    output = run("--dry-run")
    assert f"{service}: 2 comments" in output
    assert "nothing was changed" in output
    assert all(comment.text for comment in old_comments)
    assert not Entry.objects.filter(action="retention.applied").exists()


def test_applying_removes_the_text_and_keeps_the_analysis_and_counts(old_comments, service):
    responses = Response.objects.filter(service=service).count()
    assert "Removed the text of 2 comments" in run()
    assert {(c.text, c.lemmas, c.sentiment, c.detected_language) for c in old_comments} == {("", "", "negative", "fi")}
    assert old_comments.count() == 2 and Response.objects.filter(service=service).count() == responses
    entry = Entry.objects.get(action="retention.applied")
    assert entry.service == service and entry.details == {"comments": 2, "months": 36}
    assert "Would remove the text of 0 comments" in run("--dry-run")


def test_recent_comments_keep_their_text(service):
    answer(service, 2, text="Hyvä palvelu")
    age(service, 35 * 30)
    run()
    assert Comment.objects.get(service=service).text == "Hyvä palvelu"


def test_an_empty_period_keeps_the_text(old_comments):
    policy = retention.editable_policy()
    policy.comment_text_months = None
    policy.save()
    assert "nothing to remove" in run()
    assert all(comment.text for comment in old_comments)


def test_the_job_runs_periodically(settings):
    assert "apply_retention" in dict(settings.KUULO_PERIODIC_JOBS)


def test_months_before_handles_short_months():
    moment = datetime(2026, 3, 31, 12, tzinfo=UTC)
    assert retention.months_before(moment, 1).date().isoformat() == "2026-02-28"
    assert retention.months_before(moment, 36).date().isoformat() == "2023-03-31"


def test_an_admin_changes_the_period_and_the_change_is_audited(client_as, admin_user):
    client = client_as("admin")
    response = client.post(reverse("privacy:retention_edit"), {"comment_text_months": "24"})
    assert response.status_code == 302
    assert RetentionPolicy.objects.get().comment_text_months == 24
    assert Entry.objects.get(action="retention.changed").actor == admin_user
    assert "24 months" in client.get(reverse("privacy:processing")).content.decode()


@pytest.mark.parametrize("months", ["0", "999", "many"])
def test_a_bad_period_is_refused(client_as, months):
    response = client_as("admin").post(reverse("privacy:retention_edit"), {"comment_text_months": months})
    assert response.status_code == 422
    assert RetentionPolicy.objects.get().comment_text_months == 36


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_admins_see_or_change_the_policy(client_as, role):
    client = client_as(role)
    assert client.get(reverse("privacy:processing")).status_code == 404
    assert client.post(reverse("privacy:retention_edit"), {"comment_text_months": "1"}).status_code == 404


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_records_of_processing_are_in_every_language(client_as, settings, language):
    client = client_as("admin")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("privacy:processing")).content.decode()
    assert f'lang="{language}"' in page
    assert "730" in page  # the audit log's retention from the settings
