"""The demo's self-assessment: a CAF round with two assessors that ends in agreed scores and an
improvement action on the backlog, beside last year's round, loaded once."""

from django.urls import reverse

from kuulo.organisation.models import Role
from kuulo.selfassessment.demo import load_demo_selfassessment
from kuulo.selfassessment.models import Consensus, Improvement, Round, Score
from tests.factories import MembershipFactory, ServiceFactory, UnitFactory, UserFactory


def test_the_demo_round_ends_in_consensus_with_an_action_on_the_backlog_and_loads_once(client, db):
    unit = UnitFactory(name_en="Housing Support")
    service = ServiceFactory(slug="housing-allowance-online", unit=unit)
    for name in ("owner", "team"):
        MembershipFactory(service=service, user=UserFactory(username=name), role=Role.TEAM_MEMBER)
    latest = load_demo_selfassessment()
    assert load_demo_selfassessment() is None
    assert Round.objects.filter(unit=unit).count() == 2
    assert latest.status == Round.Status.CLOSED and latest.assessors.count() == 2
    assert Score.objects.filter(round=latest).count() == 2 * 28
    assert Consensus.objects.filter(round=latest, value__isnull=False).count() == 28
    action = Improvement.objects.get(round=latest, backlog_item__isnull=False)
    assert action.backlog_item.service == service
    viewer = MembershipFactory(service=service, role=Role.VIEWER).user
    client.force_login(viewer)
    response = client.get(reverse("selfassessment:round_results", args=[latest.pk]))
    assert len(response.context["radar"]["shapes"]) == 2 and response.context["trend"] is not None
