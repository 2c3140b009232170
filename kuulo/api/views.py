"""API tokens: organisation admins create, list, narrow and revoke them."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

import kuulo.audit as audit
from kuulo.api.forms import ApiTokenForm, TokenAccessForm
from kuulo.api.models import ApiToken
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import org_admin_required


@org_admin_required
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = list(ApiToken.objects.select_related("created_by").prefetch_related("services"))
    legacy = [api_token for api_token in tokens if api_token.legacy and not api_token.revoked_at]
    return render(request, "api/token_list.html", {"tokens": tokens, "legacy": legacy})


@org_admin_required
@never_cache
def token_create(request: HttpRequest) -> HttpResponse:
    """Creates a token with the scopes and services chosen and shows it once; only its hash is kept."""
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        api_token, token = ApiToken.issue(
            data["name"], created_by=request.user, scopes=data["scopes"], services=data["services"]
        )
        return render(request, "api/token_created.html", {"api_token": api_token, "token": token})
    return render_form_page(
        request,
        form,
        title=_("New API token"),
        submit_label=_("Create token"),
        cancel_url=reverse("api:token_list"),
    )


@org_admin_required
def token_access(request: HttpRequest, pk: int) -> HttpResponse:
    """Changes what a token in use may do and where; the token itself stays the same."""
    api_token = get_object_or_404(ApiToken, pk=pk, revoked_at__isnull=True)
    form = TokenAccessForm.of(api_token, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            api_token.set_access(form.cleaned_data["scopes"], form.cleaned_data["services"])
            audit.record(request, "token.access_changed", api_token, scopes=api_token.scopes)
        messages.success(request, _("The access of the token “%(name)s” was changed.") % {"name": api_token.name})
        return redirect("api:token_list")
    context = {"api_token": api_token, "form": form}
    return render(request, "api/token_access.html", context, status=422 if form.errors else 200)


@org_admin_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    api_token = get_object_or_404(ApiToken, pk=pk, revoked_at__isnull=True)
    if request.method == "POST":
        api_token.revoke()
        messages.success(request, _("The token “%(name)s” was revoked.") % {"name": api_token.name})
        return redirect("api:token_list")
    return render(request, "api/token_revoke.html", {"api_token": api_token})
