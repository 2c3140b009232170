from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from kuulo.accounts import oidc
from kuulo.accounts.forms import LoginForm, NewUserForm, ProfileForm, UserForm
from kuulo.accounts.models import User
from kuulo.lib.audited import audited
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import org_admin_required


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(single_sign_on=oidc.enabled(), password_login=settings.KUULO_PASSWORD_LOGIN)
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        remember_language(response, form.get_user().language)
        return response


login = LoginView.as_view()
logout = auth_views.LogoutView.as_view()
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:profile")
)


def remember_language(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also remembers the choice for a logged-in user."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your changes were saved."))
        response = redirect("accounts:profile")
        remember_language(response, user.language)
        return response
    return render(request, "accounts/profile.html", {"form": form}, status=422 if form.errors else 200)


@org_admin_required
def user_list(request: HttpRequest) -> HttpResponse:
    users = User.objects.prefetch_related("memberships__service").order_by("-is_active", "last_name", "first_name")
    return render(request, "accounts/user_list.html", {"users": users})


@org_admin_required
def user_create(request: HttpRequest) -> HttpResponse:
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            audited(request, "user.created", user, org_admin=user.is_superuser, active=user.is_active)
        messages.success(request, _("User %(user)s was created.") % {"user": user})
        return redirect("accounts:user_list")
    return render_form_page(
        request, form, title=_("New user"), submit_label=_("Create user"), cancel_url=reverse("accounts:user_list")
    )


@org_admin_required
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    form = UserForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        if user == request.user and not form.cleaned_data["is_org_admin"]:
            form.add_error("is_org_admin", _("You cannot remove your own admin role."))
        else:
            with transaction.atomic():
                form.save()
                audited(request, "user.changed", user, changed=form.changed_data, org_admin=user.is_superuser)
            messages.success(request, _("Your changes were saved."))
            return redirect("accounts:user_list")
    return render_form_page(
        request,
        form,
        title=_("Edit user: %(user)s") % {"user": user},
        submit_label=_("Save changes"),
        cancel_url=reverse("accounts:user_list"),
    )
