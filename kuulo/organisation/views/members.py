from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from kuulo.lib.views import render_form_page
from kuulo.organisation import actions
from kuulo.organisation.access import get_membership_for_user, get_service_for_user
from kuulo.organisation.forms import MembershipForm, MembershipRoleForm
from kuulo.organisation.models import Role, Service


@login_required
@vary_on_headers("HX-Request")
def service_members(request: HttpRequest, pk: int) -> HttpResponse:
    """The team of a service with a form to add people; htmx swaps the list in place."""
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    by_admin = request.user.is_org_admin
    form = MembershipForm(request.POST or None, service=service, by_admin=by_admin)
    if request.method == "POST" and form.is_valid():
        membership = actions.add_member(service, form.cleaned_data["user"], form.cleaned_data["role"])
        messages.success(request, _("%(user)s was added to the service.") % {"user": membership.user})
        if not request.htmx:
            return redirect("organisation:service_members", pk=service.pk)
        form = MembershipForm(service=service, by_admin=by_admin)
    context = {"service": service, "form": form, "memberships": team_of(service)}
    template = "organisation/_members.html" if request.htmx else "organisation/service_members.html"
    return render(request, template, context, status=422 if form.errors else 200)


def team_of(service: Service):
    return service.memberships.select_related("user").order_by("role", "user__last_name", "user__username")


@login_required
def membership_edit(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = get_membership_for_user(request, pk, membership_pk)
    form = MembershipRoleForm(request.POST or None, instance=membership, by_admin=request.user.is_org_admin)
    if request.method == "POST" and form.is_valid():
        actions.change_role(membership, form.cleaned_data["role"])
        messages.success(request, _("The role was changed."))
        return redirect("organisation:service_members", pk=pk)
    return render_form_page(
        request,
        form,
        title=_("Role of %(user)s in %(service)s") % {"user": membership.user, "service": membership.service},
        submit_label=_("Save changes"),
        cancel_url=reverse("organisation:service_members", args=[pk]),
    )


@login_required
def membership_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = get_membership_for_user(request, pk, membership_pk)
    if request.method == "POST":
        actions.remove_member(membership)
        messages.success(request, _("%(user)s was removed from the service.") % {"user": membership.user})
        return redirect("organisation:service_members", pk=pk)
    return render(request, "organisation/membership_remove.html", {"membership": membership})
