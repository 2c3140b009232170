"""Customer journey maps: a map of phases, each of steps, with the lanes of each step (what the
customer does, thinks and feels, the channel, the touchpoint, what happens backstage, the
emotion per persona), the touchpoints whose live feedback the step shows, and the pain points
and opportunities found on the steps. Personas are shared by the maps of a service."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.organisation.models import Channel, LifeEvent, Service, Unit


class Process(models.TextChoices):
    """Where a phase or step lies against the organisation's own process."""

    BEFORE = "before", _("Before our process")
    OURS = "ours", _("Our process")
    AFTER = "after", _("After our process")


class Persona(models.Model):
    service = models.ForeignKey(Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="personas")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    needs = models.TextField(_("needs"), blank=True)
    customer_group = models.CharField(
        _("customer group"),
        max_length=64,
        blank=True,
        help_text=_("The customer group of the feedback that speaks for this persona."),
    )

    class Meta:
        verbose_name = _("persona")
        verbose_name_plural = _("personas")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class JourneyMap(models.Model):
    class Kind(models.TextChoices):
        CURRENT = "current", _("Current state")
        FUTURE = "future", _("Future state")
        RESEARCH = "research", _("Research")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("journey map", "Draft")
        ACTIVE = "active", pgettext_lazy("journey map", "In use")
        ARCHIVED = "archived", pgettext_lazy("journey map", "Archived")

    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="journey_maps",
        help_text=_("The service whose team keeps this map and whose feedback its steps show."),
    )
    life_event = models.ForeignKey(
        LifeEvent,
        verbose_name=_("life event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="journey_maps",
        help_text=_("Fill in when the map follows a life event that spans several services."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    persona = models.ForeignKey(
        Persona, verbose_name=_("persona"), null=True, blank=True, on_delete=models.SET_NULL, related_name="maps"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CURRENT)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        editable=False,
    )
    # The secret of the read-only share link for workshop participants without an account; empty: not shared.
    share_token = models.CharField(max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("journey map")
        verbose_name_plural = _("journey maps")
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["share_token"], condition=~models.Q(share_token=""), name="one_map_per_share_token"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("journeys:journey_detail", args=[self.service_id, self.pk])


class Phase(models.Model):
    journey = models.ForeignKey(
        JourneyMap, verbose_name=_("journey map"), on_delete=models.CASCADE, related_name="phases"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    process = models.CharField(_("part of the journey"), max_length=10, choices=Process.choices, default=Process.OURS)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Step(models.Model):
    """One step of a phase, with its lanes. `version` counts saves, so that a save made on an
    older copy of the step is refused rather than overwriting someone else's edit."""

    service = models.ForeignKey(Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="+")
    phase = models.ForeignKey(Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=200)
    process = models.CharField(_("part of the journey"), max_length=10, choices=Process.choices, default=Process.OURS)
    other_organisation = models.CharField(
        _("done by another organisation or unit"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty when the step is ours. For example: the tax administration, a bank."),
    )
    other_unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit in Kuulo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When another unit of our own organisation does the step."),
    )
    does = models.TextField(_("the customer does"), blank=True)
    thinks = models.TextField(_("the customer thinks"), blank=True)
    feels = models.TextField(_("the customer feels"), blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    touchpoint = models.CharField(_("touchpoint"), max_length=200, blank=True)
    backstage = models.TextField(
        _("backstage"), blank=True, help_text=_("What staff and systems do that the customer does not see.")
    )
    measured_touchpoints = models.JSONField(_("feedback from touchpoints"), default=list, blank=True)
    # On a copy (a future-state map), the step of the original it was copied from: its as-is values.
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("journeys:step_detail", args=[self.service_id, self.phase.journey_id, self.pk])

    @property
    def owner_text(self) -> str:
        return self.other_organisation or (str(self.other_unit) if self.other_unit_id else "")


class Emotion(models.Model):
    """How a persona feels at a step, from −2 (very bad) to +2 (very good)."""

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="emotions")
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="emotions")
    score = models.SmallIntegerField(_("emotion"), validators=[MinValueValidator(-2), MaxValueValidator(2)])

    class Meta:
        verbose_name = _("emotion")
        verbose_name_plural = _("emotions")
        constraints = [
            models.UniqueConstraint(fields=["step", "persona"], name="one_emotion_per_persona"),
            models.CheckConstraint(condition=models.Q(score__gte=-2, score__lte=2), name="emotion_within_scale"),
        ]


class PainPoint(models.Model):
    """Where the experience breaks at a step. Its evidence (comments, insights) is linked through
    kuulo.traceability."""

    service = models.ForeignKey(Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="+")
    step = models.ForeignKey(Step, verbose_name=_("step"), on_delete=models.CASCADE, related_name="pain_points")
    text = models.CharField(_("pain point"), max_length=300)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("pain point")
        verbose_name_plural = _("pain points")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return self.step.get_absolute_url()


class Opportunity(models.Model):
    """A chance to make a step better, scored for priority; it becomes backlog items through
    kuulo.traceability (opportunity → item)."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("opportunity", "Open")
        IN_PROGRESS = "in_progress", pgettext_lazy("opportunity", "In progress")
        SOLVED = "solved", pgettext_lazy("opportunity", "Solved")
        DISMISSED = "dismissed", pgettext_lazy("opportunity", "Dismissed")

    service = models.ForeignKey(Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="+")
    step = models.ForeignKey(Step, verbose_name=_("step"), on_delete=models.CASCADE, related_name="opportunities")
    title = models.CharField(_("opportunity"), max_length=300)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    customer_value = models.PositiveSmallIntegerField(
        _("value to customers"), default=50, validators=[MaxValueValidator(100)], help_text=_("0–100")
    )
    organisation_value = models.PositiveSmallIntegerField(
        _("value to the organisation"), default=50, validators=[MaxValueValidator(100)], help_text=_("0–100")
    )
    effort = models.PositiveSmallIntegerField(
        _("effort"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 (small) – 5 (large)"),
    )
    pain_points = models.ManyToManyField(
        PainPoint, verbose_name=_("pain points"), blank=True, related_name="opportunities"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(effort__gte=1, effort__lte=5), name="effort_within_scale"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.step.get_absolute_url()

    @property
    def priority(self) -> int:
        """The mean of the two values divided by the effort: 0–100, higher first."""
        return priority(self.customer_value, self.organisation_value, self.effort)


def priority(customer_value: int, organisation_value: int, effort: int) -> int:
    return round((customer_value + organisation_value) / 2 / max(effort, 1))
