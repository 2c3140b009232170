from datetime import timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.vary import vary_on_headers

from kuulo.dashboards import service_figures
from kuulo.effects import effect
from kuulo.feedback.histograms import Segment
from kuulo.lib import charts
from kuulo.lib.filters import bind_filters
from kuulo.lib.periods import Period
from kuulo.lib.translated import LANGUAGE_LABELS
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.forms import TermFilterField
from kuulo.organisation.models import Channel, Term

PERIODS = [("90", _("Last 90 days")), ("365", _("Last 12 months")), ("730", _("Last 24 months"))]
GRAINS = [("month", _("By month")), ("week", _("By week"))]


class ServiceFilters(forms.Form):
    """The filters of a service dashboard; they live in the URL so a view can be shared."""

    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)
    grain = forms.ChoiceField(label=_("Trend"), choices=GRAINS, required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("All")), *Channel.choices], required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *LANGUAGE_LABELS.items()], required=False
    )
    customer_group = TermFilterField(Term.Kind.CUSTOMER_GROUP, label=_("Customer group"))
    # the metric shown in detail; an unknown one falls back to the first
    metric = forms.IntegerField(label=_("Metric"), required=False, widget=forms.HiddenInput)

    def period_value(self) -> Period:
        days = int(self.cleaned_data.get("period") or "365")
        end = timezone.localdate()
        return Period(end - timedelta(days=days - 1), end)

    def grain_value(self) -> str:
        return self.cleaned_data.get("grain") or "month"

    def segment(self) -> Segment:
        data = self.cleaned_data
        return Segment(data.get("channel", ""), data.get("language", ""), data.get("customer_group", ""))


@login_required
@vary_on_headers("HX-Request")
def service_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    """One service's metrics: a summary of every metric first, then one metric in detail (its trend,
    with its distribution and breakdowns on demand), the widget response rate and the comments."""
    service = get_service_for_user(request, pk)
    filters = bind_filters(request, ServiceFilters, request.GET or None)
    template = "dashboards/_service_body.html" if request.htmx else "dashboards/service_dashboard.html"
    if not filters.is_bound:
        filters = ServiceFilters({"period": "365", "grain": "month"})
        filters.is_valid()
    period = filters.period_value()
    panels = service_figures.dashboard(service, period, filters.segment(), filters.grain_value(), get_language())
    chosen = filters.cleaned_data.get("metric")
    selected = next((panel for panel in panels if panel.metric.pk == chosen), panels[0] if panels else None)
    if selected:
        marks = effect.timeline_marks(service, service_figures.buckets(period, filters.grain_value()), period)
        charts.add_markers(selected.trend, marks)
    params = request.GET.copy()
    for panel in panels:  # the summary's cards open their metric below, keeping the filters
        params["metric"] = str(panel.metric.pk)
        panel.url = f"?{params.urlencode()}"
    context = {
        "service": service,
        "filters": filters,
        "period": period,
        "panels": panels,
        "selected": selected,
        "response_rate": service_figures.response_rate(service, period),
    }
    return render(request, template, context)
