"""Changes to development plans that go beyond saving one form."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kuulo.plans.models import Checkpoint, PersonalFeed, Plan, new_feed_token


@transaction.atomic
def save_checkpoint(form, plan: Plan) -> Checkpoint:
    """Saves a checkpoint form; a change to an existing checkpoint raises its SEQUENCE
    so that subscribed calendars replace the event they hold."""
    checkpoint = form.save(commit=False)
    checkpoint.plan = plan
    if checkpoint.pk is not None:
        checkpoint.sequence = F("sequence") + 1
    checkpoint.save()
    form.save_m2m()
    checkpoint.refresh_from_db(fields=["sequence"])
    return checkpoint


def rotate_feed_token(plan: Plan) -> str:
    """A new secret address for the plan's calendar feed; the old one stops working."""
    plan.feed_token = new_feed_token()
    plan.save(update_fields=["feed_token"])
    return plan.feed_token


def set_actions(plan: Plan, items) -> None:
    plan.actions.set(items)


def archive_plan(plan: Plan) -> None:
    """Takes the plan out of use: it leaves the active lists and its upcoming checkpoints leave the calendar feeds."""
    if plan.archived_at is None:
        plan.archived_at = timezone.now()
        plan.save(update_fields=["archived_at"])


def unarchive_plan(plan: Plan) -> None:
    plan.archived_at = None
    plan.save(update_fields=["archived_at"])


def delete_plan(plan: Plan) -> None:
    """Deletes the plan with its goals and checkpoints. Its actions are backlog items of their
    services: they stay, only their link to the plan goes."""
    plan.delete()  # the links to its backlog items go with it (the many-to-many rows), never the items


def personal_feed(user) -> PersonalFeed:
    """The user's own calendar address, made on first use."""
    feed, _created = PersonalFeed.objects.get_or_create(user=user)
    return feed


def rotate_personal_feed(user) -> PersonalFeed:
    """A new secret address for the user's own calendar; the old one stops working."""
    feed = personal_feed(user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed
