"""The events of real work that earn the games' own badges (connected in GamesConfig.ready)."""

from django.db.models.signals import post_save

from kuulo.backlog.models import BacklogItem, ItemChange
from kuulo.games import badges
from kuulo.games.models import Attempt
from kuulo.games.signals import quiz_finished
from kuulo.insights.models import Insight
from kuulo.journeys.models import JourneyMap
from kuulo.traceability.models import Link


def evidence_linked(sender, instance: Link, created: bool, raw: bool = False, **kwargs) -> None:
    """Evidence linked to an insight: its author earns the badge (or whoever linked it)."""
    if not created or raw or instance.target_kind != "insight":
        return
    insight = Insight.objects.filter(pk=instance.target_id).select_related("service__unit").first()
    if insight is None:
        return
    badges.award(
        insight.created_by or instance.added_by,
        badges.FIRST_INSIGHT.code,
        unit=insight.service.unit,
        source=f"insight:{insight.pk}",
    )


def item_changed(sender, instance: ItemChange, created: bool, raw: bool = False, **kwargs) -> None:
    """An item's effect verified, or its "we did" published: the person who did it earns the badge."""
    if not created or raw:
        return
    if instance.field == "status" and instance.new == BacklogItem.Status.VERIFIED:
        code = badges.FIRST_EFFECT.code
    elif instance.field == "published" and instance.new == "1":
        code = badges.FIRST_WE_DID.code
    else:
        return
    item = BacklogItem.objects.select_related("service__unit").get(pk=instance.item_id)
    badges.award(instance.changed_by, code, unit=item.service.unit, source=f"item:{item.pk}")


def journey_created(sender, instance: JourneyMap, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    badges.award(instance.owner, badges.FIRST_JOURNEY.code, unit=instance.service.unit, source=f"journey:{instance.pk}")


def quiz_done(sender, attempt: Attempt, **kwargs) -> None:
    if not attempt.passed:
        return
    from kuulo.games.access import units_of

    badges.award(
        attempt.user,
        badges.QUIZ_PASSED.code,
        key=attempt.quiz.slug,
        unit=units_of(attempt.user).first(),
        source=f"attempt:{attempt.pk}",
    )


def connect() -> None:
    post_save.connect(evidence_linked, sender=Link, dispatch_uid="games-evidence-linked")
    post_save.connect(item_changed, sender=ItemChange, dispatch_uid="games-item-changed")
    post_save.connect(journey_created, sender=JourneyMap, dispatch_uid="games-journey-created")
    quiz_finished.connect(quiz_done, dispatch_uid="games-quiz-done")
