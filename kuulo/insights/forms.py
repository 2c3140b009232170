import contextlib
from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuulo.feedback.histograms import answered_metric_ids, segment_values
from kuulo.insights.models import Insight, SegmentEvidence, Tag
from kuulo.lib.translated import LANGUAGE_LABELS
from kuulo.metrics.models import Metric
from kuulo.organisation import terms
from kuulo.organisation.models import Channel

MAX_TAGS = 10
MAX_STATEMENT = 1000


def split_tags(text: str) -> list[str]:
    """ "Jonot, puhelin ,jonot" → ["Jonot", "puhelin"]: trimmed, blanks dropped, duplicates (any case) once."""
    found: dict[str, str] = {}
    for name in text.split(","):
        name = " ".join(name.split())
        if name and name.casefold() not in found:
            found[name.casefold()] = name
    return list(found.values())


class InsightForm(forms.ModelForm):
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_("Separate tags with commas, e.g. queues, phone service."),
    )
    comment = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Insight
        fields = ["statement", "status"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["tags"] = ", ".join(tag.name for tag in self.instance.tags.all())

    def clean_statement(self) -> str:
        statement = self.cleaned_data["statement"].strip()
        if not statement:
            raise forms.ValidationError(_("Write the insight in a sentence or two."))
        if len(statement) > MAX_STATEMENT:
            raise forms.ValidationError(_("Keep the statement under %(limit)s characters.") % {"limit": MAX_STATEMENT})
        return statement

    def clean_tags(self) -> list[str]:
        names = split_tags(self.cleaned_data["tags"])
        limit = Tag._meta.get_field("name").max_length
        if any(len(name) > limit for name in names):
            raise forms.ValidationError(_("A tag can be at most %(limit)s characters long.") % {"limit": limit})
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(_("Give at most %(limit)s tags.") % {"limit": MAX_TAGS})
        return names


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Insight.Status.choices)


class InsightFilters(forms.Form):
    """The filters of an insight list; they live in the URL so a view can be shared."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *Insight.Status.choices])
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    service = forms.ChoiceField(label=_("Service"), required=False)

    def __init__(self, *args, services=None, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("All")), *((tag, tag) for tag in tags)]
        if services is None:
            del self.fields["service"]
        else:
            choices = [(str(service.pk), str(service)) for service in services]
            self.fields["service"].choices = [("", _("All")), *choices]


class SegmentEvidenceForm(forms.ModelForm):
    """A slice of the service's responses; the choices come from its own rollups (the daily totals)."""

    class Meta:
        model = SegmentEvidence
        fields = ["metric", "start", "end", "channel", "language", "customer_group", "touchpoint", "note"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        answered = answered_metric_ids(service)
        self.fields["metric"].queryset = Metric.objects.filter(pk__in=answered).order_by("code", "-version")
        self.fields["metric"].help_text = _("Metrics the service has answers for.")
        blank = [("", _("All"))]
        self.fields["channel"] = forms.ChoiceField(label=_("Channel"), required=False, choices=blank + Channel.choices)
        self.fields["language"] = forms.ChoiceField(
            label=_("Language"), required=False, choices=blank + list(LANGUAGE_LABELS.items())
        )
        for name, label in (("customer_group", _("Customer group")), ("touchpoint", _("Touchpoint"))):
            values = segment_values(service, name)
            names = terms.names_for(None, name)
            self.fields[name] = forms.ChoiceField(
                label=label, required=False, choices=blank + [(value, str(names.get(value, value))) for value in values]
            )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period cannot be before its start."))
        return cleaned


def segment_initial(params, service) -> dict:
    """Initial values from a dashboard URL: metric by code or id, start and end
    (ISO dates) or period (days up to today), and the segment filters."""
    initial: dict = {}
    if metric := params.get("metric", ""):
        metrics = Metric.objects.filter(pk=int(metric)) if metric.isdigit() else Metric.objects.filter(code=metric)
        answered = metrics.filter(pk__in=answered_metric_ids(service))
        if chosen := (answered.order_by("-version").first() or metrics.order_by("-version").first()):
            initial["metric"] = chosen.pk
    today = timezone.localdate()
    if (days := params.get("period", "")).isdigit() and 0 < int(days) <= 3660:
        initial["start"], initial["end"] = today - timedelta(days=int(days) - 1), today
    for name in ("start", "end"):
        with contextlib.suppress(ValueError):
            initial[name] = date.fromisoformat(params.get(name, ""))
    initial.setdefault("start", today - timedelta(days=89))
    initial.setdefault("end", today)
    for name in ("channel", "language", "customer_group", "touchpoint", "note"):
        if value := params.get(name, "").strip():
            initial[name] = value[:300]
    return initial
