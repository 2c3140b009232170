from datetime import timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuulo.comments.models import Theme
from kuulo.exports.models import ExportJob
from kuulo.feedback.models import Sentiment
from kuulo.lib.translated import LANGUAGE_LABELS
from kuulo.organisation.access import visible_services
from kuulo.organisation.models import Channel

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ExportForm(forms.Form):
    """What to export; the service list holds only the services the person may see."""

    kind = forms.ChoiceField(label=_("Contents"), choices=ExportJob.Kind.choices, widget=forms.RadioSelect)
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=None, required=False, empty_label=_("Every service you can see")
    )
    start = forms.DateField(label=_("From"), widget=DATE, help_text=_("The day the customer answered."))
    end = forms.DateField(label=_("To"), widget=DATE)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("All")), *Channel.choices], required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *LANGUAGE_LABELS.items()], required=False
    )
    sentiment = forms.ChoiceField(
        label=_("Sentiment"),
        choices=[("", _("All")), *Sentiment.choices],
        required=False,
        help_text=_("Comments only."),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=None, required=False, empty_label=_("All"), help_text=_("Comments only.")
    )
    format = forms.ChoiceField(
        label=_("File format"), choices=ExportJob.Format.choices, widget=forms.RadioSelect, initial="csv"
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        services = visible_services(user).order_by("name_fi")
        self.fields["service"].queryset = services
        self.fields["theme"].queryset = Theme.objects.filter(
            Q(service__isnull=True) | Q(service__in=services)
        ).by_name()

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end must be on or after the start."))
        return data

    def job_filters(self) -> dict:
        data = self.cleaned_data
        filters = {
            "service": data["service"].pk if data.get("service") else None,
            "start": data["start"].isoformat(),
            "end": data["end"].isoformat(),
            "channel": data.get("channel", ""),
            "language": data.get("language", ""),
        }
        if data["kind"] == ExportJob.Kind.COMMENTS:
            filters["sentiment"] = data.get("sentiment", "")
            filters["theme"] = data["theme"].pk if data.get("theme") else None
        return filters


def initial_from(query) -> dict:
    """Initial values from a link such as /exports/new/?kind=comments&service=3&period=90."""
    end = timezone.localdate()
    try:
        days = max(1, min(int(query.get("period") or 365), 3660))
    except ValueError:
        days = 365
    initial = {"kind": "responses", "start": end - timedelta(days=days - 1), "end": end, "format": "csv"}
    for name in ("kind", "service", "start", "end", "channel", "language", "sentiment", "theme", "format"):
        if query.get(name):
            initial[name] = query[name]
    return initial
