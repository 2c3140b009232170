"""Every staff page against every persona: what each role may open, and that
the outsider gets 404. A page missing here fails test_every_page_is_in_the_matrix."""

import pytest
from django.urls import reverse

from kuulo.organisation.models import Membership, Role
from tests.factories import LifeEventFactory, UnitFactory

EVERYONE = {"admin": 200, "product_owner": 200, "team_member": 200, "viewer": 200, "outsider": 200}
MEMBERS = {"admin": 200, "product_owner": 200, "team_member": 200, "viewer": 200, "outsider": 404}
MANAGERS = {"admin": 200, "product_owner": 200, "team_member": 403, "viewer": 403, "outsider": 404}
ADMINS = {"admin": 200, "product_owner": 404, "team_member": 404, "viewer": 404, "outsider": 404}


def team_membership(service) -> list:
    membership = Membership.objects.get(service=service, role=Role.TEAM_MEMBER)
    return [service.pk, membership.pk]


PAGES = {
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
}
# Pages that need no login, and endpoints that only take POST.
PUBLIC_OR_ACTION = {"accounts:login", "accounts:logout", "accounts:set_language", "health"}

CASES = [(name, role) for name in PAGES for role in EVERYONE]


@pytest.mark.parametrize(("url_name", "role"), CASES, ids=[f"{role}-opens-{name}" for name, role in CASES])
def test_each_role_gets_what_it_should(client_as, service, url_name, role):
    args_for, expected = PAGES[url_name]
    response = client_as(role).get(reverse(url_name, args=args_for(service)))
    assert response.status_code == expected[role]


@pytest.mark.parametrize("url_name", PAGES)
def test_anonymous_visitor_is_sent_to_the_login_page(client, personas, service, url_name):
    args_for, _expected = PAGES[url_name]
    response = client.get(reverse(url_name, args=args_for(service)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_every_page_is_in_the_matrix():
    from tests.urls_inventory import kuulo_url_names

    assert kuulo_url_names() - PUBLIC_OR_ACTION - set(PAGES) == set()
