"""The staff idea board: the list, posting, one idea with its votes, followers, comments, status
history and (once promoted) its backlog item's progress and measured effect."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.effects import effect
from kuulo.lib.filters import bind_filters
from kuulo.network import actions, queries
from kuulo.network.access import get_idea_for_user, staff_required
from kuulo.network.forms import CommentForm, IdeaFilterForm, IdeaForm, PromoteForm, StatusForm
from kuulo.network.models import Attachment, Follow, Vote
from kuulo.organisation.models import Service

PAGE_SIZE = 25


def _without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_GET
@staff_required
@vary_on_headers("HX-Request")
def idea_list(request: HttpRequest) -> HttpResponse:
    filters = bind_filters(request, IdeaFilterForm, request.GET or None)
    cleaned = filters.cleaned_data if filters.is_bound else {}
    ideas = queries.ideas_for_list(
        request.user,
        q=cleaned.get("q", ""),
        status=cleaned.get("status", ""),
        service=cleaned.get("service"),
        life_event=cleaned.get("life_event"),
        sort=cleaned.get("sort") or "votes",
    )
    page = Paginator(ideas, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "network/_idea_results.html" if request.htmx else "network/idea_list.html"
    context = {"filters": filters, "page": page, "query": _without_page(request)}
    return render(request, template, context)


@staff_required
def idea_create(request: HttpRequest) -> HttpResponse:
    form = IdeaForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        idea = actions.post_idea(
            request.user,
            title=data["title"],
            description=data["description"],
            services=data["services"],
            life_events=data["life_events"],
            files=data["attachments"],
        )
        messages.success(request, _("Your idea was posted. You follow it, and your vote is on it."))
        return redirect(idea)
    return render(request, "network/idea_form.html", {"form": form}, status=422 if form.errors else 200)


def _detail_context(request: HttpRequest, idea, **forms) -> dict:
    items = actions.promoted_items(idea)
    progress = [(item, effect.item_effect(item) if item.done_at else None) for item in items]
    context = {
        "idea": idea,
        "services": idea.services.all(),
        "life_events": idea.life_events.all(),
        "attachments": idea.attachments.defer("data"),
        "vote_count": queries.vote_count(idea),
        "voted": Vote.objects.filter(idea=idea, voter=request.user).exists(),
        "following": Follow.objects.filter(idea=idea, follower=request.user).exists(),
        "follower_count": idea.follows.count(),
        "comments": idea.comments.select_related("author"),
        "changes": idea.status_changes.select_related("changed_by"),
        "progress": progress,
        "comment_form": forms.get("comment_form") or CommentForm(),
        "status_form": forms.get("status_form") or StatusForm(idea=idea, initial={"status": idea.status}),
        "promote_form": forms.get("promote_form")
        or PromoteForm(services=_promote_services(idea), initial={"title": idea.title}),
    }
    return context


def _promote_services(idea):
    return Service.objects.filter(pk__in=[service.pk for service in idea.promote_services])


@require_GET
@staff_required
def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request, pk)
    return render(request, "network/idea_detail.html", _detail_context(request, idea))


@require_POST
@staff_required
def idea_vote(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request, pk)
    try:
        if request.POST.get("vote") == "remove":
            actions.remove_vote(idea, request.user)
            messages.success(request, _("Your vote was removed."))
        else:
            actions.vote(idea, request.user)
            messages.success(request, _("Your vote is on the idea."))
    except actions.VotesFrozen:
        messages.error(request, _("The votes of this idea no longer change: it is done, declined or a duplicate."))
        return render(request, "network/idea_detail.html", _detail_context(request, idea), status=409)
    return redirect(idea)


@require_POST
@staff_required
def idea_follow(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request, pk)
    if request.POST.get("follow") == "stop":
        actions.unfollow(idea, request.user)
        messages.success(request, _("You no longer follow the idea."))
    else:
        actions.follow(idea, request.user)
        messages.success(request, _("You follow the idea: you hear when its status changes."))
    return redirect(idea)


@require_POST
@staff_required
def idea_comment(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render(
            request, "network/idea_detail.html", _detail_context(request, idea, comment_form=form), status=422
        )
    actions.add_comment(idea, request.user, form.cleaned_data["text"])
    messages.success(request, _("Your comment was added."))
    return redirect(idea)


@require_POST
@staff_required
def idea_status(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request, pk)
    if not idea.can_moderate:
        raise PermissionDenied
    form = StatusForm(request.POST, idea=idea)
    if not form.is_valid():
        return render(request, "network/idea_detail.html", _detail_context(request, idea, status_form=form), status=422)
    data = form.cleaned_data
    actions.change_status(idea, request.user, data["status"], data["response"], duplicate_of=data["original"])
    messages.success(request, _("The status is now “%(status)s”.") % {"status": idea.get_status_display()})
    return redirect(idea)


@require_POST
@staff_required
def idea_promote(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request, pk)
    if not idea.promote_services:
        raise PermissionDenied
    form = PromoteForm(request.POST, services=_promote_services(idea))
    if not form.is_valid():
        context = _detail_context(request, idea, promote_form=form)
        return render(request, "network/idea_detail.html", context, status=422)
    data = form.cleaned_data
    item = actions.promote_idea(idea, request.user, data["service"], title=data["title"], response=data["response"])
    messages.success(request, _("The idea is now a backlog item. Service: %(service)s.") % {"service": item.service})
    return redirect(idea)


@require_GET
@staff_required
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    idea = get_idea_for_user(request, pk)
    attachment = get_object_or_404(Attachment, idea=idea, pk=attachment_pk)
    response = HttpResponse(bytes(attachment.data), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, attachment.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
