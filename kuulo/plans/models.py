"""Follow up: development plans with goals, the actions that serve them and
checkpoints where the management team reviews progress.

A plan belongs to a unit or to a service. Checkpoints are published as an
iCalendar feed at a secret address (calendar programs cannot log in), per plan
and per person (every checkpoint they attend). An archived plan stays readable
but leaves the active lists and cannot be changed until it is unarchived.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class Plan(models.Model):
    title = models.CharField(_("title"), max_length=200)
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="plans",
    )
    service = models.ForeignKey(
        "organisation.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="plans",
    )
    responsible_team = models.CharField(_("responsible team"), max_length=200, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    actions = models.ManyToManyField("backlog.BacklogItem", verbose_name=_("actions"), blank=True, related_name="plans")
    feed_token = models.CharField(max_length=40, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=True, service__isnull=False)
                | models.Q(unit__isnull=False, service__isnull=True),
                name="plan_for_a_unit_or_a_service",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Goal(models.Model):
    class Term(models.TextChoices):
        SHORT = "short", _("Short term")
        LONG = "long", _("Long term")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    term = models.CharField(_("term"), max_length=5, choices=Term.choices, default=Term.SHORT)
    text = models.TextField(_("goal"))
    # A measurable goal names a metric, a target level and a date; a written goal needs only its text.
    metric = models.ForeignKey(
        "metrics.Metric", verbose_name=_("metric"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    service = models.ForeignKey(
        "organisation.Service",
        verbose_name=_("measured on service"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a unit's plan: the service whose metric is followed. Empty: all the unit's services."),
    )
    target_level = models.FloatField(_("target level"), null=True, blank=True)
    target_date = models.DateField(_("by"), null=True, blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["term", "target_date", "id"]


class Checkpoint(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="checkpoints")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=60)
    location = models.CharField(_("place"), max_length=200, blank=True)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("attendees"), blank=True, related_name="checkpoints"
    )
    notes = models.TextField(_("notes"), blank=True)
    sequence = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE: raised on every change

    class Meta:
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")
        ordering = ["starts_at"]


class PersonalFeed(models.Model):
    """A person's own calendar address: every checkpoint they attend, across the plans they may read."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkpoint_feed")
    token = models.CharField(max_length=40, unique=True, default=new_feed_token, editable=False)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")
