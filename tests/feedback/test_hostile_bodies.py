"""Public endpoints never answer 5xx to hostile input: deeply nested JSON, oversized
bodies and bytes that are not UTF-8 are refused with 400/413 and store nothing."""

import json
import re
import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse

from kuulo.api.models import ApiToken
from kuulo.feedback.models import Answer, Comment, Response
from kuulo.feedback.public.widget import forget_cached_points
from kuulo.lib import jsonbody
from tests.factories import published_survey

ALLOWED = "https://www.example.fi"
NESTED = b"[" * 5000 + b"]" * 5000
NESTED_OBJECT = b'{"answers": ' + b'{"a":' * 2000 + b"1" + b"}" * 2001


@pytest.fixture(autouse=True)
def _fresh_caches():
    cache.clear()
    forget_cached_points()
    yield
    forget_cached_points()


def counts() -> tuple[int, int, int]:
    return Response.objects.count(), Answer.objects.count(), Comment.objects.count()


def widget_post(client, point, body: bytes):
    return client.post(
        reverse("public:widget_response", args=[point.key]), body, content_type="application/json", HTTP_ORIGIN=ALLOWED
    )


def api_post(client, point, body: bytes, *, batch: bool = False, token: str):
    path = f"/api/v1/collection-points/{point.key}/responses" + ("/batch" if batch else "")
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}
    return client.post(path, data=body, content_type="application/json", headers=headers)


@pytest.fixture
def widget(db):
    return published_survey(kind="widget")


@pytest.fixture
def api_point(db):
    return published_survey(kind="api")


@pytest.fixture
def token(db) -> str:
    return ApiToken.issue("CRM")[1]


# --- the guarded parser ---


def test_the_parser_reads_ordinary_json():
    assert jsonbody.parse(b'{"a": [1, {"b": "\\u00e4"}]}', limit=100) == {"a": [1, {"b": "ä"}]}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (NESTED, 400),
        (b"[" * 33 + b"]" * 33, 400),
        (b'{"a": NaN}', 400),
        (b'{"a": Infinity}', 400),
        (b'{"a": "\xff"}', 400),
        (b'{"a": "\\ud800"}', 400),
        (b"[1, 2", 400),
        (b"x" * 101, 413),
    ],
)
def test_the_parser_refuses_hostile_bodies_with_a_status(body, status):
    with pytest.raises(jsonbody.BodyError) as refused:
        jsonbody.parse(body, limit=10_100 if status == 400 else 100)
    assert refused.value.status == status


def test_brackets_inside_strings_do_not_count_as_depth():
    text = json.dumps({"comment": "[" * 500 + '\\"{' * 100})
    assert jsonbody.parse(text.encode(), limit=10_000)["comment"].startswith("[[[")


# --- each endpoint ---


@pytest.mark.parametrize("body", [NESTED, NESTED_OBJECT])
def test_a_deeply_nested_body_to_the_widget_is_400_and_stores_nothing(client, widget, body):
    _version, point = widget
    before = counts()
    response = widget_post(client, point, body)
    assert response.status_code == 400
    assert "nested" in response.json()["errors"]["body"]
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert counts() == before


@pytest.mark.parametrize("batch", [False, True])
@pytest.mark.parametrize("body", [NESTED, NESTED_OBJECT])
def test_a_deeply_nested_body_to_the_api_is_400_and_stores_nothing(client, api_point, token, body, batch):
    _version, point = api_point
    before = counts()
    response = api_post(client, point, body, batch=batch, token=token)
    assert response.status_code == 400
    assert "nested" in response.json()["errors"]["body"]
    assert counts() == before


def test_an_oversized_widget_body_is_413(client, widget, settings):
    _version, point = widget
    before = counts()
    body = json.dumps({"comments": {"1": "a" * settings.KUULO_MAX_SINGLE_BODY}}).encode()
    assert widget_post(client, point, body).status_code == 413
    assert counts() == before


@pytest.mark.parametrize(("batch", "limit"), [(False, "KUULO_MAX_SINGLE_BODY"), (True, "KUULO_MAX_BATCH_BODY")])
def test_an_oversized_api_body_is_413(client, api_point, token, settings, batch, limit):
    _version, point = api_point
    before = counts()
    body = json.dumps({"responses": [], "pad": "a" * getattr(settings, limit)}).encode()
    response = api_post(client, point, body, batch=batch, token=token)
    assert response.status_code == 413
    assert "body" in response.json()["errors"]
    assert counts() == before


def test_nan_in_an_api_response_is_400(client, api_point, token):
    _version, point = api_point
    before = counts()
    response = api_post(client, point, b'{"language": "fi", "answers": {"csat": NaN}}', token=token)
    assert response.status_code == 400
    assert counts() == before


# --- the hosted survey form ---


@pytest.fixture
def hosted(db, settings):
    settings.KUULO_MIN_FILL_SECONDS = 0
    return published_survey(kind="link")


def form_body(client, point, comment: bytes) -> bytes:
    """The urlencoded form a customer's browser sends, with the comment's raw bytes percent-encoded."""
    html = client.get(reverse("public:survey_page", args=[point.key]) + "?lang=fi").content.decode()

    def hidden(name):
        return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)

    open_id = point.survey.live_version().questions.get(kind="open").pk
    fields = {
        "idempotency_key": hidden("idempotency_key").encode(),
        "started": hidden("started").encode(),
        "lang": b"fi",
        "answers.csat": b"4",
        f"comments.{open_id}".encode(): comment,
    }
    from urllib.parse import quote_from_bytes

    return b"&".join(
        (name if isinstance(name, bytes) else name.encode()) + b"=" + quote_from_bytes(value).encode()
        for name, value in fields.items()
    )


def test_a_comment_that_is_not_utf8_is_refused_with_a_message_and_nothing_is_stored(client, hosted):
    _version, point = hosted
    before = counts()
    body = form_body(client, point, "Hakemus oli selkeä ".encode() + b"\xff\xfe")
    response = client.post(
        reverse("public:survey_page", args=[point.key]), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 422
    assert "merkkejä, joita ei voitu lukea" in response.content.decode()
    assert counts() == before


def test_a_utf8_comment_with_the_same_form_is_stored(client, hosted):
    _version, point = hosted
    body = form_body(client, point, "Hakemus oli selkeä".encode())
    response = client.post(
        reverse("public:survey_page", args=[point.key]), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 303
    assert Comment.objects.get().text == "Hakemus oli selkeä"


def test_a_nul_character_in_a_widget_comment_never_fails_the_server(client, widget):
    version, point = widget
    open_id = version.questions.get(kind="open").pk
    body = {"idempotency_key": str(uuid.uuid4()), "language": "fi", "answers": {"csat": 4}}
    body["comments"] = {str(open_id): "a\x00b"}
    before = counts()
    response = widget_post(client, point, json.dumps(body).encode())
    assert response.status_code in (201, 400)
    if response.status_code == 400:
        assert counts() == before
