"""Changes to the metric library and to target levels.

Nothing here edits a metric's wording, scale or rule: a change is a new
version linked to the one before, and a target level is a new row in force
from a date, so results and their targets stay comparable over time.
"""

from django.db import transaction

import kuulo.audit as audit
from kuulo.metrics.models import Metric, Target

DEFINITION_FIELDS = (
    "name_fi",
    "name_sv",
    "name_en",
    "question_fi",
    "question_sv",
    "question_en",
    "scale_min",
    "scale_max",
    "labels",
    "rule",
    "threshold",
    "good_direction",
)


@transaction.atomic
def create_metric(definition: dict) -> Metric:
    """A custom metric, version 1."""
    fields = {name: definition[name] for name in DEFINITION_FIELDS}
    metric = Metric.objects.create(code=definition["code"], version=1, is_builtin=False, **fields)
    audit.record(None, "metric.created", metric)
    return metric


@transaction.atomic
def create_metric_version(base: Metric, definition: dict) -> Metric:
    """A new version of `base`'s metric, linked to its newest version."""
    latest = Metric.objects.select_for_update().filter(code=base.code).order_by("-version").first()
    fields = {name: definition[name] for name in DEFINITION_FIELDS}
    metric = Metric.objects.create(
        code=latest.code,
        version=latest.version + 1,
        is_builtin=latest.is_builtin,
        is_active=True,
        items=definition.get("items") or latest.items,
        previous=latest,
        **fields,
    )
    audit.record(None, "metric.versioned", metric, previous_version=latest.version)
    return metric


@transaction.atomic
def deactivate_metric(metric: Metric) -> int:
    """Takes every version of a custom metric out of use; answers stay. Returns how many changed."""
    if metric.is_builtin:
        raise ValueError("Built-in metrics stay in the library.")
    audit.record(None, "metric.deactivated", metric)
    return Metric.objects.filter(code=metric.code, is_builtin=False, is_active=True).update(is_active=False)


@transaction.atomic
def add_target(metric: Metric, level: float, valid_from, *, service=None, by=None) -> Target:
    """A target level from `valid_from`: for `service`, or the organisation default when None."""
    target = Target.objects.create(metric=metric, service=service, level=level, valid_from=valid_from, created_by=by)
    audit.record(None, "target.set", target, metric=metric, level=level, valid_from=valid_from)
    return target
