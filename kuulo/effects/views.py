"""Measured effect of done backlog items: one item's before/after page, the
service's list of effects, and the product owner's "effect verified" and
public-quote approvals."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.backlog import actions
from kuulo.backlog.access import get_item_for_user
from kuulo.backlog.models import BacklogItem
from kuulo.effects import effect
from kuulo.feedback.models import Comment
from kuulo.lib import charts
from kuulo.lib.periods import bucket_label
from kuulo.lib.templatetags.figures import figure
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role
from kuulo.traceability.models import Link


def measurement_charts(service, measurement: effect.Measurement, marks: list[tuple] | None = None) -> dict:
    """The before/after bars and the weekly trend around the change, both through the one chart mechanism."""
    metric = measurement.metric
    formatted = lambda value: figure(value, metric)  # noqa: E731
    comparison = measurement.comparison
    bars = charts.breakdown_chart(
        _("%(metric)s before and after") % {"metric": metric.name},
        [(_("Before"), comparison.before), (_("After"), comparison.after)],
        metric.score_bounds(),
        formatted,
    )
    bars.summary = measurement.sentence
    end = min(measurement.after.end, timezone.localdate())
    weeks = effect.weekly_scores(service, metric, measurement.before.start, end)
    points = [charts.TrendPoint(bucket_label(monday, "week"), score) for monday, score in weeks]
    trend = charts.line_chart(
        _("%(metric)s by week") % {"metric": metric.name}, points, metric.score_bounds(), formatted
    )
    if weeks:
        first = weeks[0][0]
        charts.add_markers(
            trend, [((day - first).days / 7, text) for day, text in (marks or []) if first <= day <= end + timedelta(6)]
        )
    return {"bars": bars, "trend": trend}


@login_required
def item_effect(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """One done item's metric in the weeks before and after it was done."""
    item = get_item_for_user(request, pk, item_pk)
    service = item.service
    measurement = effect.item_effect(item)
    context = {"service": service, "item": item, "measurement": measurement, "weeks": effect.WEEKS}
    if measurement:
        done = _("Done: %(title)s (%(date)s)") % {
            "title": item.title,
            "date": formats.date_format(item.done_at, "SHORT_DATE_FORMAT"),
        }
        context.update(measurement_charts(service, measurement, [(item.done_at, done)]))
    return render(request, "effects/effect_detail.html", context)


@login_required
def effect_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Every done item of the service with its measured effect, newest done first."""
    service = get_service_for_user(request, pk)
    items = effect.done_items(service)
    measured = effect.item_effects(items)
    rows = [(item, measured.get(item.pk)) for item in items]
    context = {"service": service, "rows": rows, "weeks": effect.WEEKS}
    return render(request, "effects/effect_list.html", context)


@login_required
@require_POST
def item_verify(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """The product owner marks a done item's effect as verified (or back to done)."""
    item = get_item_for_user(request, pk, item_pk, role=Role.PRODUCT_OWNER)
    if item.status == BacklogItem.Status.DONE:
        actions.change_status(item, request.user, BacklogItem.Status.VERIFIED, done_on=item.done_at)
        messages.success(request, _("The effect of “%(title)s” is marked verified.") % {"title": item.title})
    elif item.status == BacklogItem.Status.VERIFIED and request.POST.get("undo"):
        actions.change_status(item, request.user, BacklogItem.Status.DONE, done_on=item.done_at)
        messages.success(request, _("“%(title)s” is back to done.") % {"title": item.title})
    following = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(following, allowed_hosts={request.get_host()}):
        return redirect(following)
    return redirect("effects:effect_list", pk)


@login_required
@require_POST
def quote_approval(request: HttpRequest, pk: int, item_pk: int, link_pk: int) -> HttpResponse:
    """The product owner approves (or withdraws) a linked comment for quoting on the public page."""
    item = get_item_for_user(request, pk, item_pk, role=Role.PRODUCT_OWNER)
    service = item.service
    link = get_object_or_404(Link.objects.incoming(item, "comment"), pk=link_pk)
    quote = actions.approve_quote(link, request.user, approve=request.POST.get("approve") == "1")
    if request.htmx:
        comment = Comment.objects.get(pk=link.source_id)
        comment.link_id, comment.public_quote = link.pk, quote
        return render(request, "effects/_approve_quote.html", {"service": service, "item": item, "comment": comment})
    return redirect("backlog:item_detail", pk, item.pk)
