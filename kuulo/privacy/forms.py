from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.privacy.models import RetentionPolicy


class RetentionPolicyForm(forms.ModelForm):
    class Meta:
        model = RetentionPolicy
        fields = ["comment_text_months"]
        widgets = {"comment_text_months": forms.NumberInput(attrs={"min": 1, "max": 240})}

    def clean_comment_text_months(self):
        months = self.cleaned_data["comment_text_months"]
        if months is not None and not 1 <= months <= 240:
            raise forms.ValidationError(_("Choose between 1 and 240 months, or leave it empty."))
        return months
