from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.feedback import abuse


class PublicIdeaForm(forms.Form):
    title = forms.CharField(label=_("Your idea in a few words"), max_length=200)
    description = forms.CharField(
        label=_("Tell more: what would you change, and how would it help you?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    website = forms.CharField(required=False)  # honeypot: people never see it
    started = forms.CharField(required=False, widget=forms.HiddenInput)  # time trap: when the form was opened

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"started": abuse.start_token()})
        super().__init__(*args, **kwargs)

    def suspect_reason(self) -> str:
        return abuse.suspect_reason(
            honeypot=self.cleaned_data.get("website"),
            elapsed_seconds=abuse.seconds_since(self.cleaned_data.get("started", "")),
        )


class PublicBoardForm(forms.Form):
    enabled = forms.BooleanField(
        label=_("Open the public idea board"),
        required=False,
        help_text=_("Customers may then post ideas without an account. Each is published only after moderation."),
    )
