"""What the demo's customers feel, service by service and day by day.

Each respondent has a latent satisfaction drawn around the service's level on
that day; every answer they give is that latent value plus the metric's own
offset and some noise, cut into the metric's scale. So one person's answers
agree with each other the way real answers do, and the stories the
dashboards should show are written here as levels that change over time:

- the housing allowance online application improves clearly after its
  redesign about three months ago (CSAT ~68 % → ~84 %, ease up);
- the advice line degrades over the last two months (long queues: CES,
  efficiency and CSAT down, staff still friendly); earlier, a four-week
  callback trial made it easier (CES and efficiency up, CALLBACK_TRIAL);
- the building permit service is steady but below its target;
- the chat is high, except when the chatbot answers;
- decision letters are low on ease (complex language) but improving slowly.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import NormalDist

REDESIGN_DAYS_AGO = 92  # housing allowance: the new application went live
QUEUE_DAYS_AGO = 60  # advice line: queues started to grow
CALLBACK_TRIAL = (150, 123)  # advice line: days ago a callback booking was tried (an experiment), first to last

NOISE = 0.6  # per answer, on top of the respondent's latent satisfaction
SPREAD = (1 + NOISE**2) ** 0.5

# Cut points on the latent scale; a value is the scale minimum plus the number
# of cut points below it. Each scale's "positive" boundary sits at 0, so a
# latent mean of SPREAD × Φ⁻¹(p) gives a top-box share of p.
CUTS = {
    5: [-1.5, -0.8, 0.0, 1.0],
    7: [-1.8, -1.2, -0.6, 0.0, 0.7, 1.4],
    11: [-2.6, -2.2, -1.8, -1.4, -1.0, -0.6, -0.1, 0.45, 0.95, 1.6],
    2: [-0.7],
}

# Hours of the day (local time) when answers arrive, as weights per hour.
OFFICE = {8: 2, 9: 4, 10: 5, 11: 5, 12: 4, 13: 5, 14: 5, 15: 4}
ONLINE = {
    7: 1,
    8: 3,
    9: 5,
    10: 6,
    11: 6,
    12: 6,
    13: 6,
    14: 6,
    15: 5,
    16: 5,
    17: 4,
    18: 4,
    19: 4,
    20: 4,
    21: 3,
    22: 2,
    23: 1,
}
CHAT = {**dict.fromkeys(range(8, 16), 5), 16: 3, 17: 2, 18: 2, 19: 2, 20: 2, 21: 1}
MAIL = {hour: 2 if 9 <= hour <= 21 else 1 for hour in range(7, 23)}

# Seasonal volume: people apply less in summer, especially in July.
MONTHS = {1: 1.1, 2: 1.05, 3: 1.05, 4: 1.0, 5: 0.95, 6: 0.8, 7: 0.5, 8: 0.85, 9: 1.05, 10: 1.05, 11: 1.0, 12: 0.75}

GROUPS = {"private-person": 0.82, "business": 0.1, "organisation": 0.08}


def latent(share: float) -> float:
    """The latent mean that gives a top-box share of `share`."""
    return SPREAD * NormalDist().inv_cdf(share)


def ramp(days_ago: int, start: int, end: int, before: float, after: float) -> float:
    """`before` until `start` days ago, `after` from `end` days ago, linear between."""
    if days_ago >= start:
        return before
    if days_ago <= end:
        return after
    return before + (after - before) * (start - days_ago) / (start - end)


@dataclass(frozen=True)
class Profile:
    weekday: float  # responses on an ordinary weekday, full scale
    weekend: float
    hours: dict[int, int]
    csat: Callable[[int], float]  # days ago -> share of satisfied (4–5)
    offsets: Callable[[int], dict[str, float]] = lambda days_ago: {}  # metric -> latent shift
    touchpoints: dict[str, tuple[float, float]] = field(default_factory=dict)  # name -> (weight, shift)
    groups: dict[str, float] = field(default_factory=lambda: GROUPS)
    response_rate: float = 0.05  # of widget displays
    seasonal: bool = True


def _housing_offsets(days_ago: int) -> dict[str, float]:
    ease = ramp(days_ago, REDESIGN_DAYS_AGO, REDESIGN_DAYS_AGO - 14, -0.35, 0.2)
    return {"ease": ease, "umux_lite": ease, "efficiency": ease / 2, "found": 0.3, "nps": -0.1}


def _advice_offsets(days_ago: int) -> dict[str, float]:
    queue = ramp(days_ago, QUEUE_DAYS_AGO, 20, 0.0, -0.55)
    # During the callback trial nobody had to wait on the line: handling the issue felt easier.
    trial = 0.5 if CALLBACK_TRIAL[1] <= days_ago <= CALLBACK_TRIAL[0] else 0.0
    return {"ces": queue + trial, "efficiency": queue - 0.1 + trial, "helpfulness": 0.35 - queue * 0.8, "trust": -0.1}


def _letter_offsets(days_ago: int) -> dict[str, float]:
    return {"ease": ramp(days_ago, 270, 0, -0.95, -0.8), "effectiveness": -0.2, "fairness": 0.15}


PROFILES: dict[str, Profile] = {
    "housing-allowance-online": Profile(
        weekday=38,
        weekend=18,
        hours=ONLINE,
        csat=lambda d: ramp(d, REDESIGN_DAYS_AGO, REDESIGN_DAYS_AGO - 14, 0.68, 0.84),
        offsets=_housing_offsets,
        touchpoints={"application-form": (0.6, 0.0), "attachments": (0.25, -0.25), "application-status": (0.15, 0.1)},
        groups={"private-person": 0.97, "organisation": 0.03},
        response_rate=0.06,
    ),
    "advice-line": Profile(
        weekday=40,
        weekend=0,
        hours=OFFICE,
        csat=lambda d: ramp(d, QUEUE_DAYS_AGO, 20, 0.81, 0.61),
        offsets=_advice_offsets,
        touchpoints={"phone-call": (0.7, 0.0), "phone-queue": (0.2, -0.2), "callback": (0.1, 0.15)},
        response_rate=0.04,
    ),
    "service-point": Profile(
        weekday=16,
        weekend=0,
        hours=OFFICE,
        csat=lambda d: 0.86,
        offsets=lambda d: {"helpfulness": 0.3, "efficiency": -0.15, "nps": -0.1},
        touchpoints={"front-desk": (0.6, 0.05), "ticket-queue": (0.15, -0.3), "appointment": (0.25, 0.15)},
        groups={"private-person": 0.9, "business": 0.06, "organisation": 0.04},
        response_rate=0.04,
    ),
    "building-permit": Profile(
        weekday=9,
        weekend=1.5,
        hours=ONLINE,
        csat=lambda d: 0.66,
        offsets=lambda d: {"efficiency": -0.45, "ces": -0.2, "fairness": 0.25, "found": -0.1, "nps": -0.3},
        touchpoints={
            "permit-application": (0.45, -0.05),
            "permit-advice": (0.25, 0.25),
            "inspection": (0.15, 0.15),
            "decision": (0.15, -0.2),
        },
        groups={"private-person": 0.55, "business": 0.35, "organisation": 0.1},
        response_rate=0.05,
    ),
    "renovation-grant": Profile(
        weekday=5,
        weekend=1,
        hours=ONLINE,
        csat=lambda d: 0.74,
        offsets=lambda d: {"ease": -0.2, "umux_lite": -0.15},
        touchpoints={"application-form": (0.55, 0.0), "attachments": (0.2, -0.2), "decision": (0.25, 0.05)},
        groups={"private-person": 0.5, "business": 0.1, "organisation": 0.4},
        response_rate=0.07,
    ),
    "chat-advice": Profile(
        weekday=22,
        weekend=8,
        hours=CHAT,
        csat=lambda d: 0.93,
        offsets=lambda d: {"helpfulness": 0.2, "nps": 0.1},
        touchpoints={"chat-agent": (0.75, 0.15), "chatbot": (0.25, -0.75)},
        response_rate=0.075,
    ),
    "decision-letters": Profile(
        weekday=4,
        weekend=1.5,
        hours=MAIL,
        csat=lambda d: ramp(d, 270, 0, 0.66, 0.71),
        offsets=_letter_offsets,
        touchpoints={"decision": (0.6, 0.0), "letter-paper": (0.25, -0.15), "e-message": (0.15, 0.1)},
        response_rate=0.04,
    ),
    "appointment-booking": Profile(
        weekday=15,
        weekend=4,
        hours=ONLINE,
        csat=lambda d: 0.83,
        offsets=lambda d: {"ease": 0.2, "efficiency": 0.1, "found": 0.2},
        touchpoints={"booking-calendar": (0.6, 0.0), "confirmation": (0.25, 0.2), "rescheduling": (0.15, -0.3)},
        response_rate=0.05,
    ),
    "housing-advice-email": Profile(
        weekday=6,
        weekend=1,
        hours=MAIL,
        csat=lambda d: 0.78,
        offsets=lambda d: {"efficiency": -0.3, "ces": -0.1, "helpfulness": 0.25},
        touchpoints={"email-reply": (0.85, 0.0), "follow-up": (0.15, -0.1)},
        response_rate=0.04,
    ),
}

LANGUAGES = {"fi": 0.87, "sv": 0.1, "en": 0.03}
# Swedish and English pages lag a little behind the Finnish ones.
LANGUAGE_SHIFT = {"fi": 0.0, "sv": -0.08, "en": -0.15}
GROUP_SHIFT = {"private-person": 0.0, "business": -0.1, "organisation": 0.05}
