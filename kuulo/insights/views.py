from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.feedback.access import get_comment_for_user
from kuulo.insights import actions, queries
from kuulo.insights.access import get_insight_for_user, get_segment_for_user
from kuulo.insights.forms import InsightFilters, InsightForm, SegmentEvidenceForm, StatusForm, segment_initial
from kuulo.insights.models import Insight, Tag
from kuulo.lib.filters import bind_filters
from kuulo.metrics.scoring import MIN_N
from kuulo.organisation.access import get_service_for_user, visible_services
from kuulo.organisation.models import Role

PAGE_SIZE = 50


# Lists


@login_required
@vary_on_headers("HX-Request")
def insight_list(request: HttpRequest) -> HttpResponse:
    """The insights of every service the user may see."""
    services = list(visible_services(request.user).order_by("name_fi"))
    insights = Insight.objects.filter(service__in=services)
    return _list_page(request, insights, services=services, service=None)


@login_required
@vary_on_headers("HX-Request")
def service_insights(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    return _list_page(request, Insight.objects.filter(service=service), services=None, service=service)


def _list_page(request: HttpRequest, insights, *, services, service) -> HttpResponse:
    tags = Tag.objects.filter(insights__in=insights).distinct().values_list("name", flat=True)
    filters = bind_filters(request, InsightFilters, request.GET or None, services=services, tags=tags)
    template = "insights/_insight_results.html" if request.htmx else "insights/insight_list.html"
    context = {
        "filters": filters,
        "service": service,
    }
    cleaned = filters.cleaned_data if filters.is_bound else {}
    paginator = Paginator(queries.insight_list(insights, cleaned), PAGE_SIZE)
    context["page"] = paginator.get_page(request.GET.get("page"))
    context["query"] = _without_page(request)
    return render(request, template, context)


def _without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# One insight


@login_required
def insight_detail(request: HttpRequest, pk: int, insight_pk: int) -> HttpResponse:
    insight = get_insight_for_user(request, pk, insight_pk)
    service = insight.service
    context = {
        "insight": insight,
        "service": service,
        "tags": insight.tags.all(),
        "comments": queries.comment_evidence(insight),
        "segments": queries.segment_evidence(insight),
        "status_form": StatusForm(initial={"status": insight.status}),
        "min_n": MIN_N,
    }
    return render(request, "insights/insight_detail.html", context)


@login_required
def insight_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A new insight; `?comment=<id>` starts it from a comment of the service, which becomes its evidence."""
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    comment_pk = request.POST.get("comment") or request.GET.get("comment")
    comment = get_comment_for_user(request, service.pk, comment_pk, role=Role.TEAM_MEMBER) if comment_pk else None
    form = InsightForm(request.POST or None, initial={"comment": comment.pk if comment else None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in ("statement", "status", "tags")}
        insight = actions.create_insight(service, request.user, **fields, comment=comment)
        messages.success(request, _("The insight was saved."))
        return redirect("insights:insight_detail", pk=service.pk, insight_pk=insight.pk)
    context = {
        "form": form,
        "service": service,
        "comment": comment,
        "title": _("New insight"),
        "submit_label": _("Save insight"),
        "cancel_url": reverse("insights:service_insights", args=[service.pk]),
    }
    return render(request, "insights/insight_form.html", context, status=422 if form.errors else 200)


@login_required
def insight_edit(request: HttpRequest, pk: int, insight_pk: int) -> HttpResponse:
    insight = get_insight_for_user(request, pk, insight_pk, role=Role.TEAM_MEMBER)
    form = InsightForm(request.POST or None, instance=insight)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.update_insight(insight, statement=data["statement"], status=data["status"], tags=data["tags"])
        messages.success(request, _("Your changes were saved."))
        return redirect("insights:insight_detail", pk=pk, insight_pk=insight.pk)
    context = {
        "form": form,
        "service": insight.service,
        "comment": None,
        "title": _("Edit insight"),
        "submit_label": _("Save changes"),
        "cancel_url": reverse("insights:insight_detail", args=[pk, insight.pk]),
    }
    return render(request, "insights/insight_form.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def insight_status(request: HttpRequest, pk: int, insight_pk: int) -> HttpResponse:
    insight = get_insight_for_user(request, pk, insight_pk, role=Role.TEAM_MEMBER)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses."))
        return redirect("insights:insight_detail", pk=pk, insight_pk=insight.pk)
    actions.change_status(insight, form.cleaned_data["status"])
    messages.success(request, _("The status is now “%(status)s”.") % {"status": insight.get_status_display()})
    return redirect("insights:insight_detail", pk=pk, insight_pk=insight.pk)


@login_required
def insight_delete(request: HttpRequest, pk: int, insight_pk: int) -> HttpResponse:
    insight = get_insight_for_user(request, pk, insight_pk, role=Role.PRODUCT_OWNER)
    if request.method == "POST":
        actions.delete_insight(insight)
        messages.success(request, _("The insight was deleted."))
        return redirect("insights:service_insights", pk=pk)
    return render(request, "insights/insight_delete.html", {"insight": insight, "service": insight.service})


# Comments as evidence: linked and unlinked through kuulo.traceability


# Segments as evidence


@login_required
def segment_create(request: HttpRequest, pk: int, insight_pk: int) -> HttpResponse:
    """Adds a segment of the responses as evidence; a dashboard URL's filters prefill the form."""
    insight = get_insight_for_user(request, pk, insight_pk, role=Role.TEAM_MEMBER)
    service = insight.service
    if request.method == "POST":
        form = SegmentEvidenceForm(request.POST, service=service)
        if form.is_valid():
            actions.add_segment(insight, form.save(commit=False), request.user)
            messages.success(request, _("The segment was added as evidence."))
            return redirect("insights:insight_detail", pk=pk, insight_pk=insight.pk)
    else:
        form = SegmentEvidenceForm(service=service, initial=segment_initial(request.GET, service))
    context = {"form": form, "insight": insight, "service": service}
    return render(request, "insights/segment_form.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def segment_evidence_remove(request: HttpRequest, pk: int, insight_pk: int, segment_pk: int) -> HttpResponse:
    segment = get_segment_for_user(request, pk, insight_pk, segment_pk, role=Role.TEAM_MEMBER)
    insight = segment.insight
    actions.remove_segment(segment)
    messages.success(request, _("The segment is no longer evidence for this insight."))
    return redirect("insights:insight_detail", pk=pk, insight_pk=insight.pk)
