"""Swarms (kehittäjäparvet): time-boxed groups around a shared challenge across units; and
communities of practice with recurring meetups. Both may have guests of partner organisations
as members (kuulo.network.models.Guest)."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.organisation.models import Unit


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Swarm(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    challenge = models.TextField(_("shared challenge"))
    goal = models.TextField(_("goal"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitator"), on_delete=models.PROTECT, related_name="+"
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="swarms")
    units = models.ManyToManyField(Unit, verbose_name=_("units"), related_name="swarms")
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    outcome = models.TextField(_("outcome"), blank=True)
    ideas = models.ManyToManyField("network.Idea", verbose_name=_("ideas"), blank=True, related_name="swarms")
    insights = models.ManyToManyField("insights.Insight", blank=True, related_name="+")
    items = models.ManyToManyField("backlog.BacklogItem", blank=True, related_name="+")
    feed_token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("swarm")
        verbose_name_plural = _("swarms")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="swarm_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:swarm_detail", args=[self.pk])


class SwarmMeeting(models.Model):
    swarm = models.ForeignKey(Swarm, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    location = models.CharField(_("place or meeting link"), max_length=300, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["starts_at", "pk"]


class SwarmNote(models.Model):
    swarm = models.ForeignKey(Swarm, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class Community(models.Model):
    """A community of practice: meets regularly (an RRULE in its calendar feed) and discusses each
    meetup in its own thread."""

    class Frequency(models.TextChoices):
        WEEKLY = "WEEKLY", _("Every week")
        MONTHLY = "MONTHLY", _("Every month")

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what the community is about"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitator"), on_delete=models.PROTECT, related_name="+"
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="communities")
    first_meetup = models.DateTimeField(_("first meetup"))
    frequency = models.CharField(_("repeats"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY)
    interval = models.PositiveSmallIntegerField(
        _("every how many"), default=1, help_text=_("1: every week or month, 2: every other, and so on.")
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    location = models.CharField(_("place or meeting link"), max_length=300, blank=True)
    feed_token = models.CharField(max_length=64, unique=True, default=new_token)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("community of practice")
        verbose_name_plural = _("communities of practice")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:community_detail", args=[self.pk])


class MeetupPost(models.Model):
    """A message in the discussion thread of one meetup (by its date) of a community."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="posts")
    meetup_on = models.DateField(_("meetup"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
