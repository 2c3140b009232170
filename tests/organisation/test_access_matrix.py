"""Every staff page against every persona: what each role may open, and that
the outsider gets 404."""

import pytest
from django.urls import reverse

from tests.pages import EVERYONE, NOT_PAGES, PUBLIC_PAGES, STAFF_PAGES
from tests.urls_inventory import kuulo_url_names

CASES = [(name, role) for name in STAFF_PAGES for role in EVERYONE]


@pytest.mark.parametrize(("url_name", "role"), CASES, ids=[f"{role}-opens-{name}" for name, role in CASES])
def test_each_role_gets_what_it_should(client_as, service, url_name, role):
    args_for, expected = STAFF_PAGES[url_name]
    response = client_as(role).get(reverse(url_name, args=args_for(service)))
    assert response.status_code == expected[role]


@pytest.mark.parametrize("url_name", STAFF_PAGES)
def test_anonymous_visitor_is_sent_to_the_login_page(client, personas, service, url_name):
    args_for, _expected = STAFF_PAGES[url_name]
    response = client.get(reverse(url_name, args=args_for(service)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_every_url_is_listed_as_a_page_or_a_non_page():
    listed = set(STAFF_PAGES) | set(PUBLIC_PAGES) | set(NOT_PAGES)
    assert kuulo_url_names() - listed == set()
