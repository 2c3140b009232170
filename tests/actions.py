"""Every POST-only URL of Kuulo (an action) and who may use it, beside the pages of tests/pages.py.

tests/organisation/test_action_matrix.py posts to each action as each persona and checks
the denials, and fails when a URL answers only POST but is declared in neither table below,
so a new action cannot go without a declared role. It finds them by a GET with made-up ids,
which `require_POST` (and Django's other method decorators) answer with 405 before any access
check: keep that decorator outermost. The customer widget's endpoints check their key before
the method (they also answer CORS preflight) and are listed with the non-pages.
"""

from tests.alerts.data import owners_subscription
from tests.backlog import board_pages, effect_pages
from tests.backlog import pages as backlog_pages
from tests.comments import pages as comment_pages
from tests.effectmaps import pages as effect_map_pages
from tests.factories import TermFactory
from tests.games import pages as game_pages
from tests.insights import pages as insight_pages
from tests.integrations.pages import service_with_jira
from tests.journeys import pages as journey_pages
from tests.network import data as network_pages
from tests.notifications.pages import team_members_notification
from tests.panel import pages as panel_pages
from tests.plans import data as plan_pages
from tests.playbook import pages as playbook_pages
from tests.savedviews.data import team_members_view
from tests.selfassessment import data as selfassessment_pages
from tests.surveys import factories as survey_args

# The personas of tests/conftest.py on the persona service, from the fewest rights to the most.
LADDER = ["outsider", "viewer", "team_member", "product_owner", "admin"]

# Who may use an action: the lowest role on the service of the object (VIEWER, TEAM_MEMBER,
# PRODUCT_OWNER; an organisation admin has every role), or one of the other three.
VIEWER, TEAM_MEMBER, PRODUCT_OWNER = "viewer", "team_member", "product_owner"
ORGANISATION_ADMIN = "organisation admin"  # organisation-wide; to anyone else the URL does not exist
ANYONE = "anyone"  # every person who has logged in, on their own things
IDEA_MODERATOR = (
    "idea moderator"  # a product owner of a service the idea touches, or an organisation admin; 403 to others
)
ANY_PRODUCT_OWNER = "any product owner"  # a product owner of some service (the outsider owns one); 403 to others
# The facilitator (a made-up user, not a persona) and organisation admins; members too, for notes and
# meetup messages, but no persona is one: 403 to the other personas.
FACILITATOR = "facilitator"
RECIPIENT = "recipient"  # only the person the object is for (the team member's, below); 404 to all others

# url name: (args for the persona service, who may use it)
ACTIONS = {
    # --- organisation-wide ---
    "metrics:metric_deactivate": (survey_args.custom_metric_pk, ORGANISATION_ADMIN),
    "organisation:term_move": (lambda s: [TermFactory().pk], ORGANISATION_ADMIN),
    "organisation:term_retire": (lambda s: [TermFactory().pk], ORGANISATION_ADMIN),
    "notifications:mark_read": (team_members_notification, RECIPIENT),
    "notifications:mark_all_read": (lambda s: [], ANYONE),
    "plans:my_calendar_rotate": (lambda s: [], ANYONE),
    "playbook:template_delete": (playbook_pages.template, ORGANISATION_ADMIN),
    "playbook:volunteer": (playbook_pages.card, ANYONE),
    "playbook:withdraw": (playbook_pages.card, ANYONE),
    "playbook:help_request_close": (playbook_pages.team_members_help_request, RECIPIENT),
    # --- surveys: the builder ---
    "surveys:survey_close": (survey_args.survey_pk, PRODUCT_OWNER),
    "surveys:version_new": (survey_args.live_survey_pk, PRODUCT_OWNER),
    "surveys:version_publish": (survey_args.draft_version_pk, PRODUCT_OWNER),
    "surveys:question_add_metric": (survey_args.draft_version_pk, PRODUCT_OWNER),
    "surveys:question_add_open": (survey_args.draft_version_pk, PRODUCT_OWNER),
    "surveys:question_move": (survey_args.question_pk, PRODUCT_OWNER),
    "surveys:question_remove": (survey_args.question_pk, PRODUCT_OWNER),
    # --- comments ---
    "comments:comment_review": (comment_pages.comment_args, TEAM_MEMBER),
    "comments:praise_hide": (comment_pages.comment_args, TEAM_MEMBER),
    "comments:comment_bulk": (lambda s: [s.pk], TEAM_MEMBER),
    "comments:evidence_add": (lambda s: [s.pk, "item", backlog_pages.item_args(s)[1]], TEAM_MEMBER),
    "comments:theme_recluster": (comment_pages.with_comments, PRODUCT_OWNER),
    # --- insights ---
    "insights:insight_status": (insight_pages.insight_args, TEAM_MEMBER),
    "insights:segment_evidence_remove": (insight_pages.segment_evidence_args, TEAM_MEMBER),
    # --- panel: on a member's request (panel managers; here organisation admins) ---
    "panel:member_do_not_contact": (lambda s: panel_pages.member_pk(s), ORGANISATION_ADMIN),
    "panel:member_erase": (lambda s: panel_pages.member_pk(s), ORGANISATION_ADMIN),
    # --- games ---
    "games:suggestion_to_backlog": (game_pages.suggestion_args, PRODUCT_OWNER),
    "games:quiz_start": (game_pages.quiz_args, ANYONE),
    "games:preferences": (lambda s: [], ANYONE),
    "games:react": (lambda s: ["badge", 1], ANYONE),
    "games:attempt_answer": (game_pages.team_members_question, RECIPIENT),
    # --- network: the idea board ---
    "network:idea_vote": (network_pages.idea_args, ANYONE),
    "network:idea_follow": (network_pages.idea_args, ANYONE),
    "network:idea_comment": (network_pages.idea_args, ANYONE),
    "network:idea_status": (network_pages.idea_args, IDEA_MODERATOR),
    "network:idea_promote": (network_pages.idea_args, ANY_PRODUCT_OWNER),
    "network:swarm_join": (network_pages.swarm_args, ANYONE),
    "network:swarm_meeting": (network_pages.swarm_args, FACILITATOR),
    "network:swarm_note": (network_pages.swarm_args, FACILITATOR),
    "network:swarm_member": (network_pages.swarm_args, FACILITATOR),
    "network:swarm_link": (network_pages.swarm_args, FACILITATOR),
    "network:swarm_close": (network_pages.swarm_args, FACILITATOR),
    "network:community_join": (network_pages.community_args, ANYONE),
    "network:meetup_post": (network_pages.community_args, FACILITATOR),
    "network:community_member": (network_pages.community_args, FACILITATOR),
    "network:moderate": (network_pages.pending_public_idea, ORGANISATION_ADMIN),
    # --- journeys ---
    "journeys:phase_move": (journey_pages.phase_args, TEAM_MEMBER),
    "journeys:journey_share": (journey_pages.journey_args, PRODUCT_OWNER),
    "journeys:journey_copy": (journey_pages.journey_args, PRODUCT_OWNER),
    "journeys:step_move": (journey_pages.step_args, TEAM_MEMBER),
    "journeys:pain_point_delete": (journey_pages.pain_point_args, TEAM_MEMBER),
    # --- self-assessment: the admin manages the round; here the admin is also its assessor ---
    "selfassessment:round_start_consensus": (selfassessment_pages.round_args, ORGANISATION_ADMIN),
    "selfassessment:round_close": (selfassessment_pages.consensus_round_args, ORGANISATION_ADMIN),
    "selfassessment:consensus_save": (selfassessment_pages.subcriterion_args, ORGANISATION_ADMIN),
    "selfassessment:improvement_to_backlog": (selfassessment_pages.improvement_args, ORGANISATION_ADMIN),
    "selfassessment:improvement_to_goal": (selfassessment_pages.improvement_args, ORGANISATION_ADMIN),
    # --- effect maps: reordering by buttons ---
    "effectmaps:actor_move": (effect_map_pages.actor_args, TEAM_MEMBER),
    "effectmaps:impact_move": (effect_map_pages.impact_args, TEAM_MEMBER),
    "effectmaps:deliverable_move": (effect_map_pages.deliverable_args, TEAM_MEMBER),
    # --- backlog: items, ranking and evidence ---
    "backlog:item_status": (backlog_pages.item_args, TEAM_MEMBER),
    "backlog:item_move": (backlog_pages.item_args, PRODUCT_OWNER),
    "backlog:item_reorder": (backlog_pages.service_with_items, PRODUCT_OWNER),
    # --- traceability: linking and unlinking any registered pair (here a comment and an item) ---
    "traceability:link": (lambda s: [*backlog_pages.service_with_items(s), "comment", "item"], TEAM_MEMBER),
    "traceability:unlink": (backlog_pages.comment_item_link_args, TEAM_MEMBER),
    # --- board and roadmap ---
    "board:board_move": (board_pages.board_item_args, TEAM_MEMBER),
    "board:roadmap_schedule": (board_pages.board_item_args, PRODUCT_OWNER),
    # --- effects ---
    "effects:item_verify": (effect_pages.item_effect_args, PRODUCT_OWNER),
    "effects:quote_approval": (effect_pages.quote_args, PRODUCT_OWNER),
    # --- plans (of a service) ---
    "plans:plan_archive": (plan_pages.plan_args, PRODUCT_OWNER),
    "plans:plan_unarchive": (plan_pages.plan_args, PRODUCT_OWNER),
    "plans:goal_delete": (plan_pages.goal_args, PRODUCT_OWNER),
    "plans:checkpoint_delete": (plan_pages.checkpoint_args, PRODUCT_OWNER),
    "plans:feed_rotate": (plan_pages.plan_args, PRODUCT_OWNER),
    # --- integrations: Jira ---
    # Without saved settings the test answers at once instead of calling Jira.
    "integrations:jira_test": (lambda s: [s.pk], PRODUCT_OWNER),
    "alerts:unsubscribe": (owners_subscription, PRODUCT_OWNER),
    "savedviews:view_save": (lambda s: [s.pk], VIEWER),
    "savedviews:view_delete": (team_members_view, RECIPIENT),
    "integrations:jira_sync": (service_with_jira, PRODUCT_OWNER),
    "integrations:jira_send": (backlog_pages.item_args, TEAM_MEMBER),
}

# POST-only URLs outside the staff's role matrix, with the reason.
PUBLIC_ACTIONS = {
    "accounts:logout": "anyone, also without logging in; redirects to the login page",
    "accounts:set_language": "anyone, also without logging in; redirects back",
    "api:api_v1:post_response": "JSON API with an API token, no session; tests/api/test_api_ingestion.py",
    "api:api_v1:post_batch": "JSON API with an API token, no session; tests/api/test_api_ingestion.py",
}


def denial(who: str, persona: str) -> int | None:
    """The status `persona` gets from an action that `who` may use: None when it may use it."""
    if who == ANYONE:
        return None
    if who == IDEA_MODERATOR:
        return None if persona in ("admin", PRODUCT_OWNER) else 403
    if who == ANY_PRODUCT_OWNER:
        return None if persona in ("admin", PRODUCT_OWNER, "outsider") else 403
    if who == FACILITATOR:
        return None if persona == "admin" else 403
    if who == RECIPIENT:
        return None if persona == TEAM_MEMBER else 404
    if who == ORGANISATION_ADMIN:
        return None if persona == "admin" else 404
    if persona == "outsider":
        return 404
    return None if LADDER.index(persona) >= LADDER.index(who) else 403
