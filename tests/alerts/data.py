"""Answers in chosen weeks, and args builders of tests/pages.py and tests/actions.py for the alerts."""

import datetime
import uuid

from django.utils import timezone

from kuulo.alerts.checks import check_alerts, last_complete_week
from kuulo.alerts.models import Subscription
from kuulo.feedback.actions import record_response
from kuulo.feedback.submissions import clean_submission
from kuulo.metrics.models import Metric, Target
from kuulo.organisation.models import Membership, Role
from tests.factories import published_survey
from tests.surveys.public_pages import ensure_metric_library


def answers_in_week(service, monday: datetime.date, values: list[int]) -> None:
    """CSAT answers on the Wednesday of the week beginning `monday`."""
    ensure_metric_library()
    version, point = published_survey(service=service, codes=("csat",), open_question=False)
    moment = timezone.make_aware(datetime.datetime.combine(monday + datetime.timedelta(days=2), datetime.time(12)))
    for value in values:
        data = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"csat": value}}
        submission = clean_submission(version, data)
        submission.responded_at = moment
        record_response(point, version, submission)


def owners_subscription(service) -> list:
    """The product owner's alert on CSAT below target: the args of its remove action."""
    owner = Membership.objects.get(service=service, role=Role.PRODUCT_OWNER).user
    ensure_metric_library()
    subscription = Subscription.objects.create(
        service=service, user=owner, kind="below_target", metric=Metric.objects.get(code="csat", version=1)
    )
    return [service.pk, subscription.pk]


def raised_alert(service) -> list:
    """A CSAT week below its target, checked: the args of the alert's page."""
    service_pk, _subscription_pk = owners_subscription(service)
    week = last_complete_week(timezone.localdate())
    answers_in_week(service, week.start, [1, 2, 3] * 4)
    Target.objects.create(metric=Metric.objects.get(code="csat", version=1), level=90, valid_from=week.start)
    check_alerts()
    return [service_pk, Subscription.objects.get(service=service).alerts.get().pk]
