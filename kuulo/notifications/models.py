"""Notifications to staff: stored with their parameters, put into words in the
recipient's language when shown or e-mailed (kuulo.notifications.texts)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        ITEM_ASSIGNED = "item_assigned", _("Item assigned")
        RETRO_ACTION_CREATED = "retro_action_created", _("Action from a retrospective")
        CHECKPOINT_UPCOMING = "checkpoint_upcoming", _("Upcoming checkpoint")
        ACCESSIBILITY_FEEDBACK_DUE = "accessibility_feedback_due", _("Accessibility feedback due")
        ALERT = "alert", _("Alert on a service's figures")
        HELP_REQUESTED = "help_requested", _("A colleague asks for help with a method")
        HELP_ANSWERED = "help_answered", _("Your request for help was answered")
        IDEA_STATUS = "idea_status", _("Status of an idea you follow")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=400, blank=True)
    # Makes a notification once-only (e.g. one reminder per checkpoint); empty for the others.
    key = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], condition=~Q(key=""), name="one_notification_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"


class NotificationPreference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email = models.BooleanField(_("Also send my notifications by e-mail"), default=True)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
