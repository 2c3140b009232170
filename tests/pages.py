"""Every staff page of Kuulo and how to build its URL for the shared personas.

The role matrix and the accessibility scan both walk this list, and
test_every_url_is_listed fails when a URL pattern is missing from it, so a
new page cannot skip either.
"""

from kuulo.organisation.models import Membership, Role
from tests.dashboards.pages import overview_with_answers, service_dashboard_with_answers
from tests.factories import LifeEventFactory, UnitFactory
from tests.surveys import factories as survey_args

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
    "dashboards:overview": (overview_with_answers, EVERYONE),
    "dashboards:compare": (overview_with_answers, EVERYONE),
    # --- dashboards: service dashboard ---
    "dashboards:service_dashboard": (service_dashboard_with_answers, MEMBERS),
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
    "surveys:version_preview": (survey_args.draft_version_pk, MEMBERS),
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
    "api:token_list": (lambda s: [], ADMINS),
    "api:token_create": (lambda s: [], ADMINS),
    "api:token_revoke": (lambda s: [__import__("tests.api.pages").api.pages.token_pk()], ADMINS),
}

# Pages anyone can open without logging in: (args, expected status).
PUBLIC_PAGES = {
    "accounts:login": lambda s: [],
    # --- public: survey page, widget demo ---
    "public:survey_page": lambda s: __import__("tests.surveys.public_pages").surveys.public_pages.link_key(s),
    "public:survey_thanks": lambda s: __import__("tests.surveys.public_pages").surveys.public_pages.link_key(s),
    "public:widget_demo": lambda s: __import__("tests.surveys.public_pages").surveys.public_pages.widget_key(s),
}

# URL patterns that are not pages, with the reason.
NOT_PAGES = {
    "accounts:logout": "POST only; redirects to the login page",
    "accounts:set_language": "POST only; redirects back",
    "health": "plain-text answer for load balancers",
    # --- metrics and surveys: staff actions ---
    "metrics:metric_deactivate": "POST only; redirects to the metric",
    "surveys:survey_close": "POST only; redirects to the survey",
    "surveys:version_new": "POST only; redirects to the new draft",
    "surveys:version_publish": "POST only; redirects to the survey",
    "surveys:question_add_metric": "POST only; redirects to the editor",
    "surveys:question_add_open": "POST only; redirects to the editor",
    "surveys:question_move": "POST only; the question list fragment or a redirect to the editor",
    "surveys:question_remove": "POST only; the question list fragment or a redirect to the editor",
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
    "api:api_v1:post_response": "JSON API, token auth, POST only",
    "api:api_v1:post_batch": "JSON API, token auth, POST only",
    "api:api_v1:daily_scores": "JSON API for BI tools; tested in tests/api/test_api_scores.py",
    "api:api_v1:daily_scores_csv": "CSV feed for BI tools; tested in tests/api/test_api_scores.py",
}
