"""The checkpoint report for the management team: one context for the page and the PDF.

As of the checkpoint's day (or today, while it lies ahead): each goal's
current value against its target (kuulo.plans.queries), the actions done since
the previous checkpoint (or since the plan's start, at the first one), the
late ones, the trends, and the measured effect of done items that name a
metric (kuulo.effects.effect, the same comparison as the effect pages).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.effects.effect import Measurement, item_effects
from kuulo.plans.models import Checkpoint, Plan
from kuulo.plans.queries import CURRENT_DAYS, GoalFigure, goal_figures, plan_actions

DONE = (BacklogItem.Status.DONE, BacklogItem.Status.VERIFIED)


@dataclass
class Report:
    plan: Plan
    checkpoint: Checkpoint
    previous: Checkpoint | None
    as_of: datetime.date
    since: datetime.date
    goals: list[GoalFigure]
    done: list[BacklogItem]
    late: list[BacklogItem]
    open_items: list[BacklogItem]
    effects: list[tuple[BacklogItem, Measurement]]
    attendees: list
    current_days: int = CURRENT_DAYS


def checkpoint_report(plan: Plan, checkpoint: Checkpoint) -> Report:
    today = timezone.localdate()
    day = timezone.localdate(checkpoint.starts_at)
    as_of = min(day, today)
    previous = plan.checkpoints.filter(starts_at__lt=checkpoint.starts_at).order_by("-starts_at").first()
    since = timezone.localdate(previous.starts_at) if previous else plan.starts_on
    items = plan_actions(plan, as_of)
    first_day = since + datetime.timedelta(days=1) if previous else since  # the previous checkpoint's day was reported
    done = [item for item in items if item.done_at and first_day <= item.done_at <= as_of]
    late = [item for item in items if item.is_late]
    open_items = [item for item in items if item.status not in DONE and item.status != BacklogItem.Status.DISMISSED]
    return Report(
        plan=plan,
        checkpoint=checkpoint,
        previous=previous,
        as_of=as_of,
        since=since,
        goals=goal_figures(plan, as_of),
        done=done,
        late=late,
        open_items=open_items,
        effects=effects_of([item for item in items if item.done_at and item.done_at <= as_of]),
        attendees=list(checkpoint.attendees.order_by("first_name", "last_name", "username")),
    )


def effects_of(items: list[BacklogItem]) -> list[tuple[BacklogItem, Measurement]]:
    """(item, measurement) of the done items that name a metric, newest first."""
    measured = item_effects(items)
    found = [(item, measured[item.pk]) for item in items if item.pk in measured]
    return sorted(found, key=lambda pair: pair[0].done_at, reverse=True)
