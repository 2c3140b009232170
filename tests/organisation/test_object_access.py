"""The accessors of objects below a service (each app's access.py): an object of another
service than the URL's answers 404, even to someone with every right on the URL's service;
and roles are compared by rank in one place."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from kuulo.organisation.access import get_service_for_user, has_role
from kuulo.organisation.models import Role
from tests.backlog import board_pages, effect_pages
from tests.backlog import pages as backlog_pages
from tests.comments import pages as comment_pages
from tests.factories import MembershipFactory
from tests.insights import pages as insight_pages
from tests.pages import team_membership
from tests.plans import data as plan_pages

# url name: (method, args of an object of `other` service; the first is the service's pk)
OBJECTS = {
    "backlog:item_detail": ("get", backlog_pages.item_args),
    "backlog:item_status": ("post", backlog_pages.item_args),
    "board:board_move": ("post", board_pages.board_item_args),
    "board:roadmap_schedule": ("post", board_pages.board_item_args),
    "board:retro_detail": ("get", board_pages.retro_args),
    "effects:item_effect": ("get", effect_pages.item_effect_args),
    "effects:experiment_edit": ("get", effect_pages.experiment_args),
    "insights:insight_detail": ("get", insight_pages.insight_args),
    "insights:segment_evidence_remove": ("post", insight_pages.segment_evidence_args),
    "comments:comment_review": ("post", comment_pages.comment_args),
    "comments:rule_edit": ("get", comment_pages.rule_theme_args),
    "integrations:jira_send": ("post", backlog_pages.item_args),
    "organisation:membership_edit": ("get", team_membership),
}


@pytest.fixture
def other(outsider):
    """The outsider's service, with a team as full as the persona service's."""
    other = outsider.memberships.get().service
    MembershipFactory(service=other, role=Role.TEAM_MEMBER)
    return other


@pytest.mark.parametrize("url_name", OBJECTS)
def test_an_object_of_another_service_is_not_found_under_this_services_url(client_as, service, other, url_name):
    method, args_for = OBJECTS[url_name]
    args = [service.pk, *args_for(other)[1:]]
    response = getattr(client_as("admin"), method)(reverse(url_name, args=args))
    assert response.status_code == 404


@pytest.mark.parametrize("url_name", ["plans:goal_edit", "plans:checkpoint_edit"])
def test_a_goal_or_checkpoint_of_another_plan_is_not_found_under_this_plans_url(client_as, service, other, url_name):
    own = plan_pages.plan_for(service)
    args_for = plan_pages.goal_args if url_name == "plans:goal_edit" else plan_pages.checkpoint_args
    foreign = args_for(other)[1]
    assert client_as("product_owner").get(reverse(url_name, args=[own.pk, foreign])).status_code == 404


@pytest.mark.parametrize(
    ("persona", "roles"),
    [
        ("viewer", {Role.VIEWER}),
        ("team_member", {Role.VIEWER, Role.TEAM_MEMBER}),
        ("product_owner", {Role.VIEWER, Role.TEAM_MEMBER, Role.PRODUCT_OWNER}),
        ("admin", {Role.VIEWER, Role.TEAM_MEMBER, Role.PRODUCT_OWNER}),
        ("outsider", set()),
    ],
)
def test_each_persona_has_its_own_role_and_every_role_below_it(service, personas, persona, roles):
    user = personas[persona]
    assert {role for role in Role if has_role(user, service, role)} == roles


@pytest.mark.parametrize(
    ("persona", "contribute", "manage"),
    [("viewer", False, False), ("team_member", True, False), ("product_owner", True, True), ("admin", True, True)],
)
def test_the_service_says_whether_its_user_may_contribute_and_manage(service, personas, persona, contribute, manage):
    request = RequestFactory().get("/")
    request.user = personas[persona]
    scoped = get_service_for_user(request, service.pk)
    assert (scoped.can_contribute, scoped.can_manage) == (contribute, manage)


def test_a_service_read_for_one_user_answers_for_another_from_the_database(service, personas):
    request = RequestFactory().get("/")
    request.user = personas["product_owner"]
    scoped = get_service_for_user(request, service.pk)
    assert has_role(personas["product_owner"], scoped, Role.PRODUCT_OWNER)
    assert not has_role(personas["viewer"], scoped, Role.TEAM_MEMBER)
