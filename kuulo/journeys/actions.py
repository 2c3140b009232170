"""Changes to journey maps that touch more than one row: ordering phases and steps, saving a
step with its emotions under optimistic locking."""

import secrets

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kuulo.backlog import actions as backlog_actions
from kuulo.backlog.models import BacklogItem
from kuulo.journeys.models import Emotion, JourneyMap, Opportunity, Phase, Step
from kuulo.traceability.actions import link


class StaleStep(Exception):
    """The step was saved by someone else after the form was opened."""

    def __init__(self, step: Step):
        super().__init__(f"Step {step.pk} changed.")
        self.step = step


def add_phase(journey: JourneyMap, phase: Phase) -> Phase:
    last = journey.phases.aggregate(last=Max("position"))["last"]
    phase.journey = journey
    phase.position = 0 if last is None else last + 1
    phase.save()
    return phase


def add_step(phase: Phase, step: Step, user, emotions: dict[int, int | None]) -> Step:
    last = phase.steps.aggregate(last=Max("position"))["last"]
    step.phase = phase
    step.service_id = phase.journey.service_id
    step.position = 0 if last is None else last + 1
    step.updated_by = user
    with transaction.atomic():
        step.save()
        _save_emotions(step, emotions)
    return step


@transaction.atomic
def save_step(step: Step, fields: list[str], user, seen_version: int | None, emotions: dict[int, int | None]) -> Step:
    """Saves the changed `fields` of `step` when nobody saved it after `seen_version`; raises
    StaleStep (with the stored step) otherwise. The check and the write are one UPDATE, so two
    saves of one version cannot both win."""
    attnames = [Step._meta.get_field(name).attname for name in fields]
    values = {attname: getattr(step, attname) for attname in attnames}
    changed = Step.objects.filter(pk=step.pk, version=seen_version).update(
        **values, version=F("version") + 1, updated_by=user, updated_at=timezone.now()
    )
    if not changed:
        raise StaleStep(Step.objects.select_related("updated_by").get(pk=step.pk))
    _save_emotions(step, emotions)
    step.refresh_from_db()
    return step


def _save_emotions(step: Step, emotions: dict[int, int | None]) -> None:
    for persona_id, score in emotions.items():
        if score is None:
            Emotion.objects.filter(step=step, persona_id=persona_id).delete()
        else:
            Emotion.objects.update_or_create(step=step, persona_id=persona_id, defaults={"score": score})


@transaction.atomic
def move(thing: Phase | Step, direction: str) -> None:
    """Swaps a phase or step with its neighbour above ("up") or below ("down"); renumbers the
    siblings first so that equal positions cannot stall the move."""
    siblings = list(thing.journey.phases.all() if isinstance(thing, Phase) else thing.phase.steps.all())
    index = next(position for position, sibling in enumerate(siblings) if sibling.pk == thing.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            type(sibling).objects.filter(pk=sibling.pk).update(position=position)


@transaction.atomic
def item_from_opportunity(opportunity: Opportunity, user, title: str) -> BacklogItem:
    """A new backlog item of the opportunity's service, linked to it (opportunity → item); an open
    opportunity is then in progress."""
    description = "\n".join(pain.text for pain in opportunity.pain_points.all())
    item = backlog_actions.create_item(opportunity.service, user, title=title, description=description)
    link(opportunity, item, user)
    if opportunity.status == Opportunity.Status.OPEN:
        opportunity.status = Opportunity.Status.IN_PROGRESS
        opportunity.save(update_fields=["status"])
    return item


def share(journey: JourneyMap) -> str:
    """Gives the map a new read-only share link (an unguessable token); an older link stops working."""
    journey.share_token = secrets.token_urlsafe(32)
    journey.save(update_fields=["share_token", "updated_at"])
    return journey.share_token


def revoke_share(journey: JourneyMap) -> None:
    journey.share_token = ""
    journey.save(update_fields=["share_token", "updated_at"])


LANES = ["name", "process", "other_organisation", "other_unit_id", "does", "thinks", "feels", "channel", "touchpoint"]
LANES += ["backstage", "measured_touchpoints"]


@transaction.atomic
def copy_as_future(journey: JourneyMap, user) -> JourneyMap:
    """A future-state map copied from `journey`: its phases, steps, lanes and emotions, each step
    remembering the step it came from so that the copy shows the as-is values beside the to-be.
    Pain points and opportunities stay on the original."""
    copy = JourneyMap.objects.create(
        service=journey.service,
        life_event=journey.life_event,
        title=(_("%(title)s (future state)") % {"title": journey.title})[:200],
        description=journey.description,
        owner=user,
        persona=journey.persona,
        kind=JourneyMap.Kind.FUTURE,
        status=JourneyMap.Status.DRAFT,
        based_on=journey,
    )
    for phase in journey.phases.prefetch_related("steps__emotions"):
        steps = list(phase.steps.all())
        phase.pk, phase.journey = None, copy
        phase.save()
        for step in steps:
            emotions = [(emotion.persona_id, emotion.score) for emotion in step.emotions.all()]
            new = Step(phase=phase, service_id=copy.service_id, position=step.position, based_on=step, updated_by=user)
            for lane in LANES:
                setattr(new, lane, getattr(step, lane))
            new.save()
            Emotion.objects.bulk_create(
                Emotion(step=new, persona_id=persona, score=score) for persona, score in emotions
            )
    return copy
