"""Forms of experiments: the plan (team members) and the decision (the product owner)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuulo.backlog.models import BacklogItem
from kuulo.effects.models import Experiment
from kuulo.metrics.models import Metric

DATE = {"type": "date"}


class ExperimentForm(forms.ModelForm):
    """What is tried, how it is measured, when, and which backlog items it serves."""

    class Meta:
        model = Experiment
        fields = [
            "title",
            "hypothesis",
            "change",
            "metric",
            "direction",
            "minimum_change",
            "starts_on",
            "ends_on",
            "items",
        ]
        widgets = {
            "hypothesis": forms.Textarea(attrs={"rows": 3}),
            "change": forms.Textarea(attrs={"rows": 3}),
            "starts_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "items": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "metric": _(
                "The result compares this metric during the experiment with the same number of days before it."
            ),
            "minimum_change": _("In the metric's own units: percentage points for shares, points for NPS and indexes."),
            "items": _("The backlog items this experiment tests or serves."),
        }

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        metrics = Metric.objects.filter(is_active=True)
        if self.instance.metric_id:
            metrics = Metric.objects.filter(Q(is_active=True) | Q(pk=self.instance.metric_id))
        self.fields["metric"].queryset = metrics.order_by("code", "-version")
        self.fields["items"].queryset = BacklogItem.objects.filter(service=service).exclude(
            status=BacklogItem.Status.DISMISSED
        )
        self.fields["items"].required = False

    def clean_minimum_change(self):
        value = self.cleaned_data["minimum_change"]
        if value is not None and value < 0:
            raise forms.ValidationError(
                _("Give the smallest change as a positive number; the direction says which way.")
            )
        return value

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end must not be before the start."))
        return cleaned


class DecisionForm(forms.ModelForm):
    """The product owner's decision after the result, and what was learned."""

    class Meta:
        model = Experiment
        fields = ["decision", "learning"]
        widgets = {"decision": forms.RadioSelect, "learning": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = list(Experiment.Decision.choices)
        self.fields["decision"].required = True
