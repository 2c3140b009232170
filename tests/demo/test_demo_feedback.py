"""The demo's surveys and months of feedback (tests load the small slice)."""

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Max, Min, Sum
from django.utils import timezone

from kuulo.demo import comments
from kuulo.demo.feedback import load_feedback
from kuulo.demo.organisation import SERVICES, load_organisation
from kuulo.feedback.models import Comment, DailyAggregate, DisplayCount, Response
from kuulo.metrics.models import Metric, Target
from kuulo.organisation.models import Service
from kuulo.surveys.models import CollectionPoint, SurveyVersion

pytestmark = pytest.mark.django_db


def load_demo(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def score(service: Service, code: str, since_days: int, until_days: int = 0) -> float:
    """The service's score for a metric over a window of days before today, from the rollups."""
    today = timezone.localdate()
    cells = DailyAggregate.objects.filter(
        service=service,
        metric__code=code,
        day__gte=today - timedelta(days=since_days),
        day__lte=today - timedelta(days=until_days),
    )
    histogram = Counter()
    for value, count in cells.values_list("value", "count"):
        histogram[value] += count
    return Metric.objects.get(code=code, version=1).score(histogram).value


def test_every_demo_service_has_a_published_survey_with_its_points_and_months_of_responses():
    output = load_demo()
    for slug in SERVICES:
        service = Service.objects.get(slug=slug)
        version = SurveyVersion.objects.get(survey__service=service, status=SurveyVersion.Status.PUBLISHED)
        assert version.languages == ["fi", "sv", "en"]
        assert version.published_at is not None
        assert all([version.title_fi, version.title_sv, version.title_en, version.thank_you_sv])
        codes = [question.metric.code for question in version.questions.filter(kind="metric")]
        assert codes[0] == "csat"
        assert version.questions.get(kind="open").text_en == "What could we improve?"
        kinds = set(version.survey.collection_points.values_list("kind", flat=True))
        assert {"widget", "link", "qr", "api"} <= kinds
        span = Response.objects.filter(service=service).aggregate(first=Min("responded_at"), last=Max("responded_at"))
        assert span["last"] - span["first"] > timedelta(days=45), slug
        assert span["last"] <= timezone.now()
        assert version.published_at <= span["first"]
        assert slug in output


def test_the_metrics_fit_the_channels_of_each_service():
    load_demo()

    def codes(slug: str) -> set[str]:
        version = SurveyVersion.objects.get(survey__service__slug=slug)
        return set(version.questions.filter(kind="metric").values_list("metric__code", flat=True))

    assert {"ces", "helpfulness"} <= codes("advice-line")
    assert {"umux_lite", "found", "ease"} <= codes("housing-allowance-online")
    assert "ces" in codes("chat-advice")
    assert "umux_lite" not in codes("advice-line")
    qr = CollectionPoint.objects.get(survey__service__slug="service-point", kind="qr")
    assert qr.channel == "service_point"
    widget = CollectionPoint.objects.get(survey__service__slug="housing-allowance-online", kind="widget")
    assert widget.allowed_origins == ["http://127.0.0.1:8000", "http://localhost:8000"]


def test_loading_the_demo_again_adds_no_responses_and_changes_no_targets():
    load_demo()
    before = (
        Response.objects.count(),
        Comment.objects.count(),
        Target.objects.count(),
        CollectionPoint.objects.count(),
        DisplayCount.objects.aggregate(total=Sum("count"))["total"],
    )
    output = load_demo()
    after = (
        Response.objects.count(),
        Comment.objects.count(),
        Target.objects.count(),
        CollectionPoint.objects.count(),
        DisplayCount.objects.aggregate(total=Sum("count"))["total"],
    )
    assert before == after
    assert "all services                    0 /" in output


def test_a_load_on_a_later_day_adds_only_the_new_days():
    load_organisation()
    first_now = timezone.now() - timedelta(days=3)
    load_feedback(days=30, scale=0.1, now=first_now)
    stored = Response.objects.count()
    first_keys = set(Response.objects.values_list("idempotency_key", flat=True))

    load_feedback(days=30, scale=0.1)

    added = Response.objects.exclude(idempotency_key__in=first_keys)
    assert added.exists()
    assert Response.objects.count() == stored + added.count()
    assert not added.filter(responded_at__lte=first_now - timedelta(days=1)).exists()
    call_command("rebuild_rollups", "--check", stdout=StringIO())


def test_rollups_match_the_raw_answers_after_loading_the_demo():
    load_demo()
    out = StringIO()
    call_command("rebuild_rollups", "--check", stdout=out)
    assert "match" in out.getvalue()


def test_responses_come_in_every_language_group_and_channel_of_the_demo():
    load_demo()
    assert set(Response.objects.values_list("language", flat=True)) == {"fi", "sv", "en"}
    languages = Counter(Response.objects.values_list("language", flat=True))
    assert languages["fi"] > 5 * languages["sv"] > 5 * languages["en"] / 2
    groups = set(Response.objects.values_list("customer_group", flat=True))
    assert groups == {"private-person", "business", "organisation"}
    assert {"web", "phone", "chat", "service_point", "letter", "email"} <= set(
        Response.objects.values_list("channel", flat=True)
    )
    assert {"phone-queue", "front-desk", "application-form", "decision"} <= set(
        Response.objects.values_list("touchpoint", flat=True)
    )


def test_demo_comments_exist_in_finnish_swedish_and_english_and_vary():
    load_demo()
    by_language = Counter(Comment.objects.values_list("language", flat=True))
    assert set(by_language) == {"fi", "sv", "en"}
    share = Comment.objects.count() / Response.objects.count()
    assert 0.15 < share < 0.35
    assert Comment.objects.values("text").distinct().count() > 100
    assert Comment.objects.filter(text__icontains="jono").exists()


def test_no_stored_comment_contains_an_email_address_or_phone_number_from_the_templates(monkeypatch):
    monkeypatch.setattr(comments, "CONTACT_SHARE", 1.0)  # every unhappy customer leaves contact details
    load_organisation()
    load_feedback(days=20, scale=0.1)
    texts = list(Comment.objects.values_list("text", flat=True))
    for text in texts:
        assert not any(contact in text for contact in comments.PHONES + comments.EMAILS), text
        assert "@" not in text
    assert sum("[PHONE]" in text for text in texts) > 3
    assert sum("[EMAIL]" in text for text in texts) > 3


def test_targets_have_an_organisation_default_with_history_and_service_overrides():
    load_demo()
    csat = Metric.objects.get(code="csat", version=1)
    defaults = list(Target.objects.filter(metric=csat, service=None).order_by("valid_from"))
    assert [target.level for target in defaults] == [80, 85]
    assert Target.objects.in_force(csat).level == 85
    permit = Service.objects.get(slug="building-permit")
    assert Target.objects.in_force(csat, service=permit).level == 75
    assert Target.objects.filter(metric__code="ces", service=None).exists()


def test_widget_displays_give_a_response_rate_of_a_few_percent():
    load_demo()
    displays = DisplayCount.objects.aggregate(total=Sum("count"))["total"]
    answered = Response.objects.filter(collection_point__kind="widget").count()
    assert 0.03 <= answered / displays <= 0.08


def test_the_demo_tells_its_stories():
    load_organisation()
    load_feedback(days=160, scale=0.25)
    housing, advice, permit, chat, letters = (
        Service.objects.get(slug=slug)
        for slug in ("housing-allowance-online", "advice-line", "building-permit", "chat-advice", "decision-letters")
    )
    # The redesigned housing allowance application: satisfaction and ease up.
    assert score(housing, "csat", 70) - score(housing, "csat", 160, 100) > 8
    assert score(housing, "ease", 70) - score(housing, "ease", 160, 100) > 15
    # Queues on the advice line in the last two months.
    assert score(advice, "ces", 30) < score(advice, "ces", 160, 70) - 15
    assert score(advice, "csat", 30) < score(advice, "csat", 160, 70) - 8
    # Building permits are below their own target; the chat is high; letters are hard to read.
    assert score(permit, "csat", 160) < 75
    assert score(chat, "csat", 160) > 85
    assert score(letters, "ease", 160) < 60


def test_loading_again_keeps_the_displays_the_widget_counted_itself():
    load_demo()
    today = DisplayCount.objects.filter(collection_point__survey__service__slug="advice-line").order_by("-day").first()
    assert today.day == timezone.localdate()
    DisplayCount.objects.filter(pk=today.pk).update(count=today.count + 5)
    load_demo()
    assert DisplayCount.objects.get(pk=today.pk).count == today.count + 5
