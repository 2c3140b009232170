"""The internal developer network: the staff idea board (ideas, votes, followers, comments,
status changes with their official responses, attachments) and the guests of partner
organisations, who see only what they are invited to."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.organisation.models import LifeEvent, Service


class Guest(models.Model):
    """A person of a partner organisation: a user with this profile is not staff. A guest sees only
    the swarms and communities they are invited to; every other page answers 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="guest_profile"
    )
    organisation = models.CharField(_("partner organisation"), max_length=200)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class Idea(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("idea status", "Open")
        UNDER_REVIEW = "under_review", pgettext_lazy("idea status", "Under review")
        PLANNED = "planned", pgettext_lazy("idea status", "Planned")
        STARTED = "started", pgettext_lazy("idea status", "Started")
        DONE = "done", pgettext_lazy("idea status", "Done")
        DECLINED = "declined", pgettext_lazy("idea status", "Declined")
        DUPLICATE = "duplicate", pgettext_lazy("idea status", "Duplicate")

    # Votes are frozen in these: the idea's fate is decided.
    CLOSED = (Status.DONE, Status.DECLINED, Status.DUPLICATE)

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="ideas"
    )
    services = models.ManyToManyField(
        Service, verbose_name=_("services"), blank=True, related_name="ideas", help_text=_("The services it touches.")
    )
    life_events = models.ManyToManyField(
        LifeEvent,
        verbose_name=_("life events"),
        blank=True,
        related_name="ideas",
        help_text=_("The customers' life events it touches."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    duplicate_of = models.ForeignKey(
        "self", verbose_name=_("duplicate of"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The service whose backlog item the idea became (its side of the traceability link).
    service = models.ForeignKey(
        Service,
        verbose_name=_("promoted to the backlog of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="promoted_ideas",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-created_at"], name="idea_status_created")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:idea_detail", args=[self.pk])

    @property
    def votes_frozen(self) -> bool:
        return self.status in self.CLOSED


class Vote(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["idea", "voter"], name="one_vote_per_person")]


class Follow(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [models.UniqueConstraint(fields=["idea", "follower"], name="one_follow_per_person")]


class IdeaComment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment on an idea")
        verbose_name_plural = _("comments on ideas")
        ordering = ["created_at", "pk"]


class StatusChange(models.Model):
    """A status change with the official response that the idea's followers are told."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="status_changes")
    old = models.CharField(max_length=20, choices=Idea.Status.choices)
    new = models.CharField(max_length=20, choices=Idea.Status.choices)
    response = models.TextField(_("official response"), blank=True)  # empty: made by Kuulo itself
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]


class Attachment(models.Model):
    """A file attached to an idea, kept in the database (ideas' attachments are small)."""

    MAX_BYTES = 5 * 1024 * 1024

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class PublicBoard(models.Model):
    """Whether the organisation (one per installation, as organisation.Organisation.current()) opens
    a public idea board for its customers: off by default. One row at most."""

    enabled = models.BooleanField(
        _("open the public idea board"),
        default=False,
        help_text=_("Customers may then post ideas without an account. Each is published only after moderation."),
    )

    class Meta:
        verbose_name = _("public idea board")

    @classmethod
    def is_open(cls) -> bool:
        return cls.objects.filter(enabled=True).exists()

    @classmethod
    def current(cls) -> "PublicBoard":
        return cls.objects.order_by("pk").first() or cls.objects.create()


class PublicIdea(models.Model):
    """A customer's idea from the public board: kept apart from the staff's ideas, shown to the
    public only once an organisation admin has published it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    suspect_reason = models.CharField(_("why it looks automated"), max_length=20, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("customer's idea")
        verbose_name_plural = _("customers' ideas")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["status", "-received_at"], name="public_idea_status")]

    def __str__(self) -> str:
        return self.title


# The other models of the app live in their own modules; importing them here registers them.
from kuulo.network.people_models import PersonProfile, SkillTag  # noqa: E402
from kuulo.network.swarm_models import Community, MeetupPost, Swarm, SwarmMeeting, SwarmNote  # noqa: E402

__all__ = [
    "Attachment",
    "Community",
    "Follow",
    "Guest",
    "Idea",
    "IdeaComment",
    "MeetupPost",
    "PersonProfile",
    "PublicBoard",
    "PublicIdea",
    "SkillTag",
    "StatusChange",
    "Swarm",
    "SwarmMeeting",
    "SwarmNote",
    "Vote",
]
