"""Checking the alert subscriptions against the last complete week (run by `manage.py check_alerts`).

Three kinds: the metric's score of the week below the target in force; the score
N points or more below the week before's; and, for a theme, at least N negative
comments in the week and at least twice the weekly average of the four weeks
before. A breach is stored once per subscription and week (`Alert`, unique) and
notified once (the notification's key), so running the check again, or daily,
never repeats an alert. Scores come from the rollups through the one reader and
`Metric.score`, so a week with too few answers raises nothing.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from kuulo.alerts.models import Alert, Subscription
from kuulo.comments.models import CommentTheme
from kuulo.dashboards.figures import targets_in_force
from kuulo.feedback.histograms import histograms
from kuulo.feedback.models import Sentiment
from kuulo.lib.periods import Period, bucket_label
from kuulo.notifications.actions import notify
from kuulo.organisation.access import has_role
from kuulo.organisation.models import Role

BASELINE_WEEKS = 4
DEFAULT_DROP = 5  # points
DEFAULT_SPIKE = 5  # negative comments in a week


@dataclass(frozen=True)
class Breach:
    value: float
    reference: float


def last_complete_week(today: datetime.date) -> Period:
    monday = today - datetime.timedelta(days=today.weekday() + 7)
    return Period(monday, monday + datetime.timedelta(days=6))


def week_before(week: Period, weeks: int = 1) -> Period:
    return Period(week.start - datetime.timedelta(weeks=weeks), week.end - datetime.timedelta(weeks=weeks))


def weekly_scores(subscription: Subscription, weeks: list[Period]) -> dict[datetime.date, object]:
    """Monday → Score of the subscription's metric on its service, for each of `weeks`."""
    found = histograms(
        start=weeks[0].start,
        end=weeks[-1].end,
        services=[subscription.service_id],
        metrics=[subscription.metric_id],
        by=["week"],
    )
    return {week.start: subscription.metric.score(found.get((week.start,), {})) for week in weeks}


def negative_counts(subscription: Subscription, weeks: list[Period]) -> dict[datetime.date, int]:
    """Monday → negative comments of the subscription's service on its theme, for each of `weeks`."""
    start = timezone.make_aware(datetime.datetime.combine(weeks[0].start, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(weeks[-1].end + datetime.timedelta(days=1), datetime.time.min))
    moments = CommentTheme.objects.filter(
        theme_id=subscription.theme_id,
        comment__service_id=subscription.service_id,
        comment__sentiment=Sentiment.NEGATIVE,
        comment__responded_at__gte=start,
        comment__responded_at__lt=end,
    ).values_list("comment__responded_at", flat=True)
    counts = {week.start: 0 for week in weeks}
    for moment in moments:
        day = timezone.localdate(moment)
        counts[day - datetime.timedelta(days=day.weekday())] += 1
    return counts


def breach(subscription: Subscription, week: Period) -> Breach | None:
    kind = subscription.kind
    if kind == Subscription.Kind.BELOW_TARGET:
        levels = targets_in_force([subscription.metric], week.end)
        target = levels.get(
            (subscription.service_id, subscription.metric_id), levels.get((None, subscription.metric_id))
        )
        score = weekly_scores(subscription, [week])[week.start]
        if target is not None and not score.suppressed and score.value < target:
            return Breach(score.value, target)
    elif kind == Subscription.Kind.WEEKLY_DROP:
        before = week_before(week)
        scores = weekly_scores(subscription, [before, week])
        now, then = scores[week.start], scores[before.start]
        drop = subscription.threshold or DEFAULT_DROP
        if not now.suppressed and not then.suppressed and then.value - now.value >= drop:
            return Breach(now.value, then.value)
    elif kind == Subscription.Kind.NEGATIVE_SPIKE:
        weeks = [week_before(week, n) for n in range(BASELINE_WEEKS, 0, -1)] + [week]
        counts = negative_counts(subscription, weeks)
        count = counts[week.start]
        usual = sum(counts[earlier.start] for earlier in weeks[:-1]) / BASELINE_WEEKS
        if count >= (subscription.threshold or DEFAULT_SPIKE) and count >= 2 * usual:
            return Breach(count, usual)
    return None


def target_of(subscription: Subscription, day: datetime.date) -> float | None:
    """The level in force on `day` for the subscription's metric on its service (or the default)."""
    levels = targets_in_force([subscription.metric], day)
    return levels.get((subscription.service_id, subscription.metric_id), levels.get((None, subscription.metric_id)))


def check_alerts(today: datetime.date | None = None) -> int:
    """Checks every subscription against the last complete week; returns how many alerts were raised."""
    week = last_complete_week(today or timezone.localdate())
    raised = 0
    subscriptions = Subscription.objects.select_related("service", "user", "metric", "theme")
    for subscription in subscriptions:
        if not subscription.user.is_active or not has_role(subscription.user, subscription.service, Role.PRODUCT_OWNER):
            continue  # a subscriber who is no longer product owner gets nothing
        if Alert.objects.filter(subscription=subscription, period_start=week.start).exists():
            continue
        found = breach(subscription, week)
        if found is None:
            continue
        try:
            with transaction.atomic():
                alert = Alert.objects.create(
                    subscription=subscription,
                    period_start=week.start,
                    period_end=week.end,
                    value=found.value,
                    reference=found.reference,
                )
        except IntegrityError:  # a parallel run found it first
            continue
        send(alert)
        raised += 1
    return raised


def send(alert: Alert) -> None:
    """Notifies the subscriber in their own language, in the app and by e-mail, linking to the chart."""
    subscription = alert.subscription
    user = subscription.user
    with translation.override(user.language or None):
        params = describe(alert)
    url = reverse("alerts:alert_detail", args=[subscription.service_id, alert.pk])
    notify(user, "alert", url, key=f"alert:{alert.pk}", **params)


def describe(alert: Alert) -> dict:
    """The notification's parameters, in the active language: names and figures as text."""
    subscription = alert.subscription
    params = {
        "alert": subscription.kind,
        "service": str(subscription.service),
        "week": bucket_label(alert.period_start, "week"),
    }
    if subscription.kind == Subscription.Kind.NEGATIVE_SPIKE:
        params |= {
            "subject": str(subscription.theme),
            "value": alert.value,
            "reference": alert.reference,
            "rule": "count",
        }
    else:
        metric = subscription.metric
        params |= {
            "subject": str(metric.name),
            "value": alert.value,
            "reference": alert.reference,
            "rule": metric.rule,
        }
    return params
