"""The verbs of the idea board. None checks access: the views do (kuulo.network.access)."""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from kuulo.backlog import actions as backlog_actions
from kuulo.backlog.models import BacklogItem
from kuulo.network.models import Attachment, Follow, Guest, Idea, IdeaComment, StatusChange, Vote
from kuulo.notifications.actions import notify
from kuulo.traceability import actions as links
from kuulo.traceability import queries as link_queries


class VotesFrozen(Exception):
    """The idea is done, declined or a duplicate: its votes no longer change."""


@transaction.atomic
def post_idea(user, *, title: str, description: str, services=(), life_events=(), files=()) -> Idea:
    """A new open idea; its author follows it and votes for it."""
    idea = Idea.objects.create(title=title, description=description, author=user)
    idea.services.set(services)
    idea.life_events.set(life_events)
    for upload in files:
        add_attachment(idea, user, upload)
    Follow.objects.create(idea=idea, follower=user)
    Vote.objects.create(idea=idea, voter=user)
    return idea


def add_attachment(idea: Idea, user, upload) -> Attachment:
    data = upload.read()
    return Attachment.objects.create(
        idea=idea,
        name=upload.name[:200],
        content_type=(getattr(upload, "content_type", "") or "application/octet-stream")[:100],
        size=len(data),
        data=data,
        added_by=user,
    )


def vote(idea: Idea, user) -> bool:
    """Adds the user's vote; True when it was new. Safe under concurrent votes: the database's
    unique constraint decides, and the losing insert counts as "already voted"."""
    if idea.votes_frozen:
        raise VotesFrozen
    try:
        with transaction.atomic():
            Vote.objects.create(idea=idea, voter=user)
    except IntegrityError:
        return False
    return True


def remove_vote(idea: Idea, user) -> bool:
    if idea.votes_frozen:
        raise VotesFrozen
    deleted, _by_model = Vote.objects.filter(idea=idea, voter=user).delete()
    return bool(deleted)


def follow(idea: Idea, user) -> None:
    try:
        with transaction.atomic():
            Follow.objects.create(idea=idea, follower=user)
    except IntegrityError:
        pass


def unfollow(idea: Idea, user) -> None:
    Follow.objects.filter(idea=idea, follower=user).delete()


def add_comment(idea: Idea, user, text: str) -> IdeaComment:
    comment = IdeaComment.objects.create(idea=idea, author=user, text=text)
    follow(idea, user)
    return comment


def _tell_followers(idea: Idea, by, status: str) -> None:
    """Notifies the idea's followers (but not the one who made the change) of its new status, each
    in their own language."""
    for following in Follow.objects.filter(idea=idea).select_related("follower"):
        user = following.follower
        if by is not None and user.pk == by.pk:
            continue
        with translation.override(user.language or None):
            label = str(Idea.Status(status).label)
        notify(user, "idea_status", idea.get_absolute_url(), title=idea.title, status=label)


def _merge_into(duplicate: Idea, original: Idea) -> None:
    """The duplicate's votes and followers join the original (one each per person)."""
    voters = Vote.objects.filter(idea=original).values("voter")
    Vote.objects.bulk_create(
        [
            Vote(idea=original, voter_id=v)
            for v in duplicate.votes.exclude(voter__in=voters).values_list("voter", flat=True)
        ]
    )
    followers = Follow.objects.filter(idea=original).values("follower")
    Follow.objects.bulk_create(
        [
            Follow(idea=original, follower_id=f)
            for f in duplicate.follows.exclude(follower__in=followers).values_list("follower", flat=True)
        ]
    )


@transaction.atomic
def change_status(idea: Idea, user, status: str, response: str, *, duplicate_of: Idea | None = None) -> StatusChange:
    """Moves the idea to `status` with an official response and tells its followers. A duplicate
    names its original, into which its votes and followers merge."""
    status = Idea.Status(status)
    if status == Idea.Status.DUPLICATE:
        if duplicate_of is None or duplicate_of.pk == idea.pk:
            raise ValueError("A duplicate names another idea as its original.")
        Idea.objects.select_for_update().filter(pk__in=[idea.pk, duplicate_of.pk]).exists()
        _merge_into(idea, duplicate_of)
        idea.duplicate_of = duplicate_of
    else:
        idea.duplicate_of = None
    old = idea.status
    idea.status = status
    idea.save(update_fields=["status", "duplicate_of", "updated_at"])
    change = StatusChange.objects.create(idea=idea, old=old, new=status, response=response, changed_by=user)
    _tell_followers(idea, user, status)
    return change


@transaction.atomic
def promote_idea(idea: Idea, user, service, *, title: str, response: str) -> BacklogItem:
    """A new backlog item of `service` from the idea, linked idea → item in the traceability
    registry; an idea still open or under review becomes planned, with the response."""
    item = backlog_actions.create_item(service, user, title=title, description=idea.description)
    idea.service = service
    idea.save(update_fields=["service", "updated_at"])
    links.link(idea, item, user)
    if idea.status in (Idea.Status.OPEN, Idea.Status.UNDER_REVIEW):
        change_status(idea, user, Idea.Status.PLANNED, response)
    return item


def promoted_items(idea: Idea) -> list[BacklogItem]:
    return link_queries.targets("idea", [idea.pk], "item").get(idea.pk, [])


def promoted_item_changed(item: BacklogItem, origin: str) -> None:
    """Hook of the backlog: when an item an idea became is done, the idea is done too (a status
    change without a written response: the page says the backlog item was done) and its
    followers hear of it."""
    if item.status != BacklogItem.Status.DONE:
        return
    for idea in link_queries.sources("item", [item.pk], "idea").get(item.pk, []):
        if idea.status not in Idea.CLOSED:
            change_status(idea, None, Idea.Status.DONE, "")


@transaction.atomic
def make_guest(user, organisation: str, invited_by=None) -> Guest:
    """Makes `user` a guest of a partner organisation and logs them out everywhere, so that their
    next login knows they are a guest (kuulo.network.middleware)."""
    from django.contrib.sessions.models import Session

    guest, _created = Guest.objects.update_or_create(
        user=user, defaults={"organisation": organisation, "invited_by": invited_by}
    )
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
    return guest
