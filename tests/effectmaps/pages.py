"""An effect map with an actor, an impact and a deliverable for a service, and args builders
for tests/pages.py and tests/actions.py."""

from kuulo.effectmaps.models import Actor, Deliverable, EffectMap, Impact
from kuulo.metrics.models import Metric


def effect_map(service) -> EffectMap:
    metric = Metric.objects.filter(code="csat", is_active=True).order_by("-version").first()
    found = EffectMap.objects.create(
        service=service,
        title="Sujuvampi muutto",
        goal="Muuttajat onnistuvat asioinnissa ensimmäisellä kerralla.",
        metric=metric,
        target_level=80,
    )
    actor = Actor.objects.create(effect_map=found, position=0, name="Muuttajat")
    Actor.objects.create(effect_map=found, position=1, name="Vuokranantajat", obstructs=True)
    impact = Impact.objects.create(actor=actor, position=0, text="Tekevät ilmoituksen verkossa", metric=metric)
    Deliverable.objects.create(service=service, impact=impact, position=0, title="Esitäytetty lomake")
    Deliverable.objects.create(service=service, impact=impact, position=1, title="Muistutusviesti", contribution=2)
    return found


def _map(service) -> EffectMap:
    return EffectMap.objects.filter(service=service).first() or effect_map(service)


def map_args(service) -> list:
    return [service.pk, _map(service).pk]


def actor_args(service) -> list:
    found = _map(service)
    return [service.pk, found.pk, found.actors.first().pk]


def impact_args(service) -> list:
    found = _map(service)
    return [service.pk, found.pk, Impact.objects.filter(actor__effect_map=found).first().pk]


def deliverable_args(service) -> list:
    found = _map(service)
    return [service.pk, found.pk, Deliverable.objects.filter(impact__actor__effect_map=found).first().pk]
