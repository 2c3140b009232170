from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kuulo.network.swarm_models import Community, MeetupPost, Swarm, SwarmMeeting
from kuulo.organisation.models import Unit


class SwarmForm(forms.ModelForm):
    class Meta:
        model = Swarm
        fields = ["title", "challenge", "goal", "units", "starts_on", "ends_on"]
        widgets = {
            "units": forms.CheckboxSelectMultiple,
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = Unit.objects.order_by("name_fi")
        self.fields["units"].help_text = _("A swarm gathers people across units: choose at least one.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("A swarm ends on or after the day it starts."))
        return cleaned


class MeetingForm(forms.ModelForm):
    class Meta:
        model = SwarmMeeting
        fields = ["starts_at", "duration_minutes", "location", "agenda"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "agenda": forms.Textarea(attrs={"rows": 2}),
        }


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=8000)


class MemberForm(forms.Form):
    username = forms.CharField(label=_("User name of the new member"), max_length=150)

    def clean_username(self):
        user = get_user_model().objects.filter(username=self.cleaned_data["username"], is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active user has that user name."))
        return user


class LinkForm(forms.Form):
    KINDS = [("idea", _("Idea")), ("insight", _("Insight")), ("item", _("Backlog item"))]
    kind = forms.ChoiceField(label=_("Kind"), choices=KINDS)
    number = forms.IntegerField(label=_("Number"), min_value=1)


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=8000,
        help_text=_("What the swarm achieved or learnt, and what happens next."),
    )


class CommunityForm(forms.ModelForm):
    class Meta:
        model = Community
        fields = ["name", "description", "first_meetup", "frequency", "interval", "duration_minutes", "location"]
        widgets = {"first_meetup": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class MeetupPostForm(forms.ModelForm):
    class Meta:
        model = MeetupPost
        fields = ["meetup_on", "text"]
        widgets = {"meetup_on": forms.HiddenInput, "text": forms.Textarea(attrs={"rows": 2})}
