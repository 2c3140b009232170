from django.utils.translation import gettext_lazy as _
from oidc_provider.lib.claims import ScopeClaims


def userinfo(claims: dict, user) -> dict:
    claims.update(
        given_name=user.first_name,
        family_name=user.last_name,
        email=user.email,
        preferred_username=user.username,
    )
    return claims


class GroupClaims(ScopeClaims):
    info_groups = (_("Groups"), _("The groups you belong to."))

    def scope_groups(self) -> dict:
        return {"groups": list(self.user.groups.values_list("name", flat=True))}
