"""Decide: the product owner's backlog of a service.

A backlog item's evidence (comments, insights) is linked to it through
kuulo.traceability; the item names the effect it should have (a metric, a
direction, a target) and keeps its change history, so the chain evidence →
item → done → effect can be followed both ways (DESIGN §4).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    UP = "up", _("Up")
    DOWN = "down", _("Down")


class BacklogItem(models.Model):
    class Kind(models.TextChoices):
        FIX = "fix", _("Fix")
        IMPROVEMENT = "improvement", _("Improvement")
        FEATURE = "feature", _("New feature")
        EXPERIMENT = "experiment", _("Experiment")
        RESEARCH = "research", _("Research")

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        READY = "ready", _("Ready")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        VERIFIED = "verified", _("Effect verified")
        DISMISSED = "dismissed", _("Dismissed")

    class Horizon(models.TextChoices):
        NOW = "now", _("Now")
        NEXT = "next", _("Next")
        LATER = "later", _("Later")

    service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service"), on_delete=models.CASCADE, related_name="backlog_items"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.IMPROVEMENT)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.IDEA)
    rank = models.PositiveIntegerField(_("rank"), default=0, help_text=_("1 is the most important."))
    value = models.PositiveSmallIntegerField(_("value"), null=True, blank=True, help_text=_("1 (low) to 5 (high)."))
    effort = models.PositiveSmallIntegerField(
        _("effort"), null=True, blank=True, help_text=_("1 (small) to 5 (large).")
    )
    tags = models.ManyToManyField("insights.Tag", verbose_name=_("tags"), blank=True, related_name="backlog_items")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_items",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    blocked_reason = models.CharField(
        _("blocked by"), max_length=200, blank=True, help_text=_("Leave empty unless the work cannot go on.")
    )
    # The effect the item should have: a metric, a direction and a target level.
    expected_metric = models.ForeignKey(
        "metrics.Metric",
        verbose_name=_("metric it should move"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    expected_direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP, blank=True
    )
    expected_target = models.FloatField(_("target level"), null=True, blank=True)
    # Roadmap: a horizon and, optionally, the month it is planned for (the first day of that month).
    horizon = models.CharField(_("horizon"), max_length=5, choices=Horizon.choices, blank=True)
    planned_month = models.DateField(_("planned month"), null=True, blank=True)
    done_at = models.DateField(_("done on"), null=True, blank=True)
    retro = models.ForeignKey(
        "board.Retro",
        verbose_name=_("retrospective"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    # "You said, we did": published by the product owner, in the customer's languages.
    published = models.BooleanField(_("show on the public page"), default=False)
    we_did_fi = models.TextField(_("what we did, in Finnish"), blank=True)
    we_did_sv = models.TextField(_("what we did, in Swedish"), blank=True)
    we_did_en = models.TextField(_("what we did, in English"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("backlog item")
        verbose_name_plural = _("backlog items")
        ordering = ["rank", "id"]
        indexes = [models.Index(fields=["service", "status", "rank"])]

    def __str__(self) -> str:
        return self.title


class ItemChange(models.Model):
    """One change to an item: what field, from what, to what, by whom."""

    item = models.ForeignKey(BacklogItem, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    field = models.CharField(max_length=40)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["item", "changed_at"])]


class PublicQuote(models.Model):
    """A comment linked to an item as evidence that a product owner approved for quoting on the
    public "you said, we did" page. It belongs to the link, so it goes when the comment is unlinked."""

    link = models.OneToOneField("traceability.Link", on_delete=models.CASCADE, related_name="public_quote")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("quote on the public page")
        verbose_name_plural = _("quotes on the public page")
