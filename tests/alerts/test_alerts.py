import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kuulo.alerts.checks import check_alerts, last_complete_week, week_before
from kuulo.alerts.models import Alert, Subscription
from kuulo.comments.models import Theme
from kuulo.metrics.models import Metric, Target
from kuulo.notifications.models import Notification
from kuulo.organisation.models import Membership, Role
from tests.alerts.data import answers_in_week, raised_alert
from tests.comments.pages import make_comment
from tests.factories import MembershipFactory
from tests.surveys.public_pages import ensure_metric_library


@pytest.fixture
def csat(db):
    ensure_metric_library()
    return Metric.objects.get(code="csat", version=1)


@pytest.fixture
def week():
    return last_complete_week(timezone.localdate())


def settings_url(service) -> str:
    return reverse("alerts:alert_settings", args=[service.pk])


def test_a_product_owner_subscribes_and_a_week_below_target_is_alerted_once(
    client_as, service, product_owner, csat, week, django_capture_on_commit_callbacks
):
    Target.objects.create(metric=csat, level=90, valid_from=week.start)
    answers_in_week(service, week.start, [1, 2, 3, 4, 5] * 3)  # 40 % satisfied
    client = client_as("product_owner")
    response = client.post(settings_url(service), {"kind": "below_target", "metric": csat.pk})
    assert response.status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        assert check_alerts() == 1
        assert check_alerts() == 0  # the same breach in the same week is not alerted again

    notification = Notification.objects.get(recipient=product_owner, kind="alert")
    alert = Alert.objects.get()
    assert notification.url == reverse("alerts:alert_detail", args=[service.pk, alert.pk])
    assert len(mail.outbox) == 1 and notification.url in mail.outbox[0].body
    page = client.get(notification.url)
    content = page.content.decode()
    assert page.status_code == 200
    assert 'class="chart__target"' in content and "<svg" in content  # the chart that raised it
    assert f"metric={csat.pk}" in content  # and the way to the dashboard
    listed = client.get(reverse("notifications:notification_list")).content.decode()
    assert "40%" in listed and "90%" in listed  # English writes no space before %


def test_a_week_on_target_raises_nothing(service, product_owner, csat, week):
    Target.objects.create(metric=csat, level=50, valid_from=week.start)
    answers_in_week(service, week.start, [5] * 12)
    Subscription.objects.create(service=service, user=product_owner, kind="below_target", metric=csat)
    assert check_alerts() == 0


def test_a_week_with_too_few_answers_raises_nothing(service, product_owner, csat, week):
    Target.objects.create(metric=csat, level=90, valid_from=week.start)
    answers_in_week(service, week.start, [1] * 5)
    Subscription.objects.create(service=service, user=product_owner, kind="below_target", metric=csat)
    assert check_alerts() == 0


def test_a_drop_of_n_points_from_the_week_before_is_alerted(service, product_owner, csat, week):
    answers_in_week(service, week_before(week).start, [5] * 12)
    answers_in_week(service, week.start, [5] * 6 + [1] * 6)  # from 100 % to 50 %
    Subscription.objects.create(service=service, user=product_owner, kind="weekly_drop", metric=csat, threshold=60)
    assert check_alerts() == 0  # 50 points is less than 60
    Subscription.objects.update(threshold=40)
    assert check_alerts() == 1
    alert = Alert.objects.get()
    assert (alert.value, alert.reference) == (50, 100)


def test_a_spike_of_negative_comments_on_a_theme_is_alerted(client_as, service, product_owner, week):
    theme = Theme.objects.create(name_fi="Liitteet", kind="rule", service=service)
    today = timezone.localdate()
    for days_ago in ((today - week.start).days - 2,) * 6:
        make_comment(service, sentiment="negative", days_ago=days_ago, themes=[theme])
    make_comment(service, sentiment="negative", days_ago=(today - week.start).days + 10, themes=[theme])
    make_comment(service, sentiment="positive", days_ago=(today - week.start).days - 2, themes=[theme])
    Subscription.objects.create(service=service, user=product_owner, kind="negative_spike", theme=theme)
    assert check_alerts() == 1
    alert = Alert.objects.get()
    assert (alert.value, alert.reference) == (6, 0.25)
    page = client_as("product_owner").get(reverse("alerts:alert_detail", args=[service.pk, alert.pk]))
    assert "Liitteet" in page.content.decode() and "sentiment=negative" in page.content.decode()


def test_a_subscriber_who_is_no_longer_product_owner_gets_no_alert(service, product_owner, csat, week):
    Target.objects.create(metric=csat, level=90, valid_from=week.start)
    answers_in_week(service, week.start, [1] * 12)
    Subscription.objects.create(service=service, user=product_owner, kind="below_target", metric=csat)
    Membership.objects.filter(user=product_owner, service=service).update(role=Role.TEAM_MEMBER)
    assert check_alerts() == 0


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_may_subscribe(client_as, service, csat, role, status):
    client = client_as(role)
    assert client.get(settings_url(service)).status_code == status
    assert client.post(settings_url(service), {"kind": "below_target", "metric": csat.pk}).status_code == status
    assert not Subscription.objects.exists()


def test_an_alert_without_its_metric_or_theme_is_refused(client_as, service, csat):
    client = client_as("product_owner")
    response = client.post(settings_url(service), {"kind": "weekly_drop"})
    assert response.status_code == 422
    assert "Choose the metric to follow." in response.content.decode()
    response = client.post(settings_url(service), {"kind": "negative_spike", "metric": csat.pk})
    assert response.status_code == 422
    assert client.post(settings_url(service), {"kind": "below_target", "metric": csat.pk}).status_code == 302
    assert client.post(settings_url(service), {"kind": "below_target", "metric": csat.pk}).status_code == 422
    assert Subscription.objects.count() == 1


def test_another_product_owner_cannot_remove_an_alert(client, client_as, service, product_owner, csat):
    subscription = Subscription.objects.create(service=service, user=product_owner, kind="below_target", metric=csat)
    url = reverse("alerts:unsubscribe", args=[service.pk, subscription.pk])
    second = MembershipFactory(service=service, role=Role.PRODUCT_OWNER).user
    client.force_login(second)
    assert client.post(url).status_code == 404
    assert client_as("product_owner").post(url).status_code == 302
    assert not Subscription.objects.exists()


def test_an_alert_of_another_service_is_not_found(client_as, service, outsider):
    service_pk, alert_pk = raised_alert(service)
    other = Membership.objects.get(user=outsider).service
    assert client_as("outsider").get(reverse("alerts:alert_detail", args=[other.pk, alert_pk])).status_code == 404
    assert client_as("viewer").get(reverse("alerts:alert_detail", args=[service_pk, alert_pk])).status_code == 200


def test_the_week_checked_is_the_last_complete_one():
    wednesday = datetime.date(2026, 12, 9)
    assert last_complete_week(wednesday).start == datetime.date(2026, 11, 30)
    assert last_complete_week(wednesday).end == datetime.date(2026, 12, 6)
