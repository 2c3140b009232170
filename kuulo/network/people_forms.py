from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.organisation.models import Unit


def _tags(text: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))[:30]


class ProfileForm(forms.Form):
    about = forms.CharField(label=_("You in a sentence"), max_length=300, required=False)
    units = forms.ModelMultipleChoiceField(
        label=_("Your units"), queryset=Unit.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    skills = forms.CharField(
        label=_("Skills"),
        required=False,
        max_length=2000,
        help_text=_("Separate them with commas, e.g. data analysis, Finnish sign language."),
    )
    methods = forms.CharField(
        label=_("Methods"),
        required=False,
        max_length=2000,
        help_text=_("Separate them with commas, e.g. effect mapping, service blueprint."),
    )

    def clean_skills(self):
        return _tags(self.cleaned_data["skills"])

    def clean_methods(self):
        return _tags(self.cleaned_data["methods"])


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Skill or method"), required=False, max_length=100)
    unit = forms.ModelChoiceField(label=_("Unit"), required=False, queryset=Unit.objects.order_by("name_fi"))
