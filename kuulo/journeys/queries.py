"""Reading a whole journey map for its pages: the phases with their steps and everything on
them in a fixed number of queries, the emotion curves and the heat strip."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch

from kuulo.journeys import figures
from kuulo.journeys.models import Emotion, JourneyMap, Opportunity, PainPoint, Persona, Phase, Step

COLUMN = 224  # px: the width of one step's column in the visual view (journeys.css, --step-width)
CURVE_HEIGHT = 120


@dataclass
class Curve:
    persona: Persona
    points: str  # SVG polyline points
    dots: list[tuple[int, int, int, str]]  # x, y, score, step name (whole pixels: no decimal commas)
    summary: str


def load(journey: JourneyMap) -> list[Phase]:
    """The phases in order, each with `.step_list` (steps in order, with `.pain_list` and
    `.opportunity_list`); every step carries `.cells` (its live figures), `.headline` (the first
    of them), `.emotion_of` (persona id → score), `.column` (its column in the visual view) and `.as_is` (on a
    copy, the original step with its own `.emotion_of`, else None)."""
    # to_attr: the prefetched rows go straight into lists, without a queryset per step.
    # Emotions as plain (step, persona, score) rows: a map has one per step and persona.
    steps = Step.objects.select_related("other_unit").prefetch_related(
        Prefetch("pain_points", queryset=PainPoint.objects.order_by("pk"), to_attr="pain_list"),
        Prefetch("opportunities", queryset=Opportunity.objects.order_by("pk"), to_attr="opportunity_list"),
    )
    phases = list(journey.phases.prefetch_related(Prefetch("steps", queryset=steps, to_attr="step_list")))
    all_steps = [step for phase in phases for step in phase.step_list]
    emotions: dict[int, dict[int, int]] = defaultdict(dict)
    rows = Emotion.objects.filter(step__phase__journey=journey).values_list("step_id", "persona_id", "score")
    for step_id, persona_id, score in rows:
        emotions[step_id][persona_id] = score
    cells = figures.step_cells(journey.service, all_steps)
    column = 0
    originals = {
        step.pk: step
        for step in Step.objects.filter(pk__in=[step.based_on_id for step in all_steps if step.based_on_id])
        .select_related("other_unit")
        .prefetch_related("emotions")
    }
    for phase in phases:
        phase.span = max(len(phase.step_list), 1)  # an empty phase keeps one column in the visual view
        column += 0 if phase.step_list else 1
        for step in phase.step_list:
            step.column = column
            column += 1
            step.cells = cells.get(step.pk, [])
            step.headline = step.cells[0] if step.cells else None
            step.emotion_of = emotions.get(step.pk, {})
            step.as_is = originals.get(step.based_on_id)
            if step.as_is is not None:
                step.as_is.emotion_of = {emotion.persona_id: emotion.score for emotion in step.as_is.emotions.all()}
    return phases


def steps_of(phases: list[Phase]) -> list[Step]:
    return [step for phase in phases for step in phase.step_list]


def curves(phases: list[Phase], personas: list[Persona], label) -> list[Curve]:
    """One emotion curve per persona that has scored any step, across every step of the map."""
    steps = steps_of(phases)
    found = []
    for persona in personas:
        scored = [
            (index, step, step.emotion_of[persona.pk])
            for index, step in enumerate(steps)
            if persona.pk in step.emotion_of
        ]
        if not scored:
            continue
        dots = [
            (step.column * COLUMN + COLUMN // 2, (2 - score) * (CURVE_HEIGHT - 20) // 4 + 10, score, step.name)
            for _index, step, score in scored
        ]
        found.append(
            Curve(
                persona=persona,
                points=" ".join(f"{x},{y}" for x, y, _score, _name in dots),
                dots=dots,
                summary=label(persona, scored),
            )
        )
    return found
