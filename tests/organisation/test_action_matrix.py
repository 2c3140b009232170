"""Every action (POST-only URL) against every persona: the outsider gets 404, a role below the
declared one 403, and the roles that may use it get through to the action itself, which may
still refuse the empty form; and no action goes without a declared role."""

import pytest
from django.urls import reverse

from tests.actions import ACTIONS, LADDER, PUBLIC_ACTIONS, denial
from tests.pages import PUBLIC_PAGES, STAFF_PAGES
from tests.urls_inventory import kuulo_url_names, sample_url

# What an action may answer to someone allowed to use it: done (a fragment or a redirect), or the
# empty form refused. Never a denial (403, 404) and never an error.
GOT_THROUGH = {200, 302, 400, 422}

CASES = [(name, role) for name in ACTIONS for role in LADDER]


@pytest.mark.parametrize(("url_name", "role"), CASES, ids=[f"{role}-posts-{name}" for name, role in CASES])
def test_each_role_may_use_an_action_or_is_refused_as_declared(client_as, service, url_name, role):
    args_for, who = ACTIONS[url_name]
    response = client_as(role).post(reverse(url_name, args=args_for(service)))
    refused = denial(who, role)
    if refused is None:
        assert response.status_code in GOT_THROUGH
    else:
        assert response.status_code == refused


@pytest.mark.parametrize("url_name", ACTIONS)
def test_anonymous_visitor_posting_an_action_is_sent_to_the_login_page(client, db, url_name):
    response = client.post(sample_url(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_only_the_declared_actions_refuse_get(admin_client):
    """A URL that answers GET with 405 is an action: it must be declared in tests/actions.py,
    and whatever is declared there must be an action. Pages are opened by the page matrix."""
    not_pages = kuulo_url_names() - set(STAFF_PAGES) - set(PUBLIC_PAGES)
    post_only = {name for name in not_pages if admin_client.get(sample_url(name)).status_code == 405}
    declared = set(ACTIONS) | set(PUBLIC_ACTIONS)
    assert post_only - declared == set(), "an action without a declared role: add it to tests/actions.py"
    assert declared - post_only == set(), "declared as an action but it answers GET"
