from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.journeys.models import JourneyMap, Opportunity, PainPoint, Persona, Phase, Step
from kuulo.organisation.models import Channel

EMOTIONS = [
    ("", _("Not assessed")),
    ("2", _("+2 very good")),
    ("1", _("+1 good")),
    ("0", _("0 neutral")),
    ("-1", _("−1 bad")),
    ("-2", _("−2 very bad")),
]


class JourneyForm(forms.ModelForm):
    class Meta:
        model = JourneyMap
        fields = ["title", "description", "kind", "status", "life_event", "persona", "owner"]

    def __init__(self, *args, service, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persona"].queryset = Persona.objects.filter(service=service)
        self.fields["owner"].queryset = owners


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = ["name", "process", "description"]


class StepForm(forms.ModelForm):
    """A step with its lanes and one emotion per persona of the service. `version` is the
    version of the step the form was opened on; a save made on an older one is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Step
        fields = [
            "name",
            "process",
            "other_organisation",
            "other_unit",
            "does",
            "thinks",
            "feels",
            "channel",
            "touchpoint",
            "backstage",
            "measured_touchpoints",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in ("does", "thinks", "feels", "backstage")}

    def __init__(self, *args, service, personas, touchpoints, emotions=None, **kwargs):
        super().__init__(*args, **kwargs)
        channels = [(code, label) for code, label in Channel.choices if code in service.channels]
        if self.instance.channel and self.instance.channel not in service.channels:
            channels.append((self.instance.channel, Channel(self.instance.channel).label))
        self.fields["channel"].choices = [("", "–"), *channels]
        self.fields["channel"].help_text = _("The channels of the service.")
        self.fields["measured_touchpoints"] = forms.MultipleChoiceField(
            label=_("Live feedback from touchpoints"),
            choices=touchpoints,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The step shows the feedback given at these touchpoints of the service."),
            initial=self.instance.measured_touchpoints,
        )
        self.personas = list(personas)
        emotions = emotions or {}
        for persona in self.personas:
            self.fields[f"emotion_{persona.pk}"] = forms.TypedChoiceField(
                label=_("Emotion: %(persona)s") % {"persona": persona.name},
                choices=EMOTIONS,
                coerce=int,
                empty_value=None,
                required=False,
                initial=emotions.get(persona.pk, ""),
            )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def emotions(self) -> dict[int, int | None]:
        return {persona.pk: self.cleaned_data.get(f"emotion_{persona.pk}") for persona in self.personas}


class PersonaForm(forms.ModelForm):
    class Meta:
        model = Persona
        fields = ["name", "description", "needs", "customer_group"]

    def __init__(self, *args, groups: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "–"), *[(group, group) for group in groups]]
        if self.instance.customer_group and self.instance.customer_group not in groups:
            choices.append((self.instance.customer_group, self.instance.customer_group))
        self.fields["customer_group"].widget = forms.Select(choices=choices)


class PainPointForm(forms.ModelForm):
    class Meta:
        model = PainPoint
        fields = ["text"]


class OpportunityForm(forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = ["title", "status", "customer_value", "organisation_value", "effort", "pain_points"]
        widgets = {"pain_points": forms.CheckboxSelectMultiple}

    def __init__(self, *args, step, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pain_points"].queryset = PainPoint.objects.filter(step__phase__journey_id=step.phase.journey_id)


class ItemFromOpportunityForm(forms.Form):
    opportunity = forms.ModelChoiceField(label=_("Opportunity"), queryset=Opportunity.objects.none())
    title = forms.CharField(
        label=_("Title of the backlog item"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the opportunity's own words."),
    )

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = Opportunity.objects.filter(service=service).order_by("title", "pk")

    def item_title(self) -> str:
        return self.cleaned_data["title"] or self.cleaned_data["opportunity"].title[:200]
