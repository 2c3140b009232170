"""Reading customers' comments: the comments page of a service with search
and filters, its CSV export, the review toggle, the comments panel of the
service dashboard, the walls of praise and the toggle that hides a comment
from them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

import kuulo.audit as audit
from kuulo.comments import actions, queries
from kuulo.comments.forms import HIGH_SCORE, BulkForm, CommentFilters, PanelFilters, PraiseFilters
from kuulo.comments.models import CommentReview, PraiseHiding
from kuulo.comments.views_evidence import added_message
from kuulo.feedback.access import get_comment_for_user
from kuulo.feedback.models import Comment, Response, Sentiment
from kuulo.lib.exports import csv_response
from kuulo.lib.filters import bind_filters
from kuulo.lib.periods import Period
from kuulo.lib.translated import active_language
from kuulo.organisation import terms
from kuulo.organisation.access import get_service_for_user, services_with_role, visible_services
from kuulo.organisation.models import Channel, Role
from kuulo.traceability import registry
from kuulo.traceability.access import pair_or_404, target_for_user
from kuulo.traceability.actions import link
from kuulo.traceability.panel import Prefetch, prefetch

PANEL_SIZE = 5


def add_praise_state(comments: list[Comment]) -> None:
    """Attach `comment.praise_hiding` (who hid it from the walls of praise, or None) and
    `comment.worth_praise` (whether it is praise, as `queries.praise` selects it), in one query."""
    hidings = PraiseHiding.objects.filter(comment_id__in=[comment.pk for comment in comments]).select_related(
        "hidden_by"
    )
    by_comment = {hiding.comment_id: hiding for hiding in hidings}
    for comment in comments:
        comment.praise_hidden = by_comment.get(comment.pk)
        comment.worth_praise = (
            comment.sentiment == Sentiment.POSITIVE and comment.score is not None and comment.score >= HIGH_SCORE
        )


def decorate(comments: list[Comment]) -> None:
    for comment in comments:
        comment.disagrees = queries.disagrees(comment)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def comment_list(request: HttpRequest, pk: int) -> HttpResponse:
    """A service's comments, newest first, with search and filters in the URL."""
    service = get_service_for_user(request, pk)
    filters = bind_filters(request, CommentFilters, request.GET or None, service=service)
    template = "comments/_comment_results.html" if request.htmx else "comments/comment_list.html"
    allowed = service.can_contribute
    context = {"service": service, "filters": filters, "can_review": allowed, "can_hide_praise": allowed}
    data = filters.cleaned_data if filters.is_bound else {}
    period = filters.period_value()
    comments = queries.filtered(service, data, period)
    page = queries.page(queries.with_details(comments), data.get("after"))
    add_praise_state(page.comments)
    decorate(page.comments)
    count, more = queries.capped_count(comments)
    link_prefetch = prefetch(service, "comment", page.comments, request.user)
    context.update(
        bulk=BulkForm(targets=link_targets(link_prefetch)) if allowed else None,
        period=period,
        page=page,
        count=count,
        count_capped=more,
        link_prefetch=link_prefetch,
        query=filters.query_without("after") if filters.is_bound else "",
    )
    return render(request, template, context)


@login_required
@require_GET
def comment_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The comments that the filters select, as a streamed CSV file."""
    service = get_service_for_user(request, pk)
    filters = CommentFilters(request.GET or None, service=service)
    if filters.is_bound and not filters.is_valid():
        errors = "; ".join(f"{filters.fields[name].label}: {' '.join(errs)}" for name, errs in filters.errors.items())
        return HttpResponse(errors, status=422, content_type="text/plain; charset=utf-8")
    data = filters.cleaned_data if filters.is_bound else {}
    period = filters.period_value()
    comments = queries.with_details(queries.filtered(service, data, period)).order_by(*queries.NEWEST_FIRST)
    audit.record(request, "comments.exported", service, start=period.start, end=period.end, filters=request.GET.dict())
    return comments_csv(comments, service, period)


def comments_csv(comments, service, period: Period) -> StreamingHttpResponse:
    language = active_language()  # theme names in the language of the request, also while the file streams
    channels = {code: str(label) for code, label in Channel.choices}
    groups = {code: str(name) for code, name in terms.names_for(None, terms.CUSTOMER_GROUP).items()}
    touchpoints = {code: str(name) for code, name in terms.names_for(None, terms.TOUCHPOINT).items()}
    header = [
        _("Answered"),
        _("Channel"),
        _("Language of the response"),
        _("Language of the text"),
        _("Customer group"),
        _("Touchpoint"),
        _("Score"),
        _("Sentiment"),
        _("Themes"),
        _("Reviewed"),
        _("Comment"),
    ]
    rows = (
        [
            comment.response.responded_at.isoformat(),
            channels.get(comment.response.channel, comment.response.channel),
            comment.language,
            comment.detected_language,
            groups.get(comment.response.customer_group, comment.response.customer_group),
            touchpoints.get(comment.response.touchpoint, comment.response.touchpoint),
            "" if comment.score is None else comment.score,
            comment.sentiment,
            "; ".join(link.theme.name_in(language) for link in comment.links),
            "yes" if getattr(comment, "review", None) else "no",
            comment.text,
        ]
        for comment in comments.iterator(chunk_size=2000)
    )
    filename = f"kuulo-comments-{service.pk}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv"
    return csv_response(filename, header, rows)


@login_required
@require_POST
def comment_review(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    """Marks a comment reviewed (reviewed=1) or not (reviewed=0); htmx swaps its review block."""
    comment = get_comment_for_user(request, pk, comment_pk, role=Role.TEAM_MEMBER, accepted_only=True)
    service = comment.response.service
    if request.POST.get("reviewed") not in ("0", "1"):
        return HttpResponse(_("Say whether the comment is reviewed."), status=400, content_type="text/plain")
    if request.POST["reviewed"] == "1":
        CommentReview.objects.get_or_create(comment=comment, defaults={"reviewed_by": request.user})
        message = _("Marked reviewed.")
    else:
        CommentReview.objects.filter(comment=comment).delete()
        message = _("Marked not reviewed.")
    if not request.htmx:
        back = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
            return redirect(back)
        return redirect("comments:comment_list", pk=service.pk)
    comment = queries.with_details(Comment.objects.filter(pk=comment.pk)).get()
    context = {"service": service, "comment": comment, "can_review": True, "message": message}
    return render(request, "comments/_review.html", context)


def link_targets(found: Prefetch) -> list:
    """The bulk form's menu of things to add comments to as evidence: the evidence panels' menus,
    one group per kind, of the kinds the user may link."""
    groups = []
    for pair in registry.pairs_from("comment"):
        choices = found.choices.get(pair.target) or []
        if found.can_link.get(pair.target) and choices:
            kind = registry.kind(pair.target)
            entries = [
                (f"{pair.target}:{choice.pk}", f"{choice.prefix}{Truncator(choice.text).chars(70)}")
                for choice in map(kind.menu_entry, choices)
            ]
            groups.append((capfirst(kind.verbose_name), entries))
    return groups


@require_POST
@login_required
def comment_bulk(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks the chosen comments reviewed or not, or hides them from the walls of praise or shows them
    again, all at once; comments of other services or not accepted are passed over."""
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    form = BulkForm(request.POST, targets=link_targets(prefetch(service, "comment", [], request.user)))
    if not form.is_valid():
        errors = "; ".join(error for errors in form.errors.values() for error in errors)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    comments = list(
        Comment.objects.filter(
            service=service, pk__in=form.cleaned_data["comments"], response__status=Response.Status.ACCEPTED
        ).order_by("pk")
    )
    chosen_target = form.chosen_target()
    if chosen_target:
        kind, target_pk = chosen_target
        target = target_for_user(request, service, pair_or_404("comment", kind), target_pk)
        added = sum(link(comment, target, request.user)[1] for comment in comments)
        messages.success(request, added_message(added))
    else:
        changed = actions.apply_to_many(comments, form.cleaned_data["action"], request.user)
        label = dict(BulkForm.ACTIONS)[form.cleaned_data["action"]]
        messages.success(
            request,
            ngettext("%(action)s: %(count)s comment changed.", "%(action)s: %(count)s comments changed.", changed)
            % {"action": label, "count": changed},
        )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("comments:comment_list", pk=service.pk)


@login_required
@require_GET
def dashboard_panel(request: HttpRequest, pk: int) -> HttpResponse:
    """The comments block of the service dashboard, for the dashboard's own filters."""
    service = get_service_for_user(request, pk)
    filters = PanelFilters(request.GET)
    data = filters.cleaned_data if filters.is_valid() else {}
    period = filters.period_value()
    segment = {
        "response__channel": data.get("channel"),
        "response__language": data.get("language"),
        "response__customer_group": data.get("customer_group"),
    }
    segment = {name: value for name, value in segment.items() if value}
    comments = queries.in_period(service, period).filter(**segment)
    latest = list(queries.with_details(comments).order_by(*queries.NEWEST_FIRST)[:PANEL_SIZE])
    decorate(latest)
    counts, themes = queries.panel_counts(service, period, segment)
    link = {"period": data.get("period", "")} | ({"channel": data["channel"]} if data.get("channel") else {})
    context = {
        "service": service,
        "latest": latest,
        "counts": counts,
        "total": sum(row["count"] for row in counts),
        "themes": themes,
        "period": period,
        "link_query": "&".join(f"{name}={value}" for name, value in link.items() if value),
        "can_review": False,
    }
    return render(request, "comments/_panel.html", context)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def praise_service(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    return _praise(request, service, [service])


@login_required
@require_GET
@vary_on_headers("HX-Request")
def praise_organisation(request: HttpRequest) -> HttpResponse:
    return _praise(request, None, list(visible_services(request.user)))


def _praise(request: HttpRequest, service, services: list) -> HttpResponse:
    """Positive comments with a high score that nobody hid, newest first, as a wall of cards;
    team members and product owners of a comment's service get a button to hide it."""
    filters = PraiseFilters(request.GET or None)
    template = "comments/_praise_wall.html" if request.htmx else "comments/praise.html"
    context = {"service": service, "filters": filters, "show_service": service is None}
    if filters.is_bound and not filters.is_valid():
        return render(request, template, context, status=422)
    data = filters.cleaned_data if filters.is_bound else {}
    period = filters.period_value()
    comments = queries.praise(services, period).select_related("response__service")
    page = queries.page(comments, data.get("after"), size=queries.PRAISE_PAGE_SIZE)
    shown = {comment.response.service_id for comment in page.comments}
    may_hide = set(services_with_role(request.user, Role.TEAM_MEMBER).filter(pk__in=shown).values_list("pk", flat=True))
    for comment in page.comments:
        comment.praise_hidden = None  # the wall shows only comments nobody hid
        comment.can_hide = comment.response.service_id in may_hide
    query = filters.data.copy() if filters.is_bound else None
    if query is not None:
        query.pop("after", None)
    context.update(
        period=period,
        page=page,
        query=query.urlencode() if query is not None else "",
        wall="service" if service else "organisation",
    )
    return render(request, template, context)


@login_required
@require_POST
def praise_hide(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    """Hides a comment from the walls of praise (hidden=1) or shows it there again (hidden=0).

    htmx swaps the comment's card when the button was on a wall (`wall` is "service" or
    "organisation") and the comment's praise block on the comments page otherwise; without
    JavaScript the browser goes back to the page it came from."""
    comment = get_comment_for_user(request, pk, comment_pk, role=Role.TEAM_MEMBER, accepted_only=True)
    service = comment.response.service
    if request.POST.get("hidden") not in ("0", "1"):
        return HttpResponse(
            _("Say whether to hide the comment from the wall of praise."), status=400, content_type="text/plain"
        )
    if request.POST["hidden"] == "1":
        actions.hide_from_praise(comment, request.user)
        message = _("Hidden from the wall of praise.")
    else:
        actions.show_on_praise(comment)
        message = _("Shown on the wall of praise again.")
    wall = request.POST.get("wall", "")
    if not request.htmx:
        messages.success(request, message)
        back = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
            return redirect(back)
        return redirect("comments:praise_service" if wall else "comments:comment_list", pk=service.pk)
    add_praise_state([comment])
    context = {"service": service, "comment": comment, "message": message, "next_url": request.POST.get("next", "")}
    if wall in ("service", "organisation"):
        comment.can_hide = True
        context.update(wall=wall, show_service=wall == "organisation")
        return render(request, "comments/_praise_card.html", context)
    context["can_hide_praise"] = True
    return render(request, "comments/_praise_hiding.html", context)
