"""Effect maps (effektkarta, vaikutuskartta, impact map): why → who → how → what.

A map has one measurable goal (a metric, a target and a date, or a goal of a development plan);
its actors are the target groups who can help or obstruct the goal, in priority order; each actor
has impacts, the change in behaviour wanted (with the actor's own need); each impact has the
deliverables that could bring it about, in order of contribution. A deliverable becomes backlog
items through kuulo.traceability (deliverable → item); the goal and each impact are followed with
a metric, measured by kuulo.effects from the first deliverable done."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.backlog.models import Direction
from kuulo.organisation.models import Service


class EffectMap(models.Model):
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="effect_maps"
    )
    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("goal"), help_text=_("Why: the change the organisation wants, in one or two sentences."))
    plan_goal = models.ForeignKey(
        "plans.Goal",
        verbose_name=_("goal of a development plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose when the goal comes from a development plan; its metric, target and date are used."),
    )
    metric = models.ForeignKey(
        "metrics.Metric",
        verbose_name=_("metric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The metric the goal is measured with."),
    )
    direction = models.CharField(_("direction"), max_length=4, choices=Direction.choices, default=Direction.UP)
    target_level = models.FloatField(_("target level"), null=True, blank=True)
    target_date = models.DateField(_("by"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("effect map")
        verbose_name_plural = _("effect maps")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("effectmaps:map_detail", args=[self.service_id, self.pk])

    @property
    def goal_metric(self):
        """The metric the goal is followed with: its own, or its plan goal's."""
        if self.metric_id or not self.plan_goal_id:
            return self.metric
        return self.plan_goal.metric

    @property
    def goal_target(self) -> tuple[float | None, object]:
        if self.metric_id or not self.plan_goal_id:
            return self.target_level, self.target_date
        return self.plan_goal.target_level, self.plan_goal.target_date


class Actor(models.Model):
    """Who: a target group or party whose behaviour the goal depends on; it may obstruct it."""

    effect_map = models.ForeignKey(
        EffectMap, verbose_name=_("effect map"), on_delete=models.CASCADE, related_name="actors"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    name = models.CharField(_("who"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    obstructs = models.BooleanField(
        _("may obstruct the goal"), default=False, help_text=_("Tick when this group may work against the goal.")
    )

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Impact(models.Model):
    """How: the change in the actor's behaviour that serves the goal, with the actor's own need."""

    actor = models.ForeignKey(Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="impacts")
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.CharField(_("impact"), max_length=300, help_text=_("The change in behaviour we want to see."))
    need = models.TextField(_("their own need"), blank=True, help_text=_("What the group itself wants to achieve."))
    metric = models.ForeignKey(
        "metrics.Metric",
        verbose_name=_("metric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The metric the impact is followed with."),
    )
    direction = models.CharField(_("direction"), max_length=4, choices=Direction.choices, default=Direction.UP)
    step = models.ForeignKey(
        "journeys.Step",
        verbose_name=_("step of a customer journey"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("impact")
        verbose_name_plural = _("impacts")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Deliverable(models.Model):
    """What: something the organisation can do or build to bring an impact about."""

    service = models.ForeignKey(Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="+")
    impact = models.ForeignKey(Impact, verbose_name=_("impact"), on_delete=models.CASCADE, related_name="deliverables")
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("deliverable"), max_length=300)
    contribution = models.PositiveSmallIntegerField(
        _("contribution"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("How much it helps the impact: 1 (a little) – 5 (a lot)."),
    )

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contribution__gte=1, contribution__lte=5), name="contribution_within_scale"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("effectmaps:map_detail", args=[self.service_id, self.impact.actor.effect_map_id]) + (
            f"#deliverable-{self.pk}"
        )
