"""Forms of the development plans: the plan, its goals, its actions and its checkpoints."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuulo.metrics.models import Metric
from kuulo.plans.models import Checkpoint, Goal, Plan
from kuulo.plans.queries import item_choices, plan_services

DATE = {"type": "date"}


def staff_users():
    return get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class UsersChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class PlanForm(forms.ModelForm):
    owner = UserChoiceField(label=_("Owner"), queryset=staff_users(), required=False)

    class Meta:
        model = Plan
        fields = ["title", "responsible_team", "owner", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_users()

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end cannot be before the start."))
        return data


class GoalForm(forms.ModelForm):
    """A written goal needs only its text; a measurable one a metric, a target level and a date."""

    class Meta:
        model = Goal
        fields = ["term", "text", "metric", "service", "target_level", "target_date"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "target_date": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        }
        help_texts = {
            "metric": _("Leave empty for a written goal."),
            "target_level": _("The score to reach, on the metric's own scale (for example 80 for 80 percent)."),
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["metric"].queryset = Metric.objects.filter(is_active=True).order_by("code", "-version")
        if plan.service_id:
            del self.fields["service"]
        else:
            self.fields["service"].queryset = plan_services(plan).order_by("name_fi")
            self.fields["service"].empty_label = _("All the unit's services")

    def clean(self):
        data = super().clean()
        metric, level = data.get("metric"), data.get("target_level")
        if metric is None:
            if level is not None:
                self.add_error("metric", _("Choose the metric the target level is for."))
            return data
        if level is None:
            self.add_error("target_level", _("A measurable goal needs a target level."))
        else:
            low, high = metric.score_bounds()
            if not low <= level <= high:
                self.add_error(
                    "target_level",
                    _("The target level must be between %(low)s and %(high)s for this metric.")
                    % {"low": f"{low:g}", "high": f"{high:g}"},
                )
        if not data.get("target_date"):
            self.add_error("target_date", _("A measurable goal needs a date by which to reach the target."))
        return data


class ActionsForm(forms.Form):
    actions = forms.ModelMultipleChoiceField(
        label=_("Backlog items that serve the plan"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = item_choices(plan)
        several = plan.service_id is None
        self.fields["actions"].label_from_instance = lambda item: (
            f"{item.title} ({item.service}, {item.get_status_display()})"
            if several
            else f"{item.title} ({item.get_status_display()})"
        )


class CheckpointForm(forms.ModelForm):
    attendees = UsersChoiceField(
        label=_("Attendees"), queryset=staff_users(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Checkpoint
        fields = ["title", "starts_at", "duration_minutes", "location", "attendees", "notes"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = staff_users()
        self.fields["starts_at"].help_text = _("Local time, %(zone)s.") % {"zone": timezone.get_current_timezone_name()}

    def clean_duration_minutes(self) -> int:
        minutes = self.cleaned_data["duration_minutes"]
        if not 5 <= minutes <= 24 * 60:
            raise forms.ValidationError(_("A checkpoint lasts from 5 minutes to 24 hours."))
        return minutes
