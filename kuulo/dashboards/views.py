from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from kuulo.dashboards import figures
from kuulo.dashboards.forms import CompareFilters, OverviewFilters
from kuulo.lib import charts
from kuulo.lib.exports import csv_response
from kuulo.lib.filters import bind_filters
from kuulo.lib.templatetags.figures import figure
from kuulo.organisation.access import visible_services
from kuulo.organisation.forms import descendant_ids


@login_required
@vary_on_headers("HX-Request")
def overview(request: HttpRequest) -> HttpResponse:
    """Every service the user may see × the core metrics, against target levels."""
    filters = bind_filters(request, OverviewFilters, request.GET or None)
    if not filters.is_bound:
        filters = OverviewFilters({})
        filters.is_valid()
    services = visible_services(request.user).select_related("unit").order_by("name_fi")
    if unit := filters.cleaned_data.get("unit"):
        services = services.filter(unit_id__in=descendant_ids(unit) | {unit.pk})
    services = list(services)
    period = filters.period_value()
    metrics, cells = figures.overview(services, period, filters.segment())
    rows = [(service, [cells[(service.pk, metric.pk)] for metric in metrics]) for service in services]
    rows = sort_rows(rows, metrics, filters.cleaned_data.get("sort", ""))
    if request.GET.get("format") == "csv":
        return overview_csv(rows, metrics, period)
    context = {"filters": filters, "metrics": metrics, "rows": rows, "period": period}
    context["orders"] = sort_links(request, filters.cleaned_data.get("sort", ""))
    template = "dashboards/_overview_table.html" if request.htmx else "dashboards/overview.html"
    return render(request, template, context)


BELOW_TARGET = "below_target"


def sort_links(request: HttpRequest, current: str) -> list[tuple[str, str, bool]]:
    """(label, address, chosen) of the table's orders, keeping the other filters."""
    links = []
    for value, label in (("", _("By name")), (BELOW_TARGET, _("Furthest below target first"))):
        params = request.GET.copy()
        params.pop("format", None)
        params["sort"] = value
        links.append((label, f"?{params.urlencode()}", current == value))
    return links


def sort_rows(rows: list, metrics: list, sort: str) -> list:
    """`sort` is a metric code, optionally prefixed with "-" for descending, or "below_target":
    the service furthest below any target first (as a share of the metric's scale); hidden scores
    and services without a target go last, by name."""
    if sort == BELOW_TARGET:
        gaps = {id(row): [cell.gap for cell in row[1] if cell.gap is not None] for row in rows}
        measured = [row for row in rows if gaps[id(row)]]
        measured.sort(key=lambda row: (min(gaps[id(row)]), str(row[0])))
        return measured + sorted((row for row in rows if not gaps[id(row)]), key=lambda row: str(row[0]))
    code = sort.lstrip("-")
    codes = [metric.code for metric in metrics]
    if code not in codes:
        return sorted(rows, key=lambda row: str(row[0]))
    index = codes.index(code)
    descending = sort.startswith("-")
    shown = [row for row in rows if not row[1][index].score.suppressed]
    hidden = [row for row in rows if row[1][index].score.suppressed]
    shown.sort(key=lambda row: row[1][index].score.value, reverse=descending)
    return shown + sorted(hidden, key=lambda row: str(row[0]))


def overview_csv(rows: list, metrics: list, period) -> StreamingHttpResponse:
    header = [_("Service"), _("Metric"), _("Score"), "n", _("Confidence interval, low"), _("Confidence interval, high")]
    header += [_("Target"), _("Target status"), _("Change from previous period")]
    lines = (
        [
            service.name,
            metric.code,
            _rounded(cell.score.value),
            cell.score.n,
            _rounded(cell.score.ci_low),
            _rounded(cell.score.ci_high),
            "" if cell.target is None else cell.target,
            cell.status,
            _rounded(cell.change),
        ]
        for service, cells in rows
        for metric, cell in zip(metrics, cells, strict=True)
    )
    return csv_response(f"kuulo-overview-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv", header, lines)


def _rounded(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


@login_required
@vary_on_headers("HX-Request")
def compare(request: HttpRequest) -> HttpResponse:
    """One metric across every service the user may see."""
    data = request.GET.copy()
    if not data.get("metric") and (default := CompareFilters.default_metric()):
        data["metric"] = str(default.pk)  # so the menu shows the metric the page compares
    filters = bind_filters(request, CompareFilters, data)
    services = visible_services(request.user).select_related("unit").order_by("name_fi")
    if unit := filters.cleaned_data.get("unit"):
        services = services.filter(unit_id__in=descendant_ids(unit) | {unit.pk})
    metric = filters.metric_value()
    period = filters.period_value()
    rows = figures.comparison(list(services), metric, period, filters.segment())
    formatted = lambda value: figure(value, metric)  # noqa: E731
    chart = charts.breakdown_chart(
        _("%(metric)s by service") % {"metric": metric.name},
        [(str(service), cell.score) for service, cell in rows],
        metric.score_bounds(),
        formatted,
    )
    context = {"filters": filters, "metric": metric, "rows": rows, "period": period, "chart": chart}
    template = "dashboards/_compare_body.html" if request.htmx else "dashboards/compare.html"
    return render(request, template, context)
