from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuulo.effectmaps.models import Actor, Deliverable, EffectMap, Impact
from kuulo.journeys.models import Step
from kuulo.metrics.models import Metric
from kuulo.plans.models import Goal

DATE = {"type": "date"}


def _metrics():
    return Metric.objects.filter(is_active=True).order_by("code", "-version")


class EffectMapForm(forms.ModelForm):
    """The goal is measurable by its own metric, target and date, or by a goal of a plan."""

    class Meta:
        model = EffectMap
        fields = ["title", "goal", "plan_goal", "metric", "direction", "target_level", "target_date"]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "target_date": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        }

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].queryset = _metrics()
        self.fields["plan_goal"].queryset = (
            Goal.objects.filter(Q(plan__service=service) | Q(plan__unit_id=service.unit_id, plan__service__isnull=True))
            .filter(plan__archived_at__isnull=True)
            .select_related("plan")
            .order_by("plan__title", "id")
        )
        self.fields["plan_goal"].label_from_instance = lambda goal: f"{goal.plan.title}: {goal.text[:80]}"

    def clean(self):
        data = super().clean()
        if data.get("target_level") is not None and data.get("metric") is None:
            self.add_error("metric", _("Choose the metric the target level is for."))
        return data


class ActorForm(forms.ModelForm):
    class Meta:
        model = Actor
        fields = ["name", "description", "obstructs"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class ImpactForm(forms.ModelForm):
    class Meta:
        model = Impact
        fields = ["text", "need", "metric", "direction", "step"]
        widgets = {"need": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].queryset = _metrics()
        self.fields["step"].queryset = (
            Step.objects.filter(service=service)
            .select_related("phase__journey")
            .order_by("phase__journey__title", "phase__position", "position")
        )
        self.fields["step"].label_from_instance = lambda step: f"{step.phase.journey.title}: {step.name}"


class DeliverableForm(forms.ModelForm):
    class Meta:
        model = Deliverable
        fields = ["title", "contribution"]


class ItemFromDeliverableForm(forms.Form):
    deliverable = forms.ModelChoiceField(label=_("Deliverable"), queryset=Deliverable.objects.none())
    title = forms.CharField(
        label=_("Title of the backlog item"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the deliverable's own words."),
    )

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deliverable"].queryset = Deliverable.objects.filter(service=service).order_by("title", "pk")

    def item_title(self) -> str:
        return self.cleaned_data["title"] or self.cleaned_data["deliverable"].title[:200]
