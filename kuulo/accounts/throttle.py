"""Hooks for django-axes, which slows down repeated failed logins."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext


def no_client_address(request: HttpRequest) -> None:
    """Failed logins are counted per user name only; no address is stored."""
    return None


def locked_out(request: HttpRequest, credentials: dict | None = None, *args, **kwargs) -> HttpResponse:
    from kuulo.accounts.forms import LoginForm

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = LoginForm(request, data=request.POST or None)
    form.add_locked_out_error(
        ngettext(
            "Too many failed attempts to log in. Wait %(minutes)d minute and try again.",
            "Too many failed attempts to log in. Wait %(minutes)d minutes and try again.",
            minutes,
        )
        % {"minutes": minutes}
    )
    return render(request, "accounts/login.html", {"form": form}, status=429)
