"""URL arguments of the customer-facing pages for tests/pages.py: a published
survey of the persona service with a collection point of the right kind."""

import importlib

from django.apps import apps

from kuulo.metrics.models import Metric
from tests.factories import published_survey


def ensure_metric_library() -> None:
    """Browser tests run on a flushed database, which loses the metrics the
    migration seeded: seed them again with the migration's own function."""
    if not Metric.objects.filter(is_builtin=True).exists():
        importlib.import_module("kuulo.metrics.migrations.0002_builtin_metrics").seed(apps, None)
        importlib.import_module("kuulo.metrics.migrations.0003_neutral_wording").correct(apps, None)


def link_key(service) -> list[str]:
    ensure_metric_library()
    _version, point = published_survey(service=service, kind="link")
    return [point.key]


def widget_key(service) -> list[str]:
    ensure_metric_library()
    _version, point = published_survey(service=service, kind="widget")
    return [point.key]
