from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuulo.organisation.models import Service
from kuulo.plans.models import Plan
from kuulo.selfassessment.models import Round


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Framework file"),
        help_text=_("A .json or .csv file in the format described in the self-assessment guide."),
    )


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = ["title", "framework", "unit", "assessed_on", "assessors"]
        widgets = {
            "assessed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "assessors": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "assessors": _(
                "Each assessor scores every subcriterion alone; the scores are shown to all when the consensus starts."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessors"].queryset = get_user_model().objects.filter(is_active=True).order_by("username")
        if self.instance.pk:  # the scores were given against this framework
            self.fields["framework"].disabled = True


class ScoreSheet(forms.Form):
    """One assessor's scores of every subcriterion: a score within the criterion's panel, evidence and notes."""

    def __init__(self, *args, criteria, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for criterion in criteria:
            panel = criterion.panel
            for sub in criterion.subcriterion_list:
                score = scores.get(sub.pk)
                names = (f"value_{sub.pk}", f"evidence_{sub.pk}", f"notes_{sub.pk}")
                self.fields[names[0]] = forms.IntegerField(
                    label=_("Score (%(low)s–%(high)s)") % {"low": panel.minimum, "high": panel.maximum},
                    min_value=panel.minimum,
                    max_value=panel.maximum,
                    required=False,
                    initial=score.value if score else None,
                )
                self.fields[names[1]] = forms.CharField(
                    label=_("Evidence"),
                    widget=forms.Textarea(attrs={"rows": 2}),
                    required=False,
                    initial=score.evidence if score else "",
                )
                self.fields[names[2]] = forms.CharField(
                    label=_("Notes"),
                    widget=forms.Textarea(attrs={"rows": 2}),
                    required=False,
                    initial=score.notes if score else "",
                )
                self.rows.append((criterion, sub, [self[name] for name in names]))

    def entries(self):
        """(subcriterion pk, value, evidence, notes) of every row."""
        for _criterion, sub, _fields in self.rows:
            data = self.cleaned_data
            yield sub.pk, data[f"value_{sub.pk}"], data[f"evidence_{sub.pk}"], data[f"notes_{sub.pk}"]


class ConsensusForm(forms.Form):
    strengths = forms.CharField(label=_("Strengths"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    improvement = forms.CharField(
        label=_("New area for improvement"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One area per save; it can then become a backlog item or a plan goal."),
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"] = forms.IntegerField(
            label=_("Agreed score (%(low)s–%(high)s)") % {"low": panel.minimum, "high": panel.maximum},
            min_value=panel.minimum,
            max_value=panel.maximum,
            required=False,
        )
        self.order_fields(["value", "strengths", "improvement"])


class ToBacklogForm(forms.Form):
    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.none())

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(unit=unit).order_by("name_fi")


class ToGoalForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none())

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = (
            Plan.objects.filter(archived_at__isnull=True).filter(Q(unit=unit) | Q(service__unit=unit)).order_by("title")
        )
