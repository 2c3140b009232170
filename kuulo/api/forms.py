from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.api.models import ApiToken


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What uses the token, e.g. the CRM integration."),
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if ApiToken.objects.filter(name__iexact=name, revoked_at__isnull=True).exists():
            raise forms.ValidationError(_("A token in use already has this name."))
        return name
