"""The widget's JSON endpoints: configuration, display counts and responses,
with CORS per collection point and every kind of bad input."""

import json
import uuid

import pytest
from django.apps import apps
from django.core.cache import cache
from django.urls import reverse

from kuulo.feedback.models import Answer, DailyAggregate, DisplayCount, Response
from kuulo.feedback.public.widget import forget_cached_points
from tests.factories import published_survey

ALLOWED = "https://www.example.fi"


@pytest.fixture(autouse=True)
def _fresh_caches():
    cache.clear()
    forget_cached_points()
    yield
    forget_cached_points()


@pytest.fixture
def survey(db):
    return published_survey(kind="widget")


def url(name: str, point) -> str:
    return reverse(f"public:widget_{name}", args=[point.key])


def payload(version, **overrides) -> dict:
    open_id = version.questions.get(kind="open").pk
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "language": "fi",
        "customer_group": "private",
        "page": "/asumistuki/hakemus?id=1",
        "answers": {"csat": 5, "nps": 10, "umux_lite": [6, 7]},
        "comments": {str(open_id): "Selkeä lomake."},
        "elapsed_ms": 15000,
        "website": "",
    }
    return {**data, **overrides}


def send(client, point, data, *, origin=ALLOWED, **headers):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    if origin:
        headers["HTTP_ORIGIN"] = origin
    return client.post(url("response", point), body, content_type="application/json", **headers)


# --- configuration ---


@pytest.mark.parametrize(
    ("language", "title", "label"),
    [("fi", "Kerro kokemuksestasi", "Erittäin tyytyväinen"), ("sv", "Berätta om din upplevelse", "Mycket nöjd")],
)
def test_the_config_gives_the_questions_in_the_language_asked(client, survey, language, title, label):
    version, point = survey
    response = client.get(url("config", point) + f"?lang={language}", HTTP_ORIGIN=ALLOWED)
    config = response.json()
    assert response.status_code == 200
    assert config["title"] == title
    assert config["thank_you"] == version.text("thank_you", language)
    assert config["languages"] == ["fi", "sv", "en"]
    assert (config["sample_percent"], config["quiet_days"]) == (point.sample_percent, point.quiet_days)
    csat, nps, umux, comment = config["questions"]
    assert (csat["code"], csat["min"], csat["max"], csat["labels"]["5"]) == ("csat", 1, 5, label)
    assert nps["labels"].keys() == {"0", "10"}
    assert len(umux["items"]) == 2
    assert comment == {
        "kind": "open",
        "id": version.questions.get(kind="open").pk,
        "text": version.questions.get(kind="open").open_text(language),
        "max_length": 1000,
        "required": False,
    }
    assert "max-age" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == ALLOWED


def test_the_config_names_the_service_on_its_context_line_not_in_the_questions(client, survey):
    version, point = survey
    config = client.get(url("config", point) + "?lang=sv").json()
    assert config["context"] == f"Tjänst: {version.survey.service.name_sv}"
    assert config["questions"][0]["question"] == "Hur nöjd är du med tjänsten som helhet?"


# --- CORS ---


def test_an_origin_not_allowed_is_refused_with_403_and_no_cors_header(client, survey):
    version, point = survey
    response = send(client, point, payload(version), origin="https://evil.example")
    assert response.status_code == 403
    assert "origin" in response.json()["errors"]
    assert "Access-Control-Allow-Origin" not in response
    assert Response.objects.count() == 0


@pytest.mark.parametrize("origin", ["http://www.example.fi", "https://www.example.fi:8443", "https://example.fi"])
def test_an_origin_must_match_scheme_host_and_port_exactly(client, survey, origin):
    _version, point = survey
    assert client.get(url("config", point), HTTP_ORIGIN=origin).status_code == 403


def test_kuulo_s_own_origin_is_always_allowed(client, survey):
    _version, point = survey
    response = client.get(url("config", point), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://testserver"


def test_a_preflight_from_an_allowed_origin_is_answered(client, survey):
    _version, point = survey
    response = client.options(url("response", point), HTTP_ORIGIN=ALLOWED, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "Content-Type" in response["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_from_another_origin_is_refused(client, survey):
    _version, point = survey
    response = client.options(url("response", point), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403


def test_the_endpoints_set_no_cookies(client, survey):
    version, point = survey
    response = send(client, point, payload(version))
    assert not response.cookies


# --- displays ---


def test_each_display_is_counted_for_today(client, survey):
    _version, point = survey
    for _ in range(3):
        assert client.post(url("display", point), HTTP_ORIGIN=ALLOWED).status_code == 204
    assert DisplayCount.objects.get(collection_point=point).count == 3


def test_a_display_from_an_origin_not_allowed_is_not_counted(client, survey):
    _version, point = survey
    assert client.post(url("display", point), HTTP_ORIGIN="https://evil.example").status_code == 403
    assert DisplayCount.objects.count() == 0


def test_displays_are_posted_not_fetched(client, survey):
    _version, point = survey
    response = client.get(url("display", point), HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 405
    assert DisplayCount.objects.count() == 0


# --- responses ---


def test_a_valid_response_is_created_with_the_point_s_channel(client, survey):
    version, point = survey
    response = send(client, point, payload(version))
    assert response.status_code == 201
    assert response.json() == {"status": "created"}
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    stored = Response.objects.get()
    assert (stored.channel, stored.page_path, stored.status) == (point.channel, "/asumistuki/hakemus", "accepted")
    assert Answer.objects.count() == 4
    assert DailyAggregate.objects.filter(count=1).count() == 3


def test_a_retry_with_the_same_key_answers_duplicate_and_stores_once(client, survey):
    version, point = survey
    data = payload(version)
    assert send(client, point, data).status_code == 201
    again = send(client, point, data)
    assert again.status_code == 200
    assert again.json() == {"status": "duplicate"}
    assert Response.objects.count() == 1
    assert sum(DailyAggregate.objects.values_list("count", flat=True)) == 3


def test_a_filled_honeypot_is_stored_as_suspect_and_left_out_of_the_figures(client, survey):
    version, point = survey
    assert send(client, point, payload(version, website="http://spam.example")).status_code == 201
    assert Response.objects.get().suspect_reason == "honeypot"
    assert DailyAggregate.objects.count() == 0


@pytest.mark.parametrize("elapsed", [300, None])
def test_a_too_fast_or_untimed_response_is_suspect(client, survey, elapsed):
    version, point = survey
    data = payload(version)
    if elapsed is None:
        del data["elapsed_ms"]
    else:
        data["elapsed_ms"] = elapsed
    assert send(client, point, data).status_code == 201
    assert Response.objects.get().status == Response.Status.SUSPECT


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"answers": {"csat": 6}}, "answers.csat"),
        ({"answers": {"csat": "5"}}, "answers.csat"),
        ({"answers": {"umux_lite": [6]}}, "answers.umux_lite"),
        ({"answers": {"ces": 3}}, "answers.ces"),
        ({"answers": {}, "comments": {}}, "answers"),
        ({"language": "de"}, "language"),
        ({"channel": "pigeon"}, "channel"),
        ({"customer_group": "x" * 65}, "customer_group"),
        ({"idempotency_key": "has spaces"}, "idempotency_key"),
        ({"idempotency_key": 42}, "idempotency_key"),
        ({"comments": {"999999": "Hei"}}, "comments.999999"),
        ({"elapsed_ms": "soon"}, "elapsed_ms"),
        ({"website": ["x"]}, "website"),
        ({"admin": True}, "admin"),
    ],
)
def test_invalid_values_answer_400_naming_the_field_and_store_nothing(client, survey, changes, field):
    version, point = survey
    response = send(client, point, payload(version, **changes))
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Response.objects.count() == 0
    assert Answer.objects.count() == 0


def test_a_too_long_comment_is_refused(client, survey):
    version, point = survey
    open_id = str(version.questions.get(kind="open").pk)
    response = send(client, point, payload(version, comments={open_id: "a" * 1001}))
    assert response.status_code == 400
    assert f"comments.{open_id}" in response.json()["errors"]


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '"text"', b"\xff\xfe"])
def test_a_body_that_is_not_a_json_object_is_400(client, survey, body):
    _version, point = survey
    response = send(client, point, body)
    assert response.status_code == 400
    assert "body" in response.json()["errors"]


def test_a_body_over_16_kb_is_413(client, survey):
    version, point = survey
    open_id = str(version.questions.get(kind="open").pk)
    response = send(client, point, payload(version, comments={open_id: "a" * 17000}))
    assert response.status_code == 413
    assert "body" in response.json()["errors"]
    assert Response.objects.count() == 0


def test_a_body_larger_than_its_content_length_claims_is_413(client, survey):
    version, point = survey
    body = json.dumps(payload(version, page="/" + "a" * 20000)).encode()
    response = client.generic(
        "POST",
        url("response", point),
        body,
        content_type="application/json",
        HTTP_ORIGIN=ALLOWED,
        CONTENT_LENGTH="100",
    )
    assert response.status_code in (400, 413)
    assert Response.objects.count() == 0


def test_a_form_encoded_body_is_415(client, survey):
    _version, point = survey
    response = client.post(url("response", point), {"answers": "x"}, HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 415
    assert "content_type" in response.json()["errors"]


def test_an_unknown_key_is_404_json(client, db):
    response = client.post(reverse("public:widget_response", args=["nope"]), "{}", content_type="application/json")
    assert response.status_code == 404
    assert "key" in response.json()["errors"]


@pytest.mark.parametrize("change", ["close", "deactivate"])
def test_a_closed_survey_is_410(client, survey, change):
    version, point = survey
    if change == "close":
        version.status = "closed"
        version.save(update_fields=["status"])
    else:
        point.is_active = False
        point.save(update_fields=["is_active"])
    response = send(client, point, payload(version))
    assert response.status_code == 410
    assert "survey" in response.json()["errors"]
    assert client.get(url("config", point)).status_code == 410
    assert Response.objects.count() == 0


def test_link_collection_points_have_no_widget_endpoints(client, db):
    version, point = published_survey(kind="link")
    assert send(client, point, payload(version)).status_code == 404


def test_the_client_limit_answers_429_with_retry_after(client, survey, settings):
    settings.KUULO_RESPONSES_PER_CLIENT_PER_MINUTE = 2
    version, point = survey
    statuses = [send(client, point, payload(version)).status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    refused = send(client, point, payload(version))
    assert int(refused["Retry-After"]) >= 1
    assert "rate" in refused.json()["errors"]
    assert Response.objects.count() == 2


def test_the_collection_point_limit_applies_to_all_clients_together(client, survey):
    version, point = survey
    point.max_per_minute = 1
    point.save(update_fields=["max_per_minute"])
    forget_cached_points()
    assert send(client, point, payload(version), REMOTE_ADDR="192.0.2.1").status_code == 201
    assert send(client, point, payload(version), REMOTE_ADDR="192.0.2.2").status_code == 429


def test_another_client_address_has_its_own_limit(client, survey, settings):
    settings.KUULO_RESPONSES_PER_CLIENT_PER_MINUTE = 1
    version, point = survey
    assert send(client, point, payload(version), REMOTE_ADDR="192.0.2.1").status_code == 201
    assert send(client, point, payload(version), REMOTE_ADDR="192.0.2.1").status_code == 429
    assert send(client, point, payload(version), REMOTE_ADDR="192.0.2.2").status_code == 201


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(client, survey, settings):
    settings.KUULO_RESPONSES_PER_CLIENT_PER_MINUTE = 1
    settings.KUULO_TRUSTED_PROXIES = 1
    version, point = survey
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    assert send(client, point, payload(version), HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy).status_code == 201
    assert send(client, point, payload(version), HTTP_X_FORWARDED_FOR="192.0.2.2", **proxy).status_code == 201
    # A client cannot dodge its limit by forging an address in front of the one the proxy adds.
    forged = "198.51.100.7, 192.0.2.1"
    assert send(client, point, payload(version), HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == 429


def test_without_trusted_proxies_a_forwarded_header_is_ignored(client, survey, settings):
    settings.KUULO_RESPONSES_PER_CLIENT_PER_MINUTE = 1
    version, point = survey
    assert send(client, point, payload(version), HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 201
    assert send(client, point, payload(version), HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 429


def test_no_raw_client_address_is_stored_anywhere(client, survey):
    version, point = survey
    address = "203.0.113.77"
    assert send(client, point, payload(version), REMOTE_ADDR=address).status_code == 201
    assert client.post(url("display", point), HTTP_ORIGIN=ALLOWED, REMOTE_ADDR=address).status_code == 204
    for model in apps.get_models():
        for row in model.objects.values_list():
            assert address not in repr(row), model
    assert not [key for key in cache._cache if address in key]  # LocMem's keys: the rate limits use the hash


def test_a_submission_to_a_cached_collection_point_only_writes(client, survey, django_assert_max_num_queries):
    version, point = survey
    assert send(client, point, payload(version)).status_code == 201
    data = payload(version)
    # savepoint, response, answers, comment, the four rollups (fine, daily and monthly totals,
    # responses per collection point), release: no reads at all. On PostgreSQL it is one statement.
    with django_assert_max_num_queries(9) as queries:
        assert send(client, point, data).status_code == 201
    assert not [query for query in queries.captured_queries if query["sql"].lstrip().upper().startswith("SELECT")]
