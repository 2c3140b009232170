from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kuulo.backlog.models import BacklogItem
from kuulo.integrations.models import CATEGORY_DEFAULTS, JiraConfig

STATUS_CHOICES = [("", gettext_lazy("(leave as it is)"))] + [
    (value, label) for value, label in BacklogItem.Status.choices if value != BacklogItem.Status.DISMISSED
]


class JiraConfigForm(forms.ModelForm):
    """The token field is write-only: it is never filled in, and empty keeps the stored token."""

    api_token = forms.CharField(
        label=gettext_lazy("API token"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    category_new = forms.ChoiceField(label=gettext_lazy("Jira's “To Do” statuses become"), choices=STATUS_CHOICES)
    category_indeterminate = forms.ChoiceField(
        label=gettext_lazy("Jira's “In Progress” statuses become"), choices=STATUS_CHOICES
    )
    category_done = forms.ChoiceField(label=gettext_lazy("Jira's “Done” statuses become"), choices=STATUS_CHOICES)
    status_names = forms.CharField(
        label=gettext_lazy("Statuses by name"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "One per line: a Jira status, an equals sign and a Kuulo status code "
            "(ready, in_progress, done, verified), e.g. “In Review = in_progress”. Names win over the categories above."
        ),
    )

    class Meta:
        model = JiraConfig
        fields = ["enabled", "base_url", "project_key", "issue_type", "email"]
        field_classes = {"base_url": forms.CharField}
        help_texts = {
            "base_url": gettext_lazy("Your Jira Cloud site, e.g. https://example.atlassian.net"),
            "project_key": gettext_lazy("The short key of the Jira project, e.g. KUU"),
            "enabled": gettext_lazy("When off, nothing is sent to or read from Jira."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        credential_state = self.instance.credential_state
        self.fields["api_token"].help_text = {
            "set": _("A token is set. Type a new one only to replace it; leave empty to keep it."),
            "unreadable": _("The saved token can no longer be read; enter it again."),
        }.get(credential_state, _("Create one at id.atlassian.com under Security → API tokens."))
        self.fields["api_token"].required = credential_state != "set"
        mapping = self.instance.status_map or {}
        categories = {**CATEGORY_DEFAULTS, **(mapping.get("categories") or {})}
        for category in CATEGORY_DEFAULTS:
            self.fields[f"category_{category}"].initial = categories.get(category, "")
        names = mapping.get("names") or {}
        self.fields["status_names"].initial = "\n".join(f"{name} = {status}" for name, status in names.items())

    def clean_base_url(self) -> str:
        url = self.cleaned_data["base_url"].strip()
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise forms.ValidationError(_("Give the address of your Jira site, starting with https://"))
        if parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1"):
            raise forms.ValidationError(_("Use an https:// address: the API token must not travel unencrypted."))
        return f"{parts.scheme}://{parts.netloc}"

    def clean_project_key(self) -> str:
        key = self.cleaned_data["project_key"].strip().upper()
        if not key.replace("_", "").isalnum() or not key[:1].isalpha():
            raise forms.ValidationError(_("A project key has letters and digits only, starting with a letter."))
        return key

    def clean_status_names(self) -> dict:
        valid = {value for value, _label in STATUS_CHOICES if value}
        names = {}
        for number, line in enumerate(self.cleaned_data["status_names"].splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, status = line.partition("=")
            name, status = name.strip(), status.strip()
            if not sep or not name or status not in valid:
                raise forms.ValidationError(
                    _("Line %(number)s is not “Jira status = Kuulo status code”.") % {"number": number}
                )
            names[name] = status
        return names

    def save(self, commit: bool = True) -> JiraConfig:
        config = super().save(commit=False)
        if self.cleaned_data.get("api_token"):
            config.set_api_token(self.cleaned_data["api_token"])
            if config.last_error in ("no_token", "token_unreadable"):
                config.last_error = ""  # the new token answers it; the next exchange tells if it works
        config.status_map = {
            "categories": {category: self.cleaned_data[f"category_{category}"] for category in CATEGORY_DEFAULTS},
            "names": self.cleaned_data["status_names"],
        }
        if commit:
            config.save()
        return config
