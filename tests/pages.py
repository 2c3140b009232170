"""Every staff page of Kuulo and how to build its URL for the shared personas.

The role matrix and the accessibility scan both walk this list, and
test_every_url_is_listed fails when a URL pattern is missing from it, so a
new page cannot skip either.
"""

from kuulo.organisation.models import Membership, Role
from tests.factories import LifeEventFactory, UnitFactory

EVERYONE = {"admin": 200, "product_owner": 200, "team_member": 200, "viewer": 200, "outsider": 200}
MEMBERS = {"admin": 200, "product_owner": 200, "team_member": 200, "viewer": 200, "outsider": 404}
MANAGERS = {"admin": 200, "product_owner": 200, "team_member": 403, "viewer": 403, "outsider": 404}
ADMINS = {"admin": 200, "product_owner": 404, "team_member": 404, "viewer": 404, "outsider": 404}


def team_membership(service) -> list:
    membership = Membership.objects.get(service=service, role=Role.TEAM_MEMBER)
    return [service.pk, membership.pk]


# url name: (args for the persona service, expected status per role)
STAFF_PAGES = {
    "organisation:home": (lambda s: [], EVERYONE),
    "organisation:service_list": (lambda s: [], EVERYONE),
    "organisation:service_detail": (lambda s: [s.pk], MEMBERS),
    "organisation:service_edit": (lambda s: [s.pk], MANAGERS),
    "organisation:service_members": (lambda s: [s.pk], MANAGERS),
    "organisation:membership_edit": (team_membership, MANAGERS),
    "organisation:membership_remove": (team_membership, MANAGERS),
    "organisation:service_create": (lambda s: [], ADMINS),
    "organisation:unit_list": (lambda s: [], EVERYONE),
    "organisation:unit_create": (lambda s: [], ADMINS),
    "organisation:unit_edit": (lambda s: [UnitFactory().pk], ADMINS),
    "organisation:life_event_list": (lambda s: [], EVERYONE),
    "organisation:life_event_create": (lambda s: [], ADMINS),
    "organisation:life_event_edit": (lambda s: [LifeEventFactory().pk], ADMINS),
    "organisation:organisation_edit": (lambda s: [], ADMINS),
    "accounts:profile": (lambda s: [], EVERYONE),
    "accounts:password_change": (lambda s: [], EVERYONE),
    "accounts:user_list": (lambda s: [], ADMINS),
    "accounts:user_create": (lambda s: [], ADMINS),
    "accounts:user_edit": (lambda s: [s.memberships.first().user_id], ADMINS),
    # --- metrics: library and targets ---
    # --- surveys: builder and collection points ---
    # --- feedback: review queue and imports ---
    # --- api: tokens ---
}

# Pages anyone can open without logging in: (args, expected status).
PUBLIC_PAGES = {
    "accounts:login": lambda s: [],
    # --- public: survey page, widget demo ---
}

# URL patterns that are not pages, with the reason.
NOT_PAGES = {
    "accounts:logout": "POST only; redirects to the login page",
    "accounts:set_language": "POST only; redirects back",
    "health": "plain-text answer for load balancers",
    # --- public endpoints (JSON, images, scripts) ---
    # --- api endpoints ---
}
