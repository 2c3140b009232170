"""Finding comments to back something — an insight, a backlog item, a journey's pain point, any kind
that comments may be linked to in kuulo.traceability: the comments page's search and filters over the
service's comments that are not yet linked to it, chosen with boxes and added in one go."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.comments import queries
from kuulo.comments.forms import ChosenCommentsForm, CommentFilters
from kuulo.feedback.models import Comment, Response
from kuulo.lib.filters import bind_filters
from kuulo.organisation.access import get_service_for_user
from kuulo.traceability import actions, registry
from kuulo.traceability.access import pair_or_404, target_for_user
from kuulo.traceability.models import Link


def _target(request: HttpRequest, pk: int, target: str, target_pk: int):
    """(pair, service, the thing) for a comment → `target` link, checked as kuulo.traceability.access says."""
    pair = pair_or_404("comment", target)
    service = get_service_for_user(request, pk, role=pair.role)
    return pair, service, target_for_user(request, service, pair, target_pk)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def evidence_search(request: HttpRequest, pk: int, target: str, target_pk: int) -> HttpResponse:
    """The service's comments that the filters select and that do not back the thing yet, newest first."""
    pair, service, thing = _target(request, pk, target, target_pk)
    kind = registry.kind(target)
    filters = bind_filters(request, CommentFilters, request.GET or None, service=service)
    context = {
        "service": service,
        "pair": pair,
        "thing": thing,
        "thing_kind": capfirst(kind.verbose_name),
        "thing_label": kind.label(thing),
        "thing_url": kind.url(thing),
        "filters": filters,
        "search_url": reverse("comments:evidence_search", args=[service.pk, target, thing.pk]),
        "add_url": reverse("comments:evidence_add", args=[service.pk, target, thing.pk]),
    }
    if not filters.errors:
        data = filters.cleaned_data if filters.is_bound else {}
        period = filters.period_value()
        linked = Link.objects.incoming(thing, "comment").values("source_id")
        comments = queries.filtered(service, data, period).exclude(pk__in=linked)
        page = queries.page(queries.with_details(comments), data.get("after"))
        count, more = queries.capped_count(comments)
        context.update(
            period=period,
            page=page,
            count=count,
            count_capped=more,
            query=filters.query_without("after") if filters.is_bound else "",
        )
    template = "comments/_evidence_results.html" if request.htmx else "comments/evidence_search.html"
    return render(request, template, context)


@require_POST
@login_required
def evidence_add(request: HttpRequest, pk: int, target: str, target_pk: int) -> HttpResponse:
    """Links the chosen comments of the service to the thing; comments of other services, or not
    accepted, are passed over, and those already linked stay as they are."""
    _pair, service, thing = _target(request, pk, target, target_pk)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("comments:evidence_search", args=[service.pk, target, thing.pk])
    form = ChosenCommentsForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    comments = Comment.objects.filter(
        service=service, pk__in=form.cleaned_data["comments"], response__status=Response.Status.ACCEPTED
    ).order_by("pk")
    added = sum(actions.link(comment, thing, request.user)[1] for comment in comments)
    messages.success(request, added_message(added))
    return redirect(back)


def added_message(added: int) -> str:
    return ngettext("%(count)s comment was added as evidence.", "%(count)s comments were added as evidence.", added) % {
        "count": added
    }
