"""/healthz, /readyz and /metrics, as a load balancer and Prometheus see them."""

import re

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django_tasks_db.models import DBTaskResult

from kuulo.lib import observability
from tests.factories import published_survey


def test_healthz_answers_without_asking_the_database(client, django_assert_num_queries, db):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")


def test_readyz_checks_the_database_and_the_cache(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_readyz_answers_503_naming_a_failing_cache(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "failing"}


def test_readyz_answers_503_when_the_database_does_not_answer(client, db, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("could not connect to server")

    monkeypatch.setattr(observability, "connection", Unreachable())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "failing"


def test_metrics_are_off_until_a_token_is_set(client, db, settings):
    settings.KUULO_METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404


@pytest.mark.parametrize("header", [None, "Bearer wrong", "token-1234567890"])
def test_metrics_ask_for_the_token(client, db, settings, header):
    settings.KUULO_METRICS_TOKEN = "token-1234567890"
    headers = {"Authorization": header} if header else {}
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


def scrape(client) -> str:
    response = client.get("/metrics", headers={"Authorization": "Bearer token-1234567890"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def sample(text: str, name: str, **labels) -> float:
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        match = re.fullmatch(rf"{name}(?:\{{(.*)\}})? (\S+)", line)
        if match and ",".join(sorted((match.group(1) or "").split(","))) == wanted:
            return float(match.group(2))
    return 0.0


def test_metrics_count_requests_by_view_and_stored_responses_by_kind(client, db, settings):
    settings.KUULO_METRICS_TOKEN = "token-1234567890"
    _version, point = published_survey(codes=("csat",), open_question=False)
    before = scrape(client)
    client.get("/readyz")
    client.get(f"/w/{point.key}/nope-not-a-page")
    body = {"idempotency_key": "m-1", "language": "fi", "answers": {"csat": 4}}
    answer = client.post(f"/w/{point.key}/responses", body, content_type="application/json")
    assert answer.status_code in (200, 201), answer.content
    after = scrape(client)
    ready = sample(after, "kuulo_http_requests_total", method="GET", view="ready", status="200")
    assert ready - sample(before, "kuulo_http_requests_total", method="GET", view="ready", status="200") == 1
    assert sample(after, "kuulo_http_requests_total", method="GET", view="unmatched", status="404") >= 1
    assert point.key not in after  # views are labelled by URL name, never by path
    stored = sample(after, "kuulo_responses_stored_total", kind="widget")
    assert stored - sample(before, "kuulo_responses_stored_total", kind="widget") == 1
    assert sample(after, "kuulo_http_request_duration_seconds_count", view="ready") >= 1


def test_metrics_show_the_task_queue(client, db, settings):
    settings.KUULO_METRICS_TOKEN = "token-1234567890"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DBTaskResult.objects.all().delete()
    assert sample(scrape(client), "kuulo_task_queue_length") == 0
    from kuulo.comments.tasks import recluster_themes

    recluster_themes.enqueue()
    text = scrape(client)
    assert sample(text, "kuulo_task_queue_length") == 1
    assert sample(text, "kuulo_task_queue_oldest_age_seconds") >= 0
