"""Retrospectives of a service's team; each action becomes a backlog item linked back to its retro."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kuulo.backlog import actions
from kuulo.backlog.models import BacklogItem
from kuulo.board.access import get_retro_for_user
from kuulo.board.forms import RetroForm
from kuulo.board.models import Retro
from kuulo.board.queries import mark_late
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role, Service


@login_required
def retro_list(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    done = Q(actions__status__in=actions.DONE_STATUSES)
    retros = Retro.objects.filter(service=service).annotate(
        action_count=Count("actions"), done_count=Count("actions", filter=done)
    )
    context = {"service": service, "retros": retros}
    return render(request, "board/retro_list.html", context)


@transaction.atomic
def create_retro(service: Service, user, *, held_on, went_well: str, to_improve: str, action_titles) -> Retro:
    """The retro and one backlog item (an improvement idea) per action, created through the backlog's actions."""
    retro = Retro.objects.create(
        service=service, held_on=held_on, went_well=went_well, to_improve=to_improve, created_by=user
    )
    for title in action_titles:
        actions.create_item(
            service,
            user,
            title=title,
            kind=BacklogItem.Kind.IMPROVEMENT,
            status=BacklogItem.Status.IDEA,
            retro=retro,
        )
    return retro


@login_required
def retro_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    form = RetroForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        retro = create_retro(
            service,
            request.user,
            held_on=data["held_on"],
            went_well=data["went_well"],
            to_improve=data["to_improve"],
            action_titles=data["actions"],
        )
        count = len(data["actions"])
        message = ngettext(
            "The retrospective was saved; %(count)s action was added to the backlog as an idea.",
            "The retrospective was saved; %(count)s actions were added to the backlog as ideas.",
            count,
        )
        messages.success(request, message % {"count": count} if count else _("The retrospective was saved."))
        return redirect("board:retro_detail", pk=service.pk, retro_pk=retro.pk)
    context = {"service": service, "form": form}
    return render(request, "board/retro_form.html", context, status=422 if form.errors else 200)


@login_required
def retro_detail(request: HttpRequest, pk: int, retro_pk: int) -> HttpResponse:
    retro = get_retro_for_user(request, pk, retro_pk)
    service = retro.service
    items = list(retro.actions.select_related("assignee").order_by("rank", "id"))
    mark_late(items)
    context = {"service": service, "retro": retro, "items": items}
    return render(request, "board/retro_detail.html", context)
