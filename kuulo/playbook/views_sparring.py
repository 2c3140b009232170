"""Volunteering as a sparring partner, asking one for help, and answering requests."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kuulo.playbook import sparring
from kuulo.playbook.access import get_help_request_for_partner, get_method
from kuulo.playbook.forms import HelpRequestForm, VolunteerForm
from kuulo.playbook.models import HelpRequest, SparringPartner


@require_POST
@login_required
def volunteer(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_method(slug)
    form = VolunteerForm(request.POST)
    if form.is_valid():
        SparringPartner.objects.update_or_create(
            method=method, user=request.user, defaults={"note": form.cleaned_data["note"]}
        )
        messages.success(request, _("Thank you. You are now a sparring partner for this method."))
    else:
        messages.error(request, _("The note is too long: at most 300 characters."))
    return redirect(method)


@require_POST
@login_required
def withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_method(slug)
    SparringPartner.objects.filter(method=method, user=request.user).delete()
    messages.success(request, _("You are no longer a sparring partner for this method."))
    return redirect(method)


@login_required
def request_help(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_method(slug)
    partners = get_user_model().objects.filter(sparring__method=method, is_active=True).exclude(pk=request.user.pk)
    form = HelpRequestForm(request.POST or None, partners=partners)
    if request.method == "POST" and form.is_valid():
        sparring.request_help(method, request.user, form.cleaned_data["partner"], form.cleaned_data["message"])
        messages.success(request, _("Your request was sent. You will get a notification when it is answered."))
        return redirect(method)
    context = {"form": form, "method": method, "has_partners": partners.exists()}
    return render(request, "playbook/request_help.html", context, status=422 if form.errors else 200)


@require_GET
@login_required
def help_request_list(request: HttpRequest) -> HttpResponse:
    """Requests addressed to me (to answer) and those I sent (to follow)."""
    related = ("method", "requester", "partner")
    context = {
        "to_me": HelpRequest.objects.filter(partner=request.user).select_related(*related),
        "from_me": HelpRequest.objects.filter(requester=request.user).select_related(*related),
        "my_methods": SparringPartner.objects.filter(user=request.user).select_related("method"),
    }
    return render(request, "playbook/help_request_list.html", context)


@require_POST
@login_required
def help_request_close(request: HttpRequest, pk: int) -> HttpResponse:
    help_request = get_help_request_for_partner(request, pk)
    status = request.POST.get("status", "")
    if status not in (HelpRequest.Status.HELPED, HelpRequest.Status.DECLINED):
        messages.error(request, _("Choose whether you helped or cannot help."))
        return redirect("playbook:help_request_list")
    if help_request.status != HelpRequest.Status.OPEN:
        messages.error(request, _("This request has already been answered."))
        return redirect("playbook:help_request_list")
    sparring.close_help_request(help_request, status)
    messages.success(request, _("Thank you. The colleague who asked was told."))
    return redirect("playbook:help_request_list")
