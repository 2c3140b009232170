from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from kuulo.savedviews.models import QUERY_LENGTH, SavedView

LEFT_OUT = {"page", "format", "csrfmiddlewaretoken", "after"}  # not filters: a page number, a download


class SavedViewForm(forms.ModelForm):
    query = forms.CharField(required=False, widget=forms.HiddenInput)  # its length is checked once cleaned

    class Meta:
        model = SavedView
        fields = ["page", "name", "query", "shared"]
        widgets = {"page": forms.HiddenInput, "query": forms.HiddenInput}
        labels = {"name": _("Name of the view")}

    def __init__(self, *args, service=None, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.service, self.owner = service, owner

    def clean_query(self) -> str:
        """The filters only, re-encoded, so what is stored is a plain query string of this page."""
        params = QueryDict(self.cleaned_data.get("query") or "", mutable=True)
        for name in LEFT_OUT:
            params.pop(name, None)
        query = params.urlencode()
        if len(query) > QUERY_LENGTH:
            raise forms.ValidationError(_("These filters are too long to save."))
        return query

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Give the view a name."))
        page = self.data.get("page")
        same = SavedView.objects.filter(owner=self.owner, service=self.service, page=page, name=name)
        if same.exists():
            raise forms.ValidationError(_("You already have a view with this name."))
        return name

    def save(self, commit=True):
        self.instance.service, self.instance.owner = self.service, self.owner
        return super().save(commit)
