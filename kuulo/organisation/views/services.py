from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user, org_admin_required, visible_services
from kuulo.organisation.forms import ServiceForm
from kuulo.organisation.models import Membership, Role


@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = Membership.objects.filter(user=request.user).select_related("service__unit")
    return render(
        request,
        "organisation/home.html",
        {"memberships": memberships, "service_count": visible_services(request.user).count()},
    )


@login_required
def service_list(request: HttpRequest) -> HttpResponse:
    roles = dict(Membership.objects.filter(user=request.user).values_list("service_id", "role"))
    services = list(visible_services(request.user).select_related("unit").order_by("unit__name_fi", "name_fi"))
    for service in services:
        service.my_role = Role(roles[service.pk]) if service.pk in roles else None
    return render(request, "organisation/service_list.html", {"services": services})


@login_required
def service_detail(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    memberships = service.memberships.select_related("user").order_by("role", "user__last_name")
    return render(
        request,
        "organisation/service_detail.html",
        {"service": service, "memberships": memberships, "life_events": service.life_events.all()},
    )


@org_admin_required
def service_create(request: HttpRequest) -> HttpResponse:
    form = ServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service = form.save()
        messages.success(request, _("Service “%(name)s” was created.") % {"name": service.name})
        return redirect(service)
    return render_form_page(
        request,
        form,
        title=_("New service"),
        submit_label=_("Create service"),
        cancel_url=reverse("organisation:service_list"),
    )


@login_required
def service_edit(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(service)
    return render_form_page(
        request,
        form,
        title=_("Edit service: %(name)s") % {"name": service.name},
        submit_label=_("Save changes"),
        cancel_url=service.get_absolute_url(),
    )
