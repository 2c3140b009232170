"""Badges and points, earned from real work and never from clicks alone.

A badge rule is registered once, by the app whose event earns it; the app
then calls `award` from that event (a signal receiver, an action). A badge
therefore exists only when its event happened. The games register their own
rules below; the customer panel ("panel-study-run") and the playbook's
sparring ("sparring-help-given") add theirs the same way:

    from kuulo.games.badges import BadgeRule, award, register_badge
    register_badge(BadgeRule("panel-study-run", _("Panel study run"), _("…"), points=20))
    award(study.owner, "panel-study-run", unit=study.service.unit, source=f"study:{study.pk}")
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kuulo.games.models import Badge
from kuulo.organisation.models import Unit


@dataclass(frozen=True)
class BadgeRule:
    code: str
    name: str | Promise
    description: str | Promise
    points: int
    symbol: str = "★"  # decorative; the name always stands beside it


RULES: dict[str, BadgeRule] = {}


def register_badge(rule: BadgeRule) -> BadgeRule:
    RULES[rule.code] = rule
    return rule


def rule_of(code: str) -> BadgeRule | None:
    return RULES.get(code)


def award(user, code: str, *, key: str = "", unit: Unit | None = None, source: str = "") -> Badge | None:
    """The badge `code` for `user` (once per key); None when they already have it or there is no one to award."""
    if user is None or not getattr(user, "pk", None):
        return None
    rule = RULES[code]  # an unregistered rule is a programming error
    if Badge.objects.filter(user=user, code=code, key=key).exists():
        return None
    try:
        with transaction.atomic():
            badge = Badge.objects.create(user=user, code=code, key=key, unit=unit, points=rule.points, source=source)
    except IntegrityError:  # earned at the same moment by another request
        return None
    from kuulo.games.signals import badge_awarded

    badge_awarded.send(sender=Badge, badge=badge)
    return badge


FIRST_INSIGHT = register_badge(
    BadgeRule(
        "first-insight-with-evidence",
        _("Insight with evidence"),
        _("Wrote an insight that has evidence linked to it."),
        points=10,
    )
)
FIRST_EFFECT = register_badge(
    BadgeRule(
        "first-effect-verified",
        _("Effect verified"),
        _("Verified the effect of a change with the metric it was meant to move."),
        points=20,
    )
)
FIRST_WE_DID = register_badge(
    BadgeRule(
        "first-we-did",
        _("“We did” published"),
        _("Told customers on the public page what was changed because of their feedback."),
        points=15,
    )
)
FIRST_JOURNEY = register_badge(
    BadgeRule(
        "first-journey-mapped",
        _("Journey mapped"),
        _("Mapped a customer journey."),
        points=15,
    )
)
QUIZ_PASSED = register_badge(BadgeRule("quiz-passed", _("Quiz passed"), _("Passed a quiz."), points=5))
