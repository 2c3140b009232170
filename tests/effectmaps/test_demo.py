"""The demo's effect map: its deliverables follow the backlog's redesign, an impact bridges to
the demo journey, and loading again adds nothing."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.effectmaps.demo import TITLE, load_demo_effectmaps
from kuulo.effectmaps.models import EffectMap, Impact
from kuulo.journeys.demo import load_demo_journeys
from kuulo.traceability.queries import targets
from tests.factories import MembershipFactory, ServiceFactory
from tests.surveys.public_pages import ensure_metric_library


def test_the_demo_effect_map_follows_the_done_redesign_and_loads_once(client, db):
    ensure_metric_library()
    service = ServiceFactory(slug="housing-allowance-online", channels=["web"])
    done_at = timezone.localdate() - timedelta(days=92)
    BacklogItem.objects.create(
        service=service, title="Asumistuen hakulomakkeen uudistus", status="verified", rank=1, done_at=done_at
    )
    load_demo_journeys()
    effect_map = load_demo_effectmaps()
    assert load_demo_effectmaps() is None
    assert EffectMap.objects.filter(title=TITLE).count() == 1
    assert effect_map.actors.filter(obstructs=True).exists()
    bridged = Impact.objects.get(actor__effect_map=effect_map, step__name="Liitteiden lähettäminen")
    assert bridged.step.phase.journey.service == service
    redesign = effect_map.actors.first().impacts.first().deliverables.first()
    assert [item.title for item in targets("deliverable", [redesign.pk], "item")[redesign.pk]] == [
        "Asumistuen hakulomakkeen uudistus"
    ]
    client.force_login(MembershipFactory(service=service, role="viewer").user)
    page = client.get(reverse("effectmaps:map_detail", args=[service.pk, effect_map.pk])).content.decode()
    assert "The first deliverable was done on" in page
