from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuulo.feedback.histograms import Segment
from kuulo.lib.periods import Period
from kuulo.lib.translated import LANGUAGE_LABELS
from kuulo.metrics.models import Metric
from kuulo.organisation.forms import TermFilterField
from kuulo.organisation.models import Channel, Term, Unit

PERIODS = [("30", _("Last 30 days")), ("90", _("Last 90 days")), ("365", _("Last 12 months"))]


class OverviewFilters(forms.Form):
    """The filters of the organisation overview; they live in the URL so a view can be shared."""

    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.all(), required=False, empty_label=_("All"))
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("All")), *Channel.choices], required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *LANGUAGE_LABELS.items()], required=False
    )
    customer_group = TermFilterField(Term.Kind.CUSTOMER_GROUP, label=_("Customer group"))
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def period_value(self) -> Period:
        days = int(self.cleaned_data.get("period") or "30")
        end = timezone.localdate()
        return Period(end - timedelta(days=days - 1), end)

    def segment(self) -> Segment:
        data = self.cleaned_data
        return Segment(data.get("channel", ""), data.get("language", ""), data.get("customer_group", ""))


class CompareFilters(OverviewFilters):
    """The overview's filters plus the one metric to compare."""

    metric = forms.ChoiceField(label=_("Metric"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        metrics = Metric.objects.filter(is_active=True).order_by("code", "-version")
        self.fields["metric"].choices = [(m.pk, str(m)) for m in metrics]

    @staticmethod
    def default_metric() -> Metric | None:
        return Metric.objects.filter(code="csat").order_by("-version").first() or Metric.objects.first()

    def metric_value(self) -> Metric:
        chosen = self.cleaned_data.get("metric")
        return Metric.objects.get(pk=chosen) if chosen else self.default_metric()
