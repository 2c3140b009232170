"""Fuzzing every public POST endpoint with hypothesis: the widget's responses and
displays, the hosted survey form and API ingestion with a valid token, and every
other URL that takes a POST without a login (login, language, logout, and the
public URLs that answer a POST as a GET). Whatever is sent, the answer is never
5xx, a refused request stores nothing and an HTML answer never reflects the input
unescaped.

Which URLs those are is found from the URL conf, not listed by hand:
test_every_public_post_endpoint_is_fuzzed posts to every named URL without a
login and fails on one that takes the POST (neither 405 nor a redirect to the
login page) but is not in FUZZED below, so a new public endpoint cannot go
unfuzzed.
"""

import json
import re
import uuid
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kuulo.api.models import ApiToken
from kuulo.feedback.models import Answer, Comment, DisplayCount, Response
from kuulo.feedback.public.widget import forget_cached_points
from tests.actions import PUBLIC_ACTIONS
from tests.factories import published_survey
from tests.pages import PUBLIC_PAGES
from tests.urls_inventory import kuulo_url_names, sample_url

ALLOWED = "https://www.example.fi"
MARK = "<kuulo-fuzz>"
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
marked = st.one_of(text, text.map(lambda t: MARK + t), st.just(f"{MARK}<script>alert(1)</script>"))
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True, allow_infinity=True), marked
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4), max_leaves=12
)


def answers_of():
    return st.one_of(
        json_values,
        st.fixed_dictionaries(
            {},
            optional={
                "csat": st.one_of(st.integers(-2, 12), json_values),
                "nps": st.one_of(st.integers(-2, 12), json_values),
                "umux_lite": st.one_of(st.lists(st.integers(0, 9), max_size=3), json_values),
            },
        ),
    )


def payloads(open_id: int, extra: dict):
    fields = {
        "idempotency_key": st.one_of(st.uuids().map(str), json_values),
        "language": st.one_of(st.sampled_from(["fi", "sv", "en", "de", ""]), json_values),
        "customer_group": st.one_of(st.sampled_from(["private", "company"]), json_values),
        "channel": st.one_of(st.sampled_from(["web", "phone", "chat"]), json_values),
        "touchpoint": marked,
        "answers": answers_of(),
        "comments": st.one_of(st.dictionaries(st.just(str(open_id)), json_values, max_size=1), json_values),
        **extra,
    }
    return st.fixed_dictionaries({}, optional=fields)


def bodies(open_id: int, extra: dict | None = None):
    """JSON bodies near a valid response, any JSON, and any bytes."""
    dumped = payloads(open_id, extra or {}).map(lambda data: json.dumps(data).encode())
    return st.one_of(dumped, dumped, json_values.map(lambda v: json.dumps(v).encode()), st.binary(max_size=120))


def counts() -> tuple[int, int, int, int]:
    displays = sum(DisplayCount.objects.values_list("count", flat=True))
    return Response.objects.count(), Answer.objects.count(), Comment.objects.count(), displays


def check(response, before: tuple, *, stored_statuses=(200, 201, 204, 303)) -> None:
    assert response.status_code < 500
    if response.status_code not in stored_statuses:
        assert counts() == before, f"a {response.status_code} answer stored something"
    elif counts()[0] > before[0]:
        assert counts()[0] == before[0] + 1
    if "html" in response.get("Content-Type", ""):
        assert MARK not in response.content.decode("utf-8", "replace")


@pytest.fixture(autouse=True)
def _fresh_caches():
    cache.clear()
    forget_cached_points()
    yield
    forget_cached_points()


@pytest.fixture
def widget(db):
    version, point = published_survey(kind="widget")
    return point, version.questions.get(kind="open").pk


@pytest.fixture
def api_point(db):
    version, point = published_survey(kind="api")
    return point, version.questions.get(kind="open").pk, ApiToken.issue("CRM")[1]


def test_fuzzed_widget_responses_never_fail_the_server(client, widget):
    point, open_id = widget

    @FUZZ
    @given(body=bodies(open_id, {"elapsed_ms": json_values, "website": marked, "page": marked}))
    def send(body):
        cache.clear()
        before = counts()
        response = client.post(
            reverse("public:widget_response", args=[point.key]),
            body,
            content_type="application/json",
            HTTP_ORIGIN=ALLOWED,
        )
        check(response, before)

    send()


def test_fuzzed_widget_displays_never_fail_the_server(client, widget):
    point, _open_id = widget

    @FUZZ
    @given(body=st.binary(max_size=80), content_type=st.sampled_from(["application/json", "text/plain", "x/y"]))
    def send(body, content_type):
        before = counts()
        response = client.post(
            reverse("public:widget_display", args=[point.key]), body, content_type=content_type, HTTP_ORIGIN=ALLOWED
        )
        check(response, before)
        if response.status_code != 204:
            assert counts() == before

    send()


@pytest.mark.parametrize("batch", [False, True])
def test_fuzzed_api_ingestion_never_fails_the_server(client, api_point, batch):
    point, open_id, token = api_point
    path = f"/api/v1/collection-points/{point.key}/responses" + ("/batch" if batch else "")
    single = bodies(open_id, {"answered_at": marked})
    batches = st.lists(payloads(open_id, {}), max_size=3).map(lambda items: json.dumps({"responses": items}).encode())

    @FUZZ
    @given(body=st.one_of(batches, single) if batch else single, key=st.one_of(st.uuids().map(str), text))
    def send(body, key):
        before = counts()
        headers = {"Authorization": f"Bearer {token}"}
        if key.isprintable() and key.isascii():
            headers["Idempotency-Key"] = key
        response = client.post(path, data=body, content_type="application/json", headers=headers)
        assert response.status_code < 500
        if response.status_code not in (200, 201):
            assert counts() == before

    send()


@pytest.fixture
def hosted(db, settings):
    settings.KUULO_MIN_FILL_SECONDS = 0
    version, point = published_survey(kind="link")
    return point, version.questions.get(kind="open").pk


def test_fuzzed_survey_form_posts_never_fail_the_server_nor_reflect_markup(client, hosted):
    point, open_id = hosted
    url = reverse("public:survey_page", args=[point.key])
    html = client.get(url + "?lang=fi").content.decode()
    started = re.search(r'name="started" value="([^"]*)"', html).group(1)
    form = st.fixed_dictionaries(
        {"idempotency_key": st.one_of(st.uuids().map(str), marked)},
        optional={
            "started": st.one_of(st.just(started), marked),
            "lang": st.one_of(st.sampled_from(["fi", "sv", "en"]), marked),
            "tp": marked,
            "group": marked,
            "website": marked,
            "answers.csat": st.one_of(st.integers(-1, 7).map(str), marked),
            "answers.nps": st.one_of(st.integers(-1, 11).map(str), marked),
            "answers.umux_lite.0": st.one_of(st.integers(0, 8).map(str), marked),
            f"comments.{open_id}": marked,
            MARK: marked,
        },
    )
    raw = st.one_of(form.map(lambda data: urlencode(data).encode()), st.binary(max_size=120))

    @FUZZ
    @given(body=raw)
    def send(body):
        cache.clear()
        before = counts()
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        check(response, before)

    send()


def test_a_valid_fuzz_shape_is_stored_so_the_fuzz_reaches_the_database(client, widget):
    point, _open_id = widget
    body = json.dumps({"idempotency_key": str(uuid.uuid4()), "language": "fi", "answers": {"csat": 4}}).encode()
    before = counts()
    response = client.post(
        reverse("public:widget_response", args=[point.key]), body, content_type="application/json", HTTP_ORIGIN=ALLOWED
    )
    check(response, before)
    assert counts()[0] == before[0] + 1


# --- every other URL that takes a POST without a login ---

# Each public POST endpoint and the test that fuzzes it. The ones fuzzed by
# test_fuzzed_posts_to_the_other_public_urls get form, JSON and raw bodies.
OTHER = "test_fuzzed_posts_to_the_other_public_urls"
FUZZED = {
    "public:widget_response": "test_fuzzed_widget_responses_never_fail_the_server",
    "public:widget_display": "test_fuzzed_widget_displays_never_fail_the_server",
    "public:survey_page": "test_fuzzed_survey_form_posts_never_fail_the_server_nor_reflect_markup",
    "api:api_v1:post_response": "test_fuzzed_api_ingestion_never_fails_the_server",
    "api:api_v1:post_batch": "test_fuzzed_api_ingestion_never_fails_the_server",
    # Sign-in and the language switch, open to anyone.
    "accounts:login": OTHER,
    "accounts:logout": OTHER,
    "accounts:set_language": OTHER,
    # These answer a POST as they answer a GET; fuzzed all the same.
    "public:widget_config": OTHER,
    "api:api_v1:api-root": OTHER,
    "api:api_v1:openapi-json": OTHER,
    "api:api_v1:openapi-view": OTHER,
    "plans:feed": OTHER,
    "plans:personal_feed": OTHER,
    # The public accessibility feedback form.
    "accessibility:feedback": OTHER,
    # The customer panel: joining, confirming, unsubscribing and a member's own page.
    "panel_public:join": OTHER,
    # The public idea board's form, where an organisation opens it.
    "network:public_idea_new": OTHER,
    "panel_public:confirm": OTHER,
    "panel_public:unsubscribe": OTHER,
    "panel_public:ask_link": OTHER,
    "panel_public:my_edit": OTHER,
    "panel_public:my_withdraw": OTHER,
    "panel_public:my_erase": OTHER,
    "panel_public:invitation": OTHER,
}


def url_for(name: str, service) -> str:
    """The URL `name` with real arguments where a public page has them, made-up ones otherwise."""
    return reverse(name, args=PUBLIC_PAGES[name](service)) if name in PUBLIC_PAGES else sample_url(name)


def public_post_endpoints(service) -> set[str]:
    """The URL names that take a POST from someone who has not logged in: every name whose
    anonymous POST answers neither 405 nor a redirect to the login page, and the declared
    public actions (logout redirects to the login page by design)."""
    login = reverse("accounts:login")
    found = set(PUBLIC_ACTIONS)
    for name in kuulo_url_names():
        response = Client().post(url_for(name, service))
        to_login = response.status_code == 302 and response["Location"].startswith(login)
        if response.status_code != 405 and not to_login:
            found.add(name)
    return found


def test_every_public_post_endpoint_is_fuzzed(db, service):
    found = public_post_endpoints(service)
    assert found - set(FUZZED) == set(), "a public POST endpoint that no fuzz test covers: add it to FUZZED"
    assert set(FUZZED) - found == set(), "in FUZZED but no longer takes a public POST: take it out"
    assert set(FUZZED.values()) <= set(globals()), "FUZZED names a test that does not exist"


form_fields = st.dictionaries(
    st.sampled_from(["username", "password", "language", "next", "key", "lang", "q", "answers.csat", MARK]),
    marked,
    max_size=5,
)
other_bodies = st.one_of(
    form_fields.map(lambda data: ("application/x-www-form-urlencoded", urlencode(data).encode())),
    json_values.map(lambda value: ("application/json", json.dumps(value).encode())),
    st.binary(max_size=120).map(lambda raw: ("multipart/form-data; boundary=kuulo", raw)),
    st.binary(max_size=120).map(lambda raw: ("text/plain", raw)),
)


@pytest.mark.parametrize("url_name", sorted(name for name, test in FUZZED.items() if test == OTHER))
def test_fuzzed_posts_to_the_other_public_urls(url_name, service, widget):
    point, _open_id = widget
    url = reverse(url_name, args=[point.key]) if url_name == "public:widget_config" else url_for(url_name, service)

    @settings(FUZZ, max_examples=15)
    @given(body=other_bodies, query=st.one_of(st.just(""), form_fields.map(urlencode)))
    def send(body, query):
        cache.clear()
        content_type, data = body
        before = counts()
        response = Client().post(f"{url}?{query}" if query else url, data, content_type=content_type)
        check(response, before, stored_statuses=())

    send()
