"""Rounds for the tests and the shared page and action matrices."""

import datetime

from kuulo.organisation.models import Membership, Role
from kuulo.selfassessment.importing import load_builtin
from kuulo.selfassessment.models import Consensus, Framework, Improvement, Round, Score, Subcriterion
from tests.factories import AdminFactory, UserFactory


def caf() -> Framework:
    """CAF 2020 as its data migration stored it (stored again after a test that flushed the database)."""
    if not Framework.objects.filter(code="caf-2020").exists():
        load_builtin()
    return Framework.objects.get(code="caf-2020")


def make_round(unit, assessors=(), status=Round.Status.SCORING, framework=None, **fields) -> Round:
    round_ = Round.objects.create(
        framework=framework or caf(),
        unit=unit,
        title=fields.pop("title", "CAF 2026"),
        assessed_on=fields.pop("assessed_on", datetime.date(2026, 11, 2)),
        status=status,
        **fields,
    )
    round_.assessors.set(assessors)
    return round_


def persona_round(service, status=Round.Status.SCORING) -> Round:
    """A round of the persona service's unit whose assessor is the persona admin (and one more)."""
    admin = AdminFactory._meta.model.objects.get(username="admin")
    return make_round(service.unit, [admin, UserFactory()], status=status)


def round_args(service) -> list:
    return [persona_round(service).pk]


def consensus_round_args(service) -> list:
    """A round in consensus with own scores, agreed scores and an area for improvement, so that
    the consensus and results pages show every part (for the accessibility scan too)."""
    round_ = persona_round(service, Round.Status.CONSENSUS)
    for assessor, base in zip(round_.assessors.all(), (40, 60), strict=True):
        scored(round_, assessor, {"1.1": base, "1.2": base + 10, "6.1": base - 20})
    agreed(round_, {"1.1": 50, "1.2": 60, "6.1": 30})
    sub = Subcriterion.objects.get(criterion__framework=round_.framework, code="6.1")
    Improvement.objects.create(round=round_, subcriterion=sub, text="Ask the customers more often")
    return [round_.pk]


def subcriterion_args(service) -> list:
    round_ = persona_round(service, Round.Status.CONSENSUS)
    return [round_.pk, Subcriterion.objects.filter(criterion__framework=round_.framework).first().pk]


def improvement_args(service) -> list:
    round_ = persona_round(service, Round.Status.CONSENSUS)
    sub = Subcriterion.objects.filter(criterion__framework=round_.framework).first()
    return [round_.pk, Improvement.objects.create(round=round_, subcriterion=sub, text="Write it down").pk]


def scored(round_, assessor, values: dict) -> None:
    """`values`: subcriterion code → own score of `assessor`."""
    for code, value in values.items():
        sub = Subcriterion.objects.get(criterion__framework=round_.framework, code=code)
        Score.objects.create(round=round_, subcriterion=sub, assessor=assessor, value=value, evidence=f"Seen {code}")


def agreed(round_, values: dict) -> None:
    for code, value in values.items():
        sub = Subcriterion.objects.get(criterion__framework=round_.framework, code=code)
        Consensus.objects.create(round=round_, subcriterion=sub, value=value, strengths=f"Strong {code}")


def unit_member(unit, role=Role.VIEWER):
    from tests.factories import ServiceFactory

    service = ServiceFactory(unit=unit)
    return Membership.objects.create(user=UserFactory(), service=service, role=role).user
