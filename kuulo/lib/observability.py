"""What operators watch: liveness, readiness and Prometheus metrics.

`/healthz` answers while the process can serve requests (no database call, so a
slow database does not get healthy app servers killed); `/readyz` answers 200
only when the database and the cache answer, for the load balancer to route
by. `/metrics` is Prometheus' text format: request counts and latencies per
view (the URL name, never the path, so customers' keys do not become labels),
stored responses per kind of collection point, and the task queue's length
and oldest waiting task. It is off until KUULO_METRICS_TOKEN is set, then asks
for that token as a bearer token. Under gunicorn with several workers set
PROMETHEUS_MULTIPROC_DIR to an empty directory so that the workers' counts
are added up (docs/operations.md).
"""

import hmac
import os
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import REGISTRY as DEFAULT_REGISTRY
from prometheus_client.core import GaugeMetricFamily

REQUESTS = Counter("kuulo_http_requests", "HTTP requests answered.", ["method", "view", "status"])
LATENCY = Histogram(
    "kuulo_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
STORED = Counter("kuulo_responses_stored", "Responses stored, by kind of collection point.", ["kind"])


class MetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name if match else "") or "unmatched"
        LATENCY.labels(view).observe(time.perf_counter() - started)
        REQUESTS.labels(request.method, view, str(response.status_code)).inc()
        return response


class TaskQueueCollector:
    """The background task queue, read from the database at scrape time."""

    def collect(self):
        from django.db.models import Count, Min
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).aggregate(
            count=Count("id"), oldest=Min("enqueued_at")
        )
        length = GaugeMetricFamily("kuulo_task_queue_length", "Background tasks waiting to run.")
        length.add_metric([], waiting["count"] or 0)
        yield length
        age = GaugeMetricFamily("kuulo_task_queue_oldest_age_seconds", "Age of the oldest waiting task.")
        oldest = waiting["oldest"]
        age.add_metric([], (timezone.now() - oldest).total_seconds() if oldest else 0.0)
        yield age


def registry() -> CollectorRegistry:
    """The registry to scrape: the workers' shared files under gunicorn, else this process's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        scraped = CollectorRegistry()
        multiprocess.MultiProcessCollector(scraped)
    else:
        scraped = CollectorRegistry()
        scraped.register(_Default())
    scraped.register(TaskQueueCollector())
    return scraped


class _Default:
    """This process's own metrics, re-exported through a registry that also has the task queue."""

    def collect(self):
        yield from DEFAULT_REGISTRY.collect()


@require_safe
def health(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def ready(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 when the database and the cache answer, else 503 naming what failed."""
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    status = 200 if all(checks.values()) else 503
    return JsonResponse({name: "ok" if passed else "failing" for name, passed in checks.items()}, status=status)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means not ready
        return False


def _cache_answers() -> bool:
    key = f"kuulo:readyz:{os.getpid()}"
    try:
        cache.set(key, "1", timeout=10)
        return cache.get(key) == "1"
    except Exception:  # any failure means not ready
        return False


@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    token = settings.KUULO_METRICS_TOKEN
    if not token:
        raise Http404("Metrics are off: set KUULO_METRICS_TOKEN.")
    scheme, _space, given = request.headers.get("Authorization", "").partition(" ")
    if scheme != "Bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        return HttpResponse("A bearer token is required.", status=401, headers={"WWW-Authenticate": "Bearer"})
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
