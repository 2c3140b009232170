"""Fuzzing every public POST endpoint with hypothesis: the widget's responses and
displays, the hosted survey form and API ingestion with a valid token. Whatever
is sent, the answer is never 5xx, a refused request stores nothing and an HTML
answer never reflects the input unescaped."""

import json
import re
import uuid
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kuulo.api.models import ApiToken
from kuulo.feedback.models import Answer, Comment, DisplayCount, Response
from kuulo.feedback.public.widget import forget_cached_points
from tests.factories import published_survey

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
