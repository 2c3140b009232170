from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.accessibility.models import Feedback, Statement

MAX_MESSAGE = 4000


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("What did not work, or what was hard to use?"),
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    page = forms.CharField(
        label=_("Page or service (optional)"),
        help_text=_("For example the address of the page, or the name of the survey."),
        max_length=500,
        required=False,
    )
    contact = forms.CharField(
        label=_("Your e-mail address or phone number (optional)"),
        help_text=_("We need it only to reply to you. Leave it empty if you do not want a reply."),
        max_length=200,
        required=False,
    )
    website = forms.CharField(required=False)  # honeypot: people never see it

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""


class ReplyForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["reply"]
        widgets = {"reply": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply"].required = True
        self.fields["reply"].help_text = _(
            "What you answered the customer, or what was done. It is kept with the case."
        )


class StatementForm(forms.ModelForm):
    class Meta:
        model = Statement
        fields = [
            "compliance",
            "non_accessible_fi",
            "non_accessible_sv",
            "non_accessible_en",
            "assessment_fi",
            "assessment_sv",
            "assessment_en",
            "contact_fi",
            "contact_sv",
            "contact_en",
            "enforcement_fi",
            "enforcement_sv",
            "enforcement_en",
            "prepared_on",
            "reviewed_on",
        ]
        widgets = {
            "prepared_on": forms.DateInput(attrs={"type": "date"}),
            "reviewed_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("prepared_on")
            and cleaned.get("reviewed_on")
            and cleaned["reviewed_on"] < cleaned["prepared_on"]
        ):
            self.add_error("reviewed_on", _("The review cannot be earlier than the statement."))
        return cleaned
