"""Checkpoints as iCalendar feeds: one per plan, and one per person with every checkpoint
they attend. Calendar programs cannot log in, so each feed's secret address is its key;
"Make a new address" replaces it and the old one answers 404. Both feeds are written by
kuulo.plans.ical from the checkpoints kuulo.plans.queries.calendar_checkpoints chooses."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.plans import actions, ical
from kuulo.plans.access import get_plan_for_user
from kuulo.plans.models import Checkpoint, PersonalFeed, Plan
from kuulo.plans.queries import attended_checkpoints, calendar_checkpoints
from kuulo.plans.report_views import file_name


def _report_url(request: HttpRequest) -> Callable[[Checkpoint], str]:
    return lambda checkpoint: request.build_absolute_uri(
        reverse("plans:checkpoint_report", args=[checkpoint.plan_id, checkpoint.pk])
    )


def _calendar_response(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{file_name(name)}.ics"'
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The plan's checkpoints for calendar programs; of an archived plan only those already held."""
    plan = Plan.objects.filter(feed_token=token).first()
    if plan is None:
        raise Http404("No such feed.")
    checkpoints = calendar_checkpoints(plan.checkpoints.all())
    body = ical.plan_calendar(plan, checkpoints, request.get_host(), _report_url(request))
    return _calendar_response(body, plan.title)


@require_POST
@login_required
def feed_rotate(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk, manage=True)
    actions.rotate_feed_token(plan)
    messages.success(request, _("The calendar has a new address; the old one no longer works."))
    return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#calendar")


def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Every checkpoint the address's owner attends, in the language they chose for Kuulo."""
    found = PersonalFeed.objects.filter(token=token, user__is_active=True).select_related("user").first()
    if found is None:
        raise Http404("No such feed.")
    user = found.user
    checkpoints = calendar_checkpoints(attended_checkpoints(user))
    with translation.override(user.language):
        name = _("Kuulo: checkpoints of %(name)s") % {"name": user}
        description = _("The development plan checkpoints %(name)s attends") % {"name": user}
        body = ical.checkpoint_calendar(name, description, checkpoints, request.get_host(), _report_url(request))
    return _calendar_response(body, name)


@login_required
def my_calendar(request: HttpRequest) -> HttpResponse:
    """The person's own calendar address, to copy into a calendar program, and what it holds next."""
    own = actions.personal_feed(request.user)
    upcoming = calendar_checkpoints(attended_checkpoints(request.user)).filter(starts_at__gte=timezone.now())
    context = {
        "feed_url": request.build_absolute_uri(reverse("plans:personal_feed", args=[own.token])),
        "upcoming": upcoming[:10],
    }
    return render(request, "plans/my_calendar.html", context)


@require_POST
@login_required
def my_calendar_rotate(request: HttpRequest) -> HttpResponse:
    actions.rotate_personal_feed(request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("plans:my_calendar")
