"""An effect map loaded for its pages in a fixed number of queries: actors → impacts →
deliverables → backlog items, and the measured change of the goal and of each impact.

The change is measured by kuulo.effects (the one before/after mechanism, with its n and
significance): the metric in the weeks before the week the first of its backlog items was done,
against the latest weeks until today ("now"), at most as many as before."""

from datetime import date, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.effectmaps.models import Actor, Deliverable, EffectMap, Impact
from kuulo.effects import effect
from kuulo.lib.periods import Period
from kuulo.traceability.queries import targets

FINISHED = (BacklogItem.Status.DONE, BacklogItem.Status.VERIFIED)


def periods_since(first_done: date, today: date | None = None) -> tuple[Period, Period]:
    """Before: the whole weeks before the week of `first_done`. Now: the latest days up to
    yesterday, as many weeks as before, but none from before the week after `first_done`."""
    yesterday = (today or timezone.localdate()) - timedelta(days=1)
    before, after = effect.item_periods(first_done)
    start = max(after.start, yesterday - timedelta(weeks=effect.WEEKS) + timedelta(days=1))
    return before, Period(start, max(yesterday, start))


def load(effect_map: EffectMap) -> list[Actor]:
    """The map's actors, each with .impact_list, each impact with .deliverable_list, each deliverable
    with .items (its backlog items) and .done; the goal's and impacts' .first_done and .measurement."""
    deliverables = Prefetch("deliverables", queryset=Deliverable.objects.order_by("position", "pk"))
    impacts = Prefetch(
        "impacts",
        queryset=Impact.objects.select_related("metric", "step__phase__journey").prefetch_related(deliverables),
    )
    actors = list(effect_map.actors.prefetch_related(impacts))
    every = [
        deliverable for actor in actors for impact in actor.impacts.all() for deliverable in impact.deliverables.all()
    ]
    items = targets("deliverable", [deliverable.pk for deliverable in every], "item")
    all_done = []
    for actor in actors:
        actor.impact_list = list(actor.impacts.all())
        for impact in actor.impact_list:
            impact.deliverable_list = list(impact.deliverables.all())
            done_dates = []
            for deliverable in impact.deliverable_list:
                deliverable.items = items.get(deliverable.pk, [])
                deliverable.done = sum(1 for item in deliverable.items if item.status in FINISHED)
                done_dates += [item.done_at for item in deliverable.items if item.done_at]
            impact.first_done = min(done_dates, default=None)
            impact.service_id = effect_map.service_id
            all_done += done_dates
    effect_map.first_done = min(all_done, default=None)
    _measure(effect_map, actors)
    return actors


def _measure(effect_map: EffectMap, actors: list[Actor]) -> None:
    metric = effect_map.goal_metric
    target, _by = effect_map.goal_target
    effect_map.measurement = None
    if metric and effect_map.first_done:
        plan = lambda row: (metric, *periods_since(row.first_done), {"direction": row.direction, "target": target})  # noqa: E731
        effect_map.measurement = effect.measure_each([effect_map], plan)[effect_map.pk]
    impacts = [impact for actor in actors for impact in actor.impact_list]
    measured = [impact for impact in impacts if impact.metric_id and impact.first_done]
    found = effect.measure_each(
        measured, lambda row: (row.metric, *periods_since(row.first_done), {"direction": row.direction})
    )
    for impact in impacts:
        impact.measurement = found.get(impact.pk)
