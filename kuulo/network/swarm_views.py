"""Swarms and communities of practice: lists, creation, one swarm (members, meetings, notes, linked
ideas, insights and backlog items, its outcome at close) and one community (its meetups and a
discussion thread per meetup), and their calendar feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST, require_safe

from kuulo.backlog.access import get_item_for_user
from kuulo.backlog.models import BacklogItem
from kuulo.insights.access import get_insight_for_user
from kuulo.insights.models import Insight
from kuulo.network import ical
from kuulo.network.access import get_idea_for_user, staff_required
from kuulo.network.swarm_access import communities_for, get_community_for_user, get_swarm_for_user, swarms_for
from kuulo.network.swarm_forms import (
    CloseForm,
    CommunityForm,
    LinkForm,
    MeetingForm,
    MeetupPostForm,
    MemberForm,
    NoteForm,
    SwarmForm,
)
from kuulo.network.swarm_models import Community, MeetupPost, Swarm, SwarmNote


def _calendar(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kuulo.ics"'
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@login_required
def guest_home(request: HttpRequest) -> HttpResponse:
    """What a person sees of the network: the swarms and communities (for a guest, only their own)."""
    context = {
        "swarms": swarms_for(request.user).prefetch_related("units"),
        "communities": communities_for(request.user),
    }
    return render(request, "network/network_home.html", context)


@staff_required
def swarm_create(request: HttpRequest) -> HttpResponse:
    form = SwarmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        swarm = form.save(commit=False)
        swarm.facilitator = request.user
        swarm.save()
        form.save_m2m()
        swarm.members.add(request.user)
        messages.success(request, _("The swarm was created. Add its members and first meeting."))
        return redirect(swarm)
    return render(request, "network/swarm_form.html", {"form": form}, status=422 if form.errors else 200)


def _swarm_context(request, swarm, **forms) -> dict:
    return {
        "swarm": swarm,
        "members": swarm.members.select_related("guest_profile").order_by("last_name", "first_name", "username"),
        "units": swarm.units.all(),
        "meetings": swarm.meetings.all(),
        "notes": swarm.notes.select_related("author"),
        "ideas": swarm.ideas.all(),
        "insights": [] if swarm.viewer_is_guest else swarm.insights.select_related("service"),
        "items": [] if swarm.viewer_is_guest else swarm.items.select_related("service"),
        "feed_url": request.build_absolute_uri(reverse("network:swarm_feed", args=[swarm.feed_token])),
        "meeting_form": forms.get("meeting_form") or MeetingForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "member_form": forms.get("member_form") or MemberForm(),
        "link_form": forms.get("link_form") or LinkForm(),
        "close_form": forms.get("close_form") or CloseForm(),
    }


@require_GET
@login_required
def swarm_detail(request: HttpRequest, pk: int) -> HttpResponse:
    swarm = get_swarm_for_user(request, pk)
    return render(request, "network/swarm_detail.html", _swarm_context(request, swarm))


def _swarm_invalid(request, swarm, **forms) -> HttpResponse:
    return render(request, "network/swarm_detail.html", _swarm_context(request, swarm, **forms), status=422)


@require_POST
@staff_required
def swarm_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    swarm = get_swarm_for_user(request, pk, manage=True)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        return _swarm_invalid(request, swarm, meeting_form=form)
    meeting = form.save(commit=False)
    meeting.swarm = swarm
    meeting.save()
    messages.success(request, _("The meeting is in the swarm's calendar."))
    return redirect(swarm)


@require_POST
@login_required
def swarm_note(request: HttpRequest, pk: int) -> HttpResponse:
    swarm = get_swarm_for_user(request, pk)
    if not (swarm.is_member or swarm.can_manage):
        raise PermissionDenied
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _swarm_invalid(request, swarm, note_form=form)
    SwarmNote.objects.create(swarm=swarm, author=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("The note was added."))
    return redirect(swarm)


@require_POST
@staff_required
def swarm_member(request: HttpRequest, pk: int) -> HttpResponse:
    swarm = get_swarm_for_user(request, pk, manage=True)
    form = MemberForm(request.POST)
    if not form.is_valid():
        return _swarm_invalid(request, swarm, member_form=form)
    swarm.members.add(form.cleaned_data["username"])
    messages.success(request, _("The member was added."))
    return redirect(swarm)


@require_POST
@staff_required
def swarm_join(request: HttpRequest, pk: int) -> HttpResponse:
    swarm = get_swarm_for_user(request, pk)
    if swarm.status == Swarm.Status.CLOSED:
        raise PermissionDenied
    swarm.members.add(request.user)
    messages.success(request, _("You joined the swarm."))
    return redirect(swarm)


@require_POST
@staff_required
def swarm_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Links an idea, an insight or a backlog item by its number; the person must see it."""
    swarm = get_swarm_for_user(request, pk, manage=True)
    form = LinkForm(request.POST)
    if not form.is_valid():
        return _swarm_invalid(request, swarm, link_form=form)
    kind, number = form.cleaned_data["kind"], form.cleaned_data["number"]
    try:
        if kind == "idea":
            swarm.ideas.add(get_idea_for_user(request, number))
        elif kind == "insight":
            insight = Insight.objects.filter(pk=number).only("service_id").first()
            if insight is None:
                raise Http404
            swarm.insights.add(get_insight_for_user(request, insight.service_id, number))
        else:
            item = BacklogItem.objects.filter(pk=number).only("service_id").first()
            if item is None:
                raise Http404
            swarm.items.add(get_item_for_user(request, item.service_id, number))
    except (Http404, PermissionDenied):
        form.add_error("number", _("You have no such thing to link: check the number."))
        return _swarm_invalid(request, swarm, link_form=form)
    messages.success(request, _("The link was added."))
    return redirect(swarm)


@require_POST
@staff_required
def swarm_close(request: HttpRequest, pk: int) -> HttpResponse:
    swarm = get_swarm_for_user(request, pk, manage=True)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _swarm_invalid(request, swarm, close_form=form)
    swarm.status, swarm.outcome = Swarm.Status.CLOSED, form.cleaned_data["outcome"]
    swarm.save(update_fields=["status", "outcome"])
    messages.success(request, _("The swarm was closed with its outcome."))
    return redirect(swarm)


@require_safe
def swarm_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The swarm's meetings for calendar programs; the secret address is the key."""
    swarm = Swarm.objects.filter(feed_token=token).first()
    if swarm is None:
        raise Http404("No such feed.")
    url = request.build_absolute_uri(swarm.get_absolute_url())
    return _calendar(ical.swarm_calendar(swarm, swarm.meetings.all(), request.get_host(), url))


# Communities of practice


@staff_required
def community_create(request: HttpRequest) -> HttpResponse:
    form = CommunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        community = form.save(commit=False)
        community.facilitator = request.user
        community.save()
        community.members.add(request.user)
        messages.success(request, _("The community was created."))
        return redirect(community)
    return render(request, "network/community_form.html", {"form": form}, status=422 if form.errors else 200)


def _community_context(request, community, post_form=None) -> dict:
    past, upcoming = ical.meetups(community)
    posts = {}
    for post in community.posts.select_related("author"):
        posts.setdefault(post.meetup_on, []).append(post)
    moments = [*reversed(past), *upcoming]
    threads = [(moment, posts.get(timezone.localtime(moment).date(), [])) for moment in moments]
    return {
        "community": community,
        "members": community.members.select_related("guest_profile").order_by("last_name", "first_name", "username"),
        "threads": threads,
        "feed_url": request.build_absolute_uri(reverse("network:community_feed", args=[community.feed_token])),
        "post_form": post_form,
        "member_form": MemberForm(),
    }


@require_GET
@login_required
def community_detail(request: HttpRequest, pk: int) -> HttpResponse:
    community = get_community_for_user(request, pk)
    return render(request, "network/community_detail.html", _community_context(request, community))


@require_POST
@login_required
def meetup_post(request: HttpRequest, pk: int) -> HttpResponse:
    community = get_community_for_user(request, pk)
    if not (community.is_member or community.can_manage):
        raise PermissionDenied
    form = MeetupPostForm(request.POST)
    if not form.is_valid():
        context = _community_context(request, community, post_form=form)
        return render(request, "network/community_detail.html", context, status=422)
    MeetupPost.objects.create(community=community, author=request.user, **form.cleaned_data)
    messages.success(request, _("Your message was added to the meetup's thread."))
    return redirect(community)


@require_POST
@staff_required
def community_member(request: HttpRequest, pk: int) -> HttpResponse:
    community = get_community_for_user(request, pk, manage=True)
    form = MemberForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("No active user has that user name."))
        return redirect(community)
    community.members.add(form.cleaned_data["username"])
    messages.success(request, _("The member was added."))
    return redirect(community)


@require_POST
@staff_required
def community_join(request: HttpRequest, pk: int) -> HttpResponse:
    community = get_community_for_user(request, pk)
    community.members.add(request.user)
    messages.success(request, _("You joined the community."))
    return redirect(community)


@require_safe
def community_feed(request: HttpRequest, token: str) -> HttpResponse:
    community = Community.objects.filter(feed_token=token).first()
    if community is None:
        raise Http404("No such feed.")
    url = request.build_absolute_uri(community.get_absolute_url())
    return _calendar(ical.community_calendar(community, request.get_host(), url))
