from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.api.models import ApiToken, Scope
from kuulo.organisation.models import Service


class TokenAccessForm(forms.Form):
    """What a token may do and on which services."""

    scopes = forms.MultipleChoiceField(
        label=_("What the token may do"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose only what the other system needs: a CRM that sends feedback needs only ingest."),
        error_messages={"required": _("Choose at least one.")},
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Services"),
        queryset=Service.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave every service unticked to let the token reach all services, also those added later."),
    )

    @classmethod
    def of(cls, api_token: ApiToken, data=None) -> "TokenAccessForm":
        initial = {"scopes": api_token.scopes, "services": [] if api_token.all_services else api_token.services.all()}
        return cls(data, initial=initial)


class ApiTokenForm(TokenAccessForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What uses the token, e.g. the CRM integration."),
    )
    field_order = ["name", "scopes", "services"]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if ApiToken.objects.filter(name__iexact=name, revoked_at__isnull=True).exists():
            raise forms.ValidationError(_("A token in use already has this name."))
        return name
