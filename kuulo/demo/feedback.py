"""Months of demo feedback: a live survey on every demo service and the
responses its customers gave, stored through the same path as real ones.

Every day of every service is generated from its own seeded random stream,
and every response has an idempotency key `demo-<slug>-<yyyymmdd>-<n>`, so
loading again adds only what is new: the days since the last load, and the
part of today that has passed since. Days already stored are not generated
again, which keeps a second load fast.

The stories (who is satisfied with what, and how that changes) live in
`kuulo.demo.stories`; the comments in `kuulo.demo.comments`.
"""

import math
import random
from bisect import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Max
from django.utils import timezone

from kuulo.demo import comments, stories
from kuulo.demo.surveys import DemoSurvey, ensure_surveys, ensure_targets
from kuulo.feedback.actions import record_many
from kuulo.feedback.models import DisplayCount, Response
from kuulo.feedback.submissions import Submission, questions_of
from kuulo.organisation.models import Service
from kuulo.surveys.models import CollectionPoint, Question

DAYS = 270  # about nine months up to today
CHUNK = 2000  # submissions per transaction
SKIP_SHARE = 0.04  # of optional questions a respondent leaves unanswered
HOLIDAYS = {(1, 1), (1, 6), (5, 1), (12, 6), (12, 24), (12, 25), (12, 26)}  # count as Sundays


@dataclass
class Loaded:
    service: Service
    added: int
    total: int


def load_feedback(*, days: int = DAYS, scale: float = 1.0, now: datetime | None = None) -> list[Loaded]:
    """Surveys, targets and `days` days of responses for every demo service.

    `scale` multiplies the volume (1.0 gives about 30,000 responses in nine
    months); the tests load a small slice."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    start = today - timedelta(days=days - 1)
    services = {service.slug: service for service in Service.objects.filter(slug__in=stories.PROFILES)}
    published_at = _at(start - timedelta(days=7), time(9))
    surveys = ensure_surveys(services, published_at)
    ensure_targets(services, today)
    loaded = []
    for slug, demo in surveys.items():
        added = _load_service(demo, stories.PROFILES[slug], start, today, now, scale)
        loaded.append(Loaded(demo.service, added, Response.objects.filter(service=demo.service).count()))
    return loaded


def _load_service(
    demo: DemoSurvey, profile: stories.Profile, start: date, today: date, now: datetime, scale: float
) -> int:
    slug = demo.service.slug
    stored = Response.objects.filter(service=demo.service, idempotency_key__startswith=f"demo-{slug}-")
    last = stored.aggregate(last=Max("responded_at"))["last"]
    first_day = max(start, timezone.localdate(last)) if last else start
    existing = set(stored.filter(responded_at__gte=_at(first_day, time(0))).values_list("idempotency_key", flat=True))

    fresh: dict[str, list[Submission]] = defaultdict(list)
    widget_per_day: Counter = Counter()
    day = first_day
    while day <= today:
        for kind, submission in _respondents(demo, profile, day, today, scale):
            if submission.responded_at > now:
                continue
            if kind == CollectionPoint.Kind.WIDGET:
                widget_per_day[day] += 1
            if submission.idempotency_key not in existing:
                fresh[kind].append(submission)
        day += timedelta(days=1)

    added = 0
    for kind, submissions in fresh.items():
        for offset in range(0, len(submissions), CHUNK):
            created, _ = record_many(demo.points[kind], demo.version, submissions[offset : offset + CHUNK])
            added += created
    _count_displays(demo, profile, first_day, now, widget_per_day, scale)
    return added


def _respondents(demo: DemoSurvey, profile: stories.Profile, day: date, today: date, scale: float):
    """(collection point kind, Submission) for everyone who answered on `day`."""
    slug = demo.service.slug
    rng = random.Random(f"{slug}/{day.isoformat()}")
    days_ago = (today - day).days
    mean = _volume(profile, day) * scale
    level = stories.latent(profile.csat(days_ago))
    offsets = profile.offsets(days_ago)
    questions = questions_of(demo.version)
    hours, hour_weights = zip(*profile.hours.items(), strict=True)
    specs = demo.specs
    for n in range(_poisson(rng, mean)):
        moment = _at(day, time(rng.choices(hours, hour_weights)[0], rng.randrange(60), rng.randrange(60)))
        spec = rng.choices(specs, [spec.share for spec in specs])[0]
        touchpoint = _touchpoint(rng, slug, profile, moment.hour)
        group = _weighted(rng, profile.groups)
        language = _weighted(rng, stories.LANGUAGES)
        shift = profile.touchpoints[touchpoint][1] + stories.LANGUAGE_SHIFT[language] + stories.GROUP_SHIFT[group]
        satisfaction = rng.gauss(level + shift, 1.0)
        answers, csat = _answers(rng, questions, satisfaction, offsets)
        submission = Submission(
            idempotency_key=f"demo-{slug}-{day:%Y%m%d}-{n}",
            language=language,
            channel=spec.channel,
            customer_group=group,
            touchpoint=touchpoint,
            answers=answers,
            responded_at=moment,
        )
        if comments.wants_to_comment(rng, csat):
            text = comments.write_comment(rng, slug, touchpoint, csat, language, days_ago)
            submission.comments = {demo.open_question.pk: text}
        yield spec.kind, submission


def _answers(rng: random.Random, questions: list[Question], satisfaction: float, offsets: dict) -> tuple[dict, int]:
    """One respondent's answers: their satisfaction, the metric's offset and noise, cut into its scale."""
    answers, csat = {}, 3
    for question in questions:
        if question.kind != Question.Kind.METRIC:
            continue
        metric = question.metric
        if metric.code != "csat" and rng.random() < SKIP_SHARE:
            continue
        cuts = stories.CUTS[metric.scale_max - metric.scale_min + 1]
        centre = satisfaction + offsets.get(metric.code, 0.0)
        values = [
            metric.scale_min + bisect(cuts, centre + rng.gauss(0, stories.NOISE)) for _ in range(metric.item_count)
        ]
        answers[question.pk] = values
        if metric.code == "csat":
            csat = values[0]
    return answers, csat


def _touchpoint(rng: random.Random, slug: str, profile: stories.Profile, hour: int) -> str:
    if slug == "chat-advice":  # people answer the chat in the evening: the chatbot does
        return "chatbot" if hour >= 16 or rng.random() < 0.12 else "chat-agent"
    return _weighted(rng, {name: weight for name, (weight, _) in profile.touchpoints.items()})


def _volume(profile: stories.Profile, day: date) -> float:
    resting = day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS
    volume = profile.weekend if resting else profile.weekday
    if not resting:
        volume *= {0: 1.15, 4: 0.85}.get(day.weekday(), 1.0)  # Mondays busy, Fridays quiet
    return volume * (stories.MONTHS[day.month] if profile.seasonal else 1.0)


def _count_displays(
    demo: DemoSurvey, profile: stories.Profile, first: date, now: datetime, answered: Counter, scale: float
) -> None:
    """Widget displays per day, so the response rate comes out near the profile's."""
    point = demo.points[CollectionPoint.Kind.WIDGET]
    share = next(spec.share for spec in demo.specs if spec.kind == CollectionPoint.Kind.WIDGET)
    today = timezone.localdate(now)
    rows = []
    day = first
    while day <= today:
        rng = random.Random(f"{demo.service.slug}/displays/{day.isoformat()}")
        expected = _volume(profile, day) * scale * share / (profile.response_rate * rng.uniform(0.85, 1.15))
        if day == today:  # only the part of the day that has passed
            expected *= (now - _at(today, time(0))) / timedelta(days=1)
        rows.append(DisplayCount(collection_point=point, day=day, count=max(answered[day], round(expected))))
        day += timedelta(days=1)
    # Days already counted keep their count: the widget itself adds to it when the demo runs.
    DisplayCount.objects.bulk_create(rows, ignore_conflicts=True)


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=timezone.get_current_timezone())
