"""A journey map with a phase, a step, a pain point, an opportunity and a persona for a
service, and args builders for tests/pages.py and tests/actions.py."""

from kuulo.journeys.models import JourneyMap, Opportunity, PainPoint, Persona, Phase, Process, Step


def journey_map(service) -> JourneyMap:
    persona = Persona.objects.create(service=service, name="Muuttaja", needs="Tietää, mitä tehdä ensin.")
    journey = JourneyMap.objects.create(service=service, title="Muutto uuteen kuntaan", persona=persona)
    before = Phase.objects.create(journey=journey, position=0, name="Ennen", process=Process.BEFORE)
    ours = Phase.objects.create(journey=journey, position=1, name="Asiointi", process=Process.OURS)
    Step.objects.create(
        service=service,
        phase=before,
        position=0,
        name="Muuttoilmoitus",
        process=Process.BEFORE,
        other_organisation="Digi- ja väestötietovirasto",
    )
    step = Step.objects.create(service=service, phase=ours, position=0, name="Hakemus", does="Täyttää lomakkeen")
    Step.objects.create(service=service, phase=ours, position=1, name="Päätös")
    pain = PainPoint.objects.create(service=service, step=step, text="Lomake kysyy samat tiedot uudelleen")
    opportunity = Opportunity.objects.create(service=service, step=step, title="Esitäytetty lomake")
    opportunity.pain_points.add(pain)
    return journey


def _journey(service) -> JourneyMap:
    return JourneyMap.objects.filter(service=service).first() or journey_map(service)


def journey_args(service) -> list:
    return [service.pk, _journey(service).pk]


def phase_args(service) -> list:
    journey = _journey(service)
    return [service.pk, journey.pk, journey.phases.last().pk]


def step_args(service) -> list:
    journey = _journey(service)
    return [service.pk, journey.pk, Step.objects.filter(phase__journey=journey, name="Hakemus").get().pk]


def pain_point_args(service) -> list:
    journey = _journey(service)
    return [service.pk, journey.pk, PainPoint.objects.filter(step__phase__journey=journey).first().pk]


def opportunity_args(service) -> list:
    journey = _journey(service)
    return [service.pk, journey.pk, Opportunity.objects.filter(step__phase__journey=journey).first().pk]


def persona_args(service) -> list:
    _journey(service)
    return [service.pk, Persona.objects.filter(service=service).first().pk]


def share_token(service) -> list:
    from kuulo.journeys.actions import share

    return [share(_journey(service))]
