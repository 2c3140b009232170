from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.games.models import Dimension, MaturityModel
from kuulo.organisation.models import Service, Unit


class AssessmentForm(forms.Form):
    """One level per dimension, for one of the person's units."""

    unit = forms.ModelChoiceField(label=_("Unit you answer for"), queryset=Unit.objects.none(), empty_label=None)

    def __init__(self, *args, model: MaturityModel, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.dimensions = list(model.dimensions.prefetch_related("descriptors"))
        names = {level.number: level.name for level in model.levels.all()}
        for dimension in self.dimensions:
            texts = {d.number: d.text for d in dimension.descriptors.all()}
            self.fields[self.key(dimension)] = forms.TypedChoiceField(
                label=dimension.name,
                help_text=dimension.question,
                coerce=int,
                widget=forms.RadioSelect,
                choices=[
                    (number, f"{number} {names.get(number, '')}: {texts.get(number, '')}") for number in range(1, 6)
                ],
                error_messages={"required": _("Choose the level that best describes your unit.")},
            )

    @staticmethod
    def key(dimension: Dimension) -> str:
        return f"dimension_{dimension.pk}"

    def levels(self) -> dict[Dimension, int]:
        return {dimension: self.cleaned_data[self.key(dimension)] for dimension in self.dimensions}


class SuggestionItemForm(forms.Form):
    """The service whose backlog gets the suggested action."""

    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.none(), empty_label=None)

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services


class PreferenceForm(forms.ModelForm):
    class Meta:
        from kuulo.games.models import Preference

        model = Preference
        fields = ["team_leaderboard", "individual_ranking", "weekly_digest"]
