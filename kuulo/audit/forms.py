"""The filters of the audit log page: who, what, when, which service, and words of the target's name."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.audit.codes import ACTIONS
from kuulo.organisation.models import Service

DATE_WIDGET = {"attrs": {"type": "date"}, "format": "%Y-%m-%d"}


class EntryFilters(forms.Form):
    actor = forms.ModelChoiceField(
        label=pgettext_lazy("audit", "Who"), queryset=get_user_model().objects.all(), required=False
    )
    action = forms.ChoiceField(label=pgettext_lazy("audit", "Action"), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(**DATE_WIDGET))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(**DATE_WIDGET))
    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.all(), required=False)
    q = forms.CharField(label=_("Target's name contains"), required=False, max_length=100)
    before = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = sorted(((code, str(label)) for code, label in ACTIONS.items()), key=lambda choice: choice[1])
        self.fields["action"].choices = [("", _("Every action")), *choices]
        self.fields["actor"].empty_label = _("Everyone")
        self.fields["service"].empty_label = _("Every service")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date must not be before the start date."))
        return data

    def filter(self, entries):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("actor"):
            entries = entries.filter(actor=data["actor"])
        if data.get("action"):
            entries = entries.filter(action=data["action"])
        if data.get("start"):
            entries = entries.filter(at__gte=_day_start(data["start"]))
        if data.get("end"):
            entries = entries.filter(at__lt=_day_start(data["end"] + timedelta(days=1)))
        if data.get("service"):
            entries = entries.filter(service=data["service"])
        if data.get("q"):
            entries = entries.filter(target_label__icontains=data["q"])
        return entries

    def cursor(self) -> int | None:
        return self.cleaned_data.get("before") if self.is_bound and self.is_valid() else None

    def query_without(self, *names: str) -> str:
        if not self.is_bound:
            return ""
        data = self.data.copy()
        for name in names:
            data.pop(name, None)
        return data.urlencode()


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
