"""Single sign-on with OpenID Connect, through mozilla-django-oidc (docs/sso.md).

The provider is any standard one (Entra ID, Keycloak, …), set by the KUULO_OIDC_* variables.
A person is matched by the provider's subject claim (`ExternalIdentity`), never by e-mail. The
first sign-in creates a user with no rights; when the settings map the provider's groups, the
groups claim decides, at every sign-in, whether the user is an organisation admin and which role
they have on each mapped service (services not in the mapping keep the memberships set in Kuulo).
"""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from kuulo.accounts.models import ExternalIdentity, User
from kuulo.organisation.models import Membership, Role, Service


def enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


class KuuloOIDCBackend(OIDCAuthenticationBackend):
    def get_userinfo(self, access_token, id_token, payload):
        """The verified ID token's claims with the user info's over them: Entra ID, for one, puts the
        groups in the ID token only."""
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def verify_claims(self, claims: dict) -> bool:
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims: dict):
        identities = ExternalIdentity.objects.filter(issuer=settings.KUULO_OIDC_ISSUER, subject=claims["sub"])
        return User.objects.filter(pk__in=identities.values("user_id"), is_active=True)

    @transaction.atomic
    def create_user(self, claims: dict) -> User:
        user = User(username=_free_username(claims), language=settings.LANGUAGE_CODE)
        _copy_profile(user, claims)
        user.set_unusable_password()
        user.save()
        ExternalIdentity.objects.create(user=user, issuer=settings.KUULO_OIDC_ISSUER, subject=claims["sub"])
        apply_groups(user, claims)
        return user

    @transaction.atomic
    def update_user(self, user: User, claims: dict) -> User:
        _copy_profile(user, claims)
        user.save()
        apply_groups(user, claims)
        return user

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None:
            ExternalIdentity.objects.filter(user=user, issuer=settings.KUULO_OIDC_ISSUER).update(
                last_login_at=timezone.now()
            )
        return user


def _copy_profile(user: User, claims: dict) -> None:
    user.email = claims.get("email") or user.email
    user.first_name = (claims.get("given_name") or user.first_name)[:150]
    user.last_name = (claims.get("family_name") or user.last_name)[:150]


def _free_username(claims: dict) -> str:
    wanted = (claims.get("preferred_username") or claims.get("email") or claims["sub"])[:140]
    username = wanted
    while User.objects.filter(username=username).exists():
        username = f"{wanted}-{get_random_string(4).lower()}"
    return username


def apply_groups(user: User, claims: dict) -> None:
    """Organisation admin and service roles from the groups claim, where the settings map them."""
    groups = claims.get(settings.KUULO_OIDC_GROUPS_CLAIM) or []
    groups = {groups} if isinstance(groups, str) else set(groups)
    if settings.KUULO_OIDC_ADMIN_GROUPS:
        admin = bool(groups & set(settings.KUULO_OIDC_ADMIN_GROUPS))
        if admin != user.is_superuser:
            user.is_superuser = user.is_staff = admin
            user.save(update_fields=["is_superuser", "is_staff"])
    wanted: dict[str, Role | None] = {}
    for group, slug, role in settings.KUULO_OIDC_SERVICE_ROLES:
        best = wanted.get(slug)
        if group in groups and (best is None or Role(role).rank > best.rank):
            wanted[slug] = Role(role)
        else:
            wanted.setdefault(slug, None)
    for service in Service.objects.filter(slug__in=wanted):
        role = wanted[service.slug]
        if role is None:
            Membership.objects.filter(user=user, service=service).delete()
        else:
            Membership.objects.update_or_create(user=user, service=service, defaults={"role": role})


class CallbackView(OIDCAuthenticationCallbackView):
    def login_failure(self):
        messages.error(self.request, _("Single sign-on did not succeed. Try again, or ask your administrator."))
        return super().login_failure()


@require_GET
def authenticate(request: HttpRequest) -> HttpResponse:
    """Starts single sign-on: a redirect to the provider. Not found when it is not set up."""
    if not enabled():
        raise Http404("Single sign-on is not in use.")
    return OIDCAuthenticationRequestView.as_view()(request)


@require_GET
def callback(request: HttpRequest) -> HttpResponse:
    """Where the provider sends the person back with a code."""
    if not enabled():
        raise Http404("Single sign-on is not in use.")
    return CallbackView.as_view()(request)
