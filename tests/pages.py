"""Every staff page of Kuulo and how to build its URL for the shared personas.

The role matrix and the accessibility scan both walk this list, and
test_every_url_is_listed fails when a URL pattern is missing from it, so a
new page cannot skip either. The actions (POST only) are in tests/actions.py.
"""

from django.utils import timezone

from kuulo.organisation.models import Membership, Role
from tests.accessibility import pages as accessibility_pages
from tests.actions import ACTIONS, PUBLIC_ACTIONS
from tests.alerts.data import raised_alert
from tests.backlog import board_pages, effect_pages
from tests.backlog import pages as backlog_pages
from tests.comments import pages as comment_pages
from tests.dashboards.pages import overview_with_answers, service_dashboard_with_answers
from tests.effectmaps import pages as effect_map_pages
from tests.exports.pages import OWNER_AND_ADMINS, viewers_export
from tests.factories import LifeEventFactory, TermFactory, UnitFactory
from tests.games import pages as game_pages
from tests.insights.pages import everyone_with_insight, insight_args, service_with_insight
from tests.integrations.pages import service_with_jira
from tests.journeys import pages as journey_pages
from tests.network import data as network_pages
from tests.notifications.pages import with_notifications
from tests.panel import pages as panel_pages
from tests.plans import data as plan_pages
from tests.playbook import pages as playbook_pages
from tests.selfassessment import data as selfassessment_pages
from tests.surveys import factories as survey_args

EVERYONE = {"admin": 200, "product_owner": 200, "team_member": 200, "viewer": 200, "outsider": 200}
MEMBERS = {"admin": 200, "product_owner": 200, "team_member": 200, "viewer": 200, "outsider": 404}
MANAGERS = {"admin": 200, "product_owner": 200, "team_member": 403, "viewer": 403, "outsider": 404}
CONTRIBUTORS = {"admin": 200, "product_owner": 200, "team_member": 200, "viewer": 403, "outsider": 404}
ADMINS = {"admin": 200, "product_owner": 404, "team_member": 404, "viewer": 404, "outsider": 404}
# Choosing members to invite from a service's study: panel managers only (organisation admins here).
PANEL_MANAGERS_ON_SERVICE = {"admin": 200, "product_owner": 404, "team_member": 404, "viewer": 403, "outsider": 404}
# A unit's pages: its services' members see them, only organisation admins change them.
UNIT_ADMINS = {"admin": 200, "product_owner": 403, "team_member": 403, "viewer": 403, "outsider": 404}


def team_membership(service) -> list:
    membership = Membership.objects.get(service=service, role=Role.TEAM_MEMBER)
    return [service.pk, membership.pk]


def with_terms(service) -> list:
    """A customer group in use and a retired one, so the page shows both kinds of row."""
    TermFactory()
    TermFactory(retired_at=timezone.now())
    return []


# url name: (args for the persona service, expected status per role)
STAFF_PAGES = {
    # --- accessibility: feedback cases and the statement, for organisation admins ---
    "accessibility:cases": (lambda s: [], ADMINS),
    "accessibility:case": (accessibility_pages.case_args, ADMINS),
    "accessibility:statement_edit": (lambda s: [], ADMINS),
    # --- audit: the audit log, for organisation admins ---
    "audit:entry_list": (lambda s: [], ADMINS),
    # --- privacy: records of processing, retention, a staff user's personal data ---
    "privacy:processing": (lambda s: [], ADMINS),
    "privacy:retention_edit": (lambda s: [], ADMINS),
    "privacy:user_erase": (lambda s: [Membership.objects.filter(service=s, role=Role.VIEWER).first().user_id], ADMINS),
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
    "organisation:term_list": (with_terms, ADMINS),
    "organisation:term_create": (lambda s: ["touchpoint"], ADMINS),
    "organisation:term_edit": (lambda s: [TermFactory().pk], ADMINS),
    "accounts:profile": (lambda s: [], EVERYONE),
    "accounts:password_change": (lambda s: [], EVERYONE),
    "accounts:user_list": (lambda s: [], ADMINS),
    "accounts:user_create": (lambda s: [], ADMINS),
    "accounts:user_edit": (lambda s: [s.memberships.first().user_id], ADMINS),
    "dashboards:overview": (overview_with_answers, EVERYONE),
    "dashboards:compare": (overview_with_answers, EVERYONE),
    # --- dashboards: service dashboard ---
    "dashboards:service_dashboard": (service_dashboard_with_answers, MEMBERS),
    # --- comments: comments, themes and walls of praise ---
    "comments:comment_list": (comment_pages.with_comments, MEMBERS),
    "comments:theme_list": (comment_pages.with_comments, MEMBERS),
    "comments:praise_service": (comment_pages.with_comments, MEMBERS),
    "comments:praise_organisation": (comment_pages.organisation_praise, EVERYONE),
    "comments:theme_merge": (comment_pages.with_comments, MANAGERS),
    "comments:rule_create": (comment_pages.with_comments, MANAGERS),
    "comments:theme_rename": (comment_pages.auto_theme_args, MANAGERS),
    "comments:theme_split": (comment_pages.auto_theme_args, MANAGERS),
    "comments:rule_edit": (comment_pages.rule_theme_args, MANAGERS),
    "comments:rule_delete": (comment_pages.rule_theme_args, MANAGERS),
    # --- insights: the insight repository ---
    "insights:insight_list": (everyone_with_insight, EVERYONE),
    "insights:service_insights": (service_with_insight, MEMBERS),
    "insights:insight_detail": (insight_args, MEMBERS),
    "insights:insight_create": (lambda s: [s.pk], CONTRIBUTORS),
    "insights:insight_edit": (insight_args, CONTRIBUTORS),
    "insights:insight_delete": (insight_args, MANAGERS),
    "comments:evidence_search": (lambda s: [s.pk, "insight", insight_args(s)[1]], CONTRIBUTORS),
    "insights:segment_create": (insight_args, CONTRIBUTORS),
    # --- panel: the customer panel; members' personal data for panel managers only ---
    "panel:home": (lambda s: [], EVERYONE),
    "panel:member_list": (panel_pages.with_members, ADMINS),
    "panel:member_add": (lambda s: [], ADMINS),
    "panel:member_detail": (panel_pages.member_pk, ADMINS),
    "panel:policy_edit": (lambda s: [], ADMINS),
    "panel:consent_create": (lambda s: [], ADMINS),
    "panel:study_list": (lambda s: [s.pk], MEMBERS),
    "panel:study_create": (lambda s: [s.pk], CONTRIBUTORS),
    "panel:study_detail": (panel_pages.study_args, MEMBERS),
    "panel:study_edit": (panel_pages.study_args, CONTRIBUTORS),
    "panel:slot_create": (panel_pages.study_args, CONTRIBUTORS),
    "panel:quota_create": (panel_pages.study_args, CONTRIBUTORS),
    "panel:study_invite": (panel_pages.study_args, PANEL_MANAGERS_ON_SERVICE),
    "panel:participation_edit": (panel_pages.attended_participation_args, CONTRIBUTORS),
    # --- games: maturity self-assessment, quizzes, badges and celebrations ---
    "games:home": (lambda s: [], EVERYONE),
    "games:assess": (game_pages.model_args, EVERYONE),
    "games:unit_results": (game_pages.unit_args, MEMBERS),
    "games:quiz_detail": (game_pages.quiz_args, EVERYONE),
    "games:attempt": (game_pages.admins_attempt, game_pages.OWN_ATTEMPT),
    "games:profile": (lambda s: [s.memberships.first().user_id], EVERYONE),
    "games:leaderboard": (lambda s: [], EVERYONE),
    "games:celebrations": (lambda s: [], EVERYONE),
    "games:pack_import": (lambda s: [], ADMINS),
    # --- network: the staff idea board (every member of staff; guests get 404, tested in tests/network) ---
    "network:idea_list": (lambda s: [], EVERYONE),
    "network:idea_create": (lambda s: [], EVERYONE),
    "network:idea_detail": (network_pages.idea_args, EVERYONE),
    "network:guest_home": (lambda s: network_pages.swarm_args(s)[:0], EVERYONE),
    "network:swarm_create": (lambda s: [], EVERYONE),
    "network:swarm_detail": (network_pages.swarm_args, EVERYONE),
    "network:community_create": (lambda s: [], EVERYONE),
    "network:community_detail": (network_pages.community_args, EVERYONE),
    "network:people": (lambda s: [], EVERYONE),
    "network:my_profile": (lambda s: [], EVERYONE),
    "network:moderation": (lambda s: network_pages.pending_public_idea(s)[:0], ADMINS),
    # --- journeys: journey maps, personas, pain points and opportunities ---
    "journeys:journey_list": (lambda s: journey_pages.journey_args(s)[:1], MEMBERS),
    "journeys:journey_create": (lambda s: [s.pk], MANAGERS),
    "journeys:journey_detail": (journey_pages.journey_args, MEMBERS),
    "journeys:journey_visual": (journey_pages.journey_args, MEMBERS),
    "journeys:journey_edit": (journey_pages.journey_args, CONTRIBUTORS),
    "journeys:journey_delete": (journey_pages.journey_args, MANAGERS),
    "journeys:phase_create": (journey_pages.journey_args, CONTRIBUTORS),
    "journeys:phase_edit": (journey_pages.phase_args, CONTRIBUTORS),
    "journeys:phase_delete": (journey_pages.phase_args, CONTRIBUTORS),
    "journeys:step_create": (journey_pages.phase_args, CONTRIBUTORS),
    "journeys:step_detail": (journey_pages.step_args, MEMBERS),
    "journeys:step_edit": (journey_pages.step_args, CONTRIBUTORS),
    "journeys:step_delete": (journey_pages.step_args, CONTRIBUTORS),
    "journeys:pain_point_create": (journey_pages.step_args, CONTRIBUTORS),
    "journeys:opportunity_create": (journey_pages.step_args, CONTRIBUTORS),
    "journeys:opportunity_edit": (journey_pages.opportunity_args, CONTRIBUTORS),
    "journeys:opportunity_matrix": (journey_pages.journey_args, MEMBERS),
    "journeys:opportunity_item_create": (lambda s: journey_pages.journey_args(s)[:1], CONTRIBUTORS),
    "journeys:persona_list": (lambda s: journey_pages.journey_args(s)[:1], MEMBERS),
    "journeys:persona_create": (lambda s: [s.pk], CONTRIBUTORS),
    "journeys:persona_edit": (journey_pages.persona_args, CONTRIBUTORS),
    # --- playbook: every member of staff reads, volunteers and asks for help; admins edit ---
    "playbook:method_list": (lambda s: [], EVERYONE),
    "playbook:method_detail": (playbook_pages.card, EVERYONE),
    "playbook:method_start": (playbook_pages.card, EVERYONE),
    "playbook:method_history": (playbook_pages.card, EVERYONE),
    "playbook:method_version": (playbook_pages.version, EVERYONE),
    "playbook:method_create": (lambda s: [], ADMINS),
    "playbook:method_edit": (playbook_pages.card, ADMINS),
    "playbook:template_upload": (playbook_pages.card, ADMINS),
    "playbook:request_help": (playbook_pages.with_partner, EVERYONE),
    "playbook:glossary": (lambda s: [], EVERYONE),
    "playbook:role_guide_list": (lambda s: [], EVERYONE),
    "playbook:role_guide": (lambda s: ["product_owner"], EVERYONE),
    "playbook:help_request_list": (lambda s: [], EVERYONE),
    "playbook:pack_import": (lambda s: [], ADMINS),
    # --- self-assessment: frameworks for all staff, rounds for their assessors, unit staff and admins ---
    "selfassessment:index": (lambda s: [], EVERYONE),
    "selfassessment:framework_detail": (lambda s: [selfassessment_pages.caf().pk], EVERYONE),
    "selfassessment:framework_import": (lambda s: [], ADMINS),
    "selfassessment:round_create": (lambda s: [], ADMINS),
    "selfassessment:round_detail": (selfassessment_pages.round_args, MEMBERS),
    "selfassessment:round_edit": (selfassessment_pages.round_args, ADMINS),
    "selfassessment:round_score": (selfassessment_pages.round_args, ADMINS),  # the admin is an assessor here
    "selfassessment:round_consensus": (selfassessment_pages.consensus_round_args, ADMINS),
    "selfassessment:round_results": (selfassessment_pages.consensus_round_args, MEMBERS),
    # --- effect maps: goal → actors → impacts → deliverables ---
    "effectmaps:map_list": (lambda s: effect_map_pages.map_args(s)[:1], MEMBERS),
    "effectmaps:map_create": (lambda s: [s.pk], MANAGERS),
    "effectmaps:map_detail": (effect_map_pages.map_args, MEMBERS),
    "effectmaps:map_visual": (effect_map_pages.map_args, MEMBERS),
    "effectmaps:map_edit": (effect_map_pages.map_args, CONTRIBUTORS),
    "effectmaps:map_delete": (effect_map_pages.map_args, MANAGERS),
    "effectmaps:actor_create": (effect_map_pages.map_args, CONTRIBUTORS),
    "effectmaps:actor_edit": (effect_map_pages.actor_args, CONTRIBUTORS),
    "effectmaps:actor_delete": (effect_map_pages.actor_args, CONTRIBUTORS),
    "effectmaps:impact_create": (effect_map_pages.actor_args, CONTRIBUTORS),
    "effectmaps:impact_edit": (effect_map_pages.impact_args, CONTRIBUTORS),
    "effectmaps:impact_delete": (effect_map_pages.impact_args, CONTRIBUTORS),
    "effectmaps:deliverable_create": (effect_map_pages.impact_args, CONTRIBUTORS),
    "effectmaps:deliverable_edit": (effect_map_pages.deliverable_args, CONTRIBUTORS),
    "effectmaps:deliverable_delete": (effect_map_pages.deliverable_args, CONTRIBUTORS),
    "effectmaps:deliverable_item_create": (lambda s: effect_map_pages.map_args(s)[:1], CONTRIBUTORS),
    # --- backlog: items and ranking ---
    "backlog:item_list": (backlog_pages.service_with_items, MEMBERS),
    "backlog:item_detail": (backlog_pages.item_args, MEMBERS),
    "backlog:item_create": (lambda s: [s.pk], CONTRIBUTORS),
    "backlog:item_edit": (backlog_pages.item_args, CONTRIBUTORS),
    "backlog:item_delete": (backlog_pages.item_args, MANAGERS),
    # --- backlog: board, follow-up, roadmap and retrospectives ---
    "board:board": (board_pages.board_args, MEMBERS),
    "board:board_limits": (lambda s: [s.pk], MANAGERS),
    "board:follow_up": (board_pages.board_args, MEMBERS),
    "board:follow_up_organisation": (board_pages.everyone_with_work, EVERYONE),
    "board:roadmap": (board_pages.board_args, MEMBERS),
    "board:roadmap_organisation": (board_pages.everyone_with_work, EVERYONE),
    "board:retro_list": (board_pages.service_with_retro, MEMBERS),
    "board:retro_create": (lambda s: [s.pk], CONTRIBUTORS),
    "board:retro_detail": (board_pages.retro_args, MEMBERS),
    # --- backlog: effects and experiments ---
    "effects:effect_list": (effect_pages.service_with_effects, MEMBERS),
    "effects:item_effect": (effect_pages.item_effect_args, MEMBERS),
    "effects:experiment_list": (effect_pages.service_with_experiment, MEMBERS),
    "effects:experiment_create": (lambda s: [s.pk], CONTRIBUTORS),
    "effects:experiment_detail": (effect_pages.experiment_args, MEMBERS),
    "effects:experiment_edit": (effect_pages.experiment_args, CONTRIBUTORS),
    "effects:experiment_decision": (effect_pages.experiment_args, MANAGERS),
    # --- plans: development plans, goals, actions, checkpoints and reports ---
    "plans:plan_list": (plan_pages.everyone_with_plan, EVERYONE),
    "plans:unit_plans": (plan_pages.unit_with_plan, MEMBERS),
    "plans:unit_plan_create": (lambda s: [s.unit_id], UNIT_ADMINS),
    "plans:service_plans": (plan_pages.service_with_plan, MEMBERS),
    "plans:service_plan_create": (lambda s: [s.pk], MANAGERS),
    "plans:plan_detail": (plan_pages.plan_args, MEMBERS),
    "plans:plan_edit": (plan_pages.plan_args, MANAGERS),
    "plans:goal_create": (plan_pages.plan_args, MANAGERS),
    "plans:goal_edit": (plan_pages.goal_args, MANAGERS),
    "plans:plan_actions": (plan_pages.plan_args, MANAGERS),
    "plans:checkpoint_create": (plan_pages.plan_args, MANAGERS),
    "plans:checkpoint_edit": (plan_pages.checkpoint_args, MANAGERS),
    "plans:checkpoint_report": (plan_pages.checkpoint_args, MEMBERS),
    "plans:plan_delete": (plan_pages.plan_args, MANAGERS),
    "plans:my_calendar": (plan_pages.everyone_with_plan, EVERYONE),
    # --- metrics: library and targets ---
    "metrics:metric_list": (lambda s: [], EVERYONE),
    "metrics:metric_detail": (survey_args.metric_pk, EVERYONE),
    "metrics:metric_create": (lambda s: [], ADMINS),
    "metrics:metric_new_version": (survey_args.metric_pk, ADMINS),
    "metrics:target_list": (lambda s: [], EVERYONE),
    "metrics:service_targets": (lambda s: [s.pk], MEMBERS),
    # --- surveys: builder and collection points ---
    "surveys:survey_list": (lambda s: [s.pk], MEMBERS),
    "surveys:survey_create": (lambda s: [s.pk], MANAGERS),
    "surveys:survey_detail": (survey_args.survey_pk, MEMBERS),
    "surveys:version_edit": (survey_args.draft_version_pk, MANAGERS),
    "public:version_preview": (survey_args.draft_version_pk, MEMBERS),
    "surveys:point_create": (survey_args.survey_pk, MANAGERS),
    "surveys:point_edit": (survey_args.point_pk, MANAGERS),
    # --- feedback: review queue and imports ---
    "feedback:review_queue": (
        lambda s: __import__("tests.feedback.pages").feedback.pages.review_args(s),
        {"admin": 200, "product_owner": 200, "team_member": 200, "viewer": 403, "outsider": 404},
    ),
    "feedback:import_upload": (lambda s: __import__("tests.feedback.pages").feedback.pages.import_args(s), MANAGERS),
    "feedback:import_map": (lambda s: __import__("tests.feedback.pages").feedback.pages.map_args(s), MANAGERS),
    "feedback:import_preview": (lambda s: __import__("tests.feedback.pages").feedback.pages.preview_args(s), MANAGERS),
    # --- api: tokens ---
    "api:token_list": (lambda s: __import__("tests.api.pages").api.pages.with_legacy_token(s), ADMINS),
    "api:token_create": (lambda s: [], ADMINS),
    "api:token_access": (lambda s: [__import__("tests.api.pages").api.pages.token_pk()], ADMINS),
    "api:token_revoke": (lambda s: [__import__("tests.api.pages").api.pages.token_pk()], ADMINS),
    # --- exports: the person's own exports ---
    "exports:export_list": (lambda s: [], EVERYONE),
    "exports:export_new": (lambda s: [], EVERYONE),
    "exports:export_detail": (viewers_export, OWNER_AND_ADMINS),
    # --- integrations and notifications: Jira settings, the person's notifications ---
    "integrations:jira_settings": (service_with_jira, MANAGERS),
    "notifications:notification_list": (with_notifications, EVERYONE),
    "notifications:preferences": (lambda s: [], EVERYONE),
    # --- alerts: a product owner's alerts on a service, one raised alert with its chart ---
    "alerts:alert_settings": (lambda s: [s.pk], MANAGERS),
    "alerts:alert_detail": (raised_alert, MEMBERS),
    # --- saved views: a service's named filters of the dashboard and the comments ---
    "savedviews:view_list": (lambda s: [s.pk], MEMBERS),
}

# Pages anyone can open without logging in: (args, expected status).
PUBLIC_PAGES = {
    "accounts:login": lambda s: [],
    "accessibility:statement": lambda s: [],
    "accessibility:feedback": lambda s: [],
    "accessibility:feedback_thanks": lambda s: [],
    # --- network: the public idea board, when the organisation opens it ---
    "network:public_ideas": network_pages.open_public_board,
    "network:public_idea_new": network_pages.open_public_board,
    "network:public_idea_thanks": network_pages.open_public_board,
    # --- public: survey page, widget demo ---
    "public:survey_page": lambda s: __import__("tests.surveys.public_pages").surveys.public_pages.link_key(s),
    "public:survey_thanks": lambda s: __import__("tests.surveys.public_pages").surveys.public_pages.link_key(s),
    "public:widget_demo": lambda s: __import__("tests.surveys.public_pages").surveys.public_pages.widget_key(s),
    # --- backlog: the public "you said, we did" page ---
    "effects:we_did": effect_pages.we_did_args,
    # --- journeys: a map shared read-only for a workshop ---
    "journeys:shared_journey": journey_pages.share_token,
    # --- panel: joining the customer panel and a member's own page ---
    "panel_public:join": panel_pages.with_consent_text,
    "panel_public:join_sent": lambda s: [],
    "panel_public:confirm": panel_pages.confirm_token,
    "panel_public:unsubscribe": panel_pages.unsubscribe_token,
    "panel_public:ask_link": lambda s: [],
    "panel_public:my_page": panel_pages.magic_token,
    "panel_public:my_data_html": panel_pages.magic_token,
    "panel_public:my_edit": panel_pages.magic_token,
    "panel_public:my_withdraw": panel_pages.magic_token,
    "panel_public:my_erase": panel_pages.magic_token,
    "panel_public:invitation": panel_pages.invitation_token,
}

# URL patterns that are not pages, with the reason; the actions (POST only) follow from tests/actions.py.
NOT_PAGES = {
    "panel_public:my_data_json": "a member's data as a JSON download; tested in tests/panel/test_member_page.py",
    "panel_public:invitation_ics": "a booked session as .ics; tested in tests/panel/test_invitations.py",
    "panel:rewards_csv": "a study's rewards ledger as CSV; tested in tests/panel/test_staff_pages.py",
    "games:pack_export": "JSON pack download for organisation admins; tested in tests/games/test_packs.py",
    "games:my_profile": "redirects to one's own badge page (games:profile); tested in tests/games/test_badges.py",
    "health": "liveness for load balancers; tested in tests/operations/test_health_and_metrics.py",
    "ready": "readiness (database and cache) as JSON; tested in tests/operations/test_health_and_metrics.py",
    "metrics": "Prometheus text format behind a bearer token; tested in tests/operations/test_health_and_metrics.py",
    "oidc_authentication_init": "redirect to the single sign-on provider; tested in tests/accounts/test_sso.py",
    "oidc_authentication_callback": "the provider's return with a code; tested in tests/accounts/test_sso.py",
    "network:swarm_feed": "a swarm's meetings as an iCalendar feed; tested in tests/network/test_swarms.py",
    "network:community_feed": "meetups (RRULE) as an iCalendar feed; tested in tests/network/test_swarms.py",
    "network:ideas_csv": "CSV file of the ideas with vote counts; tested in tests/network/test_api_and_exports.py",
    "network:swarms_csv": "CSV file of the swarms; tested in tests/network/test_api_and_exports.py",
    "api:api_v1:ideas": "JSON API for BI tools; tested in tests/network/test_api_and_exports.py",
    "api:api_v1:swarms": "JSON API for BI tools; tested in tests/network/test_api_and_exports.py",
    "network:attachment_download": "an idea's attachment as a download; tested in tests/network/test_ideas.py",
    "audit:entry_export": "CSV file of the filtered audit entries; tested in tests/audit/test_page.py",
    "privacy:user_data": "JSON file of a staff user's personal data; tested in tests/privacy/test_people.py",
    # --- comments: exports and fragments ---
    "comments:comment_export": "CSV file of the filtered comments; tested in tests/comments/test_views.py",
    "playbook:template_download": "a card's template file; tested in tests/playbook/test_cards.py",
    "playbook:pack_export": "the playbook as a JSON pack, for org admins; tested in tests/playbook/test_pack.py",
    "journeys:steps_csv": "CSV file of a map's steps; tested in tests/journeys/test_exports.py",
    "journeys:opportunities_csv": "CSV file of a map's opportunities; tested in tests/journeys/test_exports.py",
    "selfassessment:consensus_csv": "CSV of a round's agreed scores; tested in tests/selfassessment/test_rounds.py",
    "journeys:journey_pdf": "PDF file of a journey map; tested in tests/journeys/test_pdf.py",
    "effectmaps:map_pdf": "PDF file of an effect map; tested in tests/effectmaps/test_effectmaps.py",
    "effectmaps:map_csv": "CSV file of an effect map; tested in tests/effectmaps/test_effectmaps.py",
    "comments:dashboard_panel": "htmx fragment of the service dashboard; tested in tests/comments/test_views.py",
    # --- backlog: the reporting API ---
    "api:api_v1:backlog_items": "JSON API for BI tools; tested in tests/backlog/test_items_api.py",
    "api:api_v1:maturity_results": "JSON API, aggregated self-assessments; tested in tests/games/test_api_and_packs.py",
    "api:api_v1:effects": "JSON API for BI tools; tested in tests/backlog/test_effects_api.py",
    "api:api_v1:playbook_methods": "JSON API: the method cards; tested in tests/playbook/test_api.py",
    "api:api_v1:playbook_method": "JSON API: one method card; tested in tests/playbook/test_api.py",
    "api:api_v1:playbook_glossary": "JSON API: the glossary; tested in tests/playbook/test_api.py",
    "api:api_v1:experiments": "JSON API for BI tools; tested in tests/backlog/test_effects_api.py",
    # --- traceability: the panel fragment and the links API ---
    "traceability:panel": "htmx fragment: the source's evidence panel; tested in tests/traceability/test_views.py",
    "api:api_v1:self_assessment_rounds": "JSON API; tested in tests/selfassessment/test_api.py",
    "api:api_v1:self_assessment_round": "JSON API; tested in tests/selfassessment/test_api.py",
    "api:api_v1:links": "JSON API: one thing's links both ways; tested in tests/traceability/test_api.py",
    # --- plans: the calendar feeds and the PDF ---
    "plans:feed": "iCalendar feed (text/calendar) at a secret address; tested in tests/plans/test_feed.py",
    "plans:checkpoint_report_pdf": "the report as PDF (application/pdf); tested in tests/plans/test_report.py",
    "plans:personal_feed": "iCalendar feed (text/calendar) at a secret address; tests/plans/test_personal_feed.py",
    # --- public endpoints (JSON, images, scripts) ---
    "public:qr_svg": "SVG image of the survey link's QR code",
    "public:qr_png": "PNG image of the survey link's QR code",
    "public:widget_config": "JSON: the widget's questions (tested in tests/surveys/test_public_widget_api.py)",
    "public:widget_display": "POST only, JSON: counts a widget display",
    "public:widget_response": "POST only, JSON: stores a widget response",
    # --- api endpoints ---
    "api:api_v1:api-root": "JSON API root; not a page",
    "api:api_v1:openapi-json": "the OpenAPI schema (JSON); tested in tests/api/test_api_schema.py",
    "api:api_v1:openapi-view": "ninja's Swagger UI for developers; not part of the staff UI",
    "api:api_v1:collection_point": "JSON API, token auth",
    "api:api_v1:daily_scores": "JSON API for BI tools; tested in tests/api/test_api_scores.py",
    "api:api_v1:daily_scores_csv": "CSV feed for BI tools; tested in tests/api/test_api_scores.py",
    # --- api and exports: read endpoints and file downloads ---
    "api:api_v1:aggregates": "JSON API for BI tools; tested in tests/api/test_read_aggregates.py",
    "api:api_v1:responses": "JSON API; tested in tests/api/test_read_records.py",
    "api:api_v1:comments": "JSON API; tested in tests/api/test_read_records.py",
    "api:api_v1:themes": "JSON API; tested in tests/api/test_read_records.py",
    "api:api_v1:insights": "JSON API; tested in tests/api/test_read_records.py",
    "exports:export_download": "the export file (FileResponse); tested in tests/exports/test_export_jobs.py",
}
NOT_PAGES |= dict.fromkeys((*ACTIONS, *PUBLIC_ACTIONS), "POST only; who may use it: tests/actions.py")
