"""API tokens: organisation admins create, list and revoke them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kuulo.api.forms import ApiTokenForm
from kuulo.api.models import ApiToken
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import org_admin_required


@org_admin_required
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = ApiToken.objects.select_related("created_by")
    return render(request, "api/token_list.html", {"tokens": tokens})


@org_admin_required
@never_cache
def token_create(request: HttpRequest) -> HttpResponse:
    """Creates a token and shows it once; only its hash is kept."""
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        api_token, token = ApiToken.issue(form.cleaned_data["name"], created_by=request.user)
        return render(request, "api/token_created.html", {"api_token": api_token, "token": token})
    return render_form_page(
        request,
        form,
        title=_("New API token"),
        submit_label=_("Create token"),
        cancel_url=reverse("api:token_list"),
    )


@org_admin_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    api_token = get_object_or_404(ApiToken, pk=pk, revoked_at__isnull=True)
    if request.method == "POST":
        api_token.revoke()
        messages.success(request, _("The token “%(name)s” was revoked.") % {"name": api_token.name})
        return redirect("api:token_list")
    return render(request, "api/token_revoke.html", {"api_token": api_token})
