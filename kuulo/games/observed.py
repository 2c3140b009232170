"""The observed level: what a unit's services actually do in Kuulo, as a level 1–5 per dimension.

Beside the level people believe they are at, this shows the level their work
in Kuulo points to, so a unit sees where it believes more than it practises.
Each rule reads the unit's services (those directly under the unit) over the
last 365 days and is registered for a dimension code; a dimension with a code
no rule knows has no observed level. The rules, also in docs/games.md:

- insight: share of backlog items created in the period (dismissed ones left
  out) that have at least one piece of evidence linked (a comment, an
  insight, a pain point …).
- metrics: share of items done in the period whose effect was verified.
- co_development: customer journey maps made or updated, and "we did"
  entries published (items done in the period and shown on the public page).
- leadership: share of the measurable goals in the unit's and its services'
  plans in force that have met their target (goals
  with too few answers to tell are left out).
- ways_of_working: retrospectives held in the period, and the share of their
  actions that are done.

Shares become levels at 10 %, 30 %, 55 % and 80 % (below 10 % is level 1,
80 % or more level 5). Counts become levels as each rule says. No activity
at all to measure gives no level ("nothing to observe yet"), not level 1.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kuulo.backlog.models import BacklogItem
from kuulo.board.models import Retro
from kuulo.journeys.models import JourneyMap
from kuulo.lib.templatetags.figures import format_percent
from kuulo.organisation.models import Service, Unit
from kuulo.plans import queries as plan_queries
from kuulo.plans.models import Plan
from kuulo.traceability.models import Link

WINDOW = timedelta(days=365)
SHARE_STEPS = (0.10, 0.30, 0.55, 0.80)
FINISHED = (BacklogItem.Status.DONE, BacklogItem.Status.VERIFIED)


@dataclass
class Observation:
    level: int | None  # None: nothing to observe yet
    facts: str  # the figures behind the level, in a sentence


Rule = Callable[[list[int], date], Observation]
RULES: dict[str, Rule] = {}


def register(code: str) -> Callable[[Rule], Rule]:
    def add(rule: Rule) -> Rule:
        RULES[code] = rule
        return rule

    return add


def level_of_share(share: float) -> int:
    return 1 + sum(share >= step for step in SHARE_STEPS)


def share_text(part: int, whole: int) -> str:
    return _("%(part)s of %(whole)s (%(share)s)") % {
        "part": part,
        "whole": whole,
        "share": format_percent(part * 100 / whole),
    }


@register("insight")
def items_with_evidence(service_ids: list[int], today: date) -> Observation:
    since = timezone.now() - WINDOW
    items = BacklogItem.objects.filter(service_id__in=service_ids, created_at__gte=since).exclude(
        status=BacklogItem.Status.DISMISSED
    )
    total = items.count()
    if not total:
        return Observation(None, _("No backlog items in the last 12 months."))
    linked = set(
        Link.objects.filter(target_kind="item", target_id__in=items.values("pk")).values_list("target_id", flat=True)
    )
    return Observation(
        level_of_share(len(linked) / total),
        _("Backlog items with evidence: %(share)s.") % {"share": share_text(len(linked), total)},
    )


@register("metrics")
def effects_verified(service_ids: list[int], today: date) -> Observation:
    done = BacklogItem.objects.filter(service_id__in=service_ids, status__in=FINISHED, done_at__gte=today - WINDOW)
    figures = done.aggregate(total=Count("pk"), verified=Count("pk", filter=Q(status=BacklogItem.Status.VERIFIED)))
    if not figures["total"]:
        return Observation(None, _("No items done in the last 12 months."))
    return Observation(
        level_of_share(figures["verified"] / figures["total"]),
        _("Done items whose effect was verified: %(share)s.")
        % {"share": share_text(figures["verified"], figures["total"])},
    )


@register("co_development")
def journeys_and_we_did(service_ids: list[int], today: date) -> Observation:
    since = timezone.now() - WINDOW
    journeys = JourneyMap.objects.filter(service_id__in=service_ids, updated_at__gte=since).count()
    published = BacklogItem.objects.filter(
        service_id__in=service_ids, published=True, done_at__gte=today - WINDOW
    ).count()
    if not journeys and not published:
        return Observation(None, _("No journey maps and no published “we did” entries in the last 12 months."))
    level = 1 + (journeys >= 1) + (journeys >= 3) + (published >= 1) + (published >= 5)
    return Observation(
        min(level, 5),
        _("Journey maps made or updated: %(journeys)s. “We did” entries published: %(published)s.")
        % {"journeys": journeys, "published": published},
    )


@register("leadership")
def targets_met(service_ids: list[int], today: date) -> Observation:
    unit_ids = Service.objects.filter(pk__in=service_ids).values("unit_id")
    plans = Plan.objects.filter(
        Q(unit_id__in=unit_ids) | Q(service_id__in=service_ids),
        archived_at__isnull=True,
        starts_on__lte=today,
        ends_on__gte=today - WINDOW,
    )
    statuses = [
        figure.status
        for plan in plans
        for figure in plan_queries.goal_figures(plan, today, trends=False)
        if figure.measurable and figure.status != plan_queries.CANNOT_TELL
    ]
    if not statuses:
        return Observation(None, _("No measurable goals in development plans in force."))
    met = statuses.count(plan_queries.MET)
    return Observation(
        level_of_share(met / len(statuses)),
        _("Measurable goals that met their target: %(share)s.") % {"share": share_text(met, len(statuses))},
    )


@register("ways_of_working")
def retros_and_actions(service_ids: list[int], today: date) -> Observation:
    retros = Retro.objects.filter(service_id__in=service_ids, held_on__gte=today - WINDOW, held_on__lte=today)
    held = retros.count()
    if not held:
        return Observation(None, _("No retrospectives in the last 12 months."))
    actions = BacklogItem.objects.filter(retro__in=retros).exclude(status=BacklogItem.Status.DISMISSED)
    figures = actions.aggregate(total=Count("pk"), done=Count("pk", filter=Q(status__in=FINISHED)))
    level = 2 + (held >= 4)
    if figures["total"]:
        share = figures["done"] / figures["total"]
        level += (share >= 0.5) + (share >= 0.8)
        actions_text = share_text(figures["done"], figures["total"])
    else:
        actions_text = "–"
    return Observation(
        min(level, 5),
        _("Retrospectives held: %(held)s. Their actions done: %(actions)s.") % {"held": held, "actions": actions_text},
    )


def observe(unit: Unit, codes: list[str], today: date | None = None) -> dict[str, Observation]:
    """The observed level for each dimension code that has a rule."""
    today = today or timezone.localdate()
    service_ids = list(Service.objects.filter(unit=unit).values_list("pk", flat=True))
    return {code: RULES[code](service_ids, today) for code in codes if code in RULES}
