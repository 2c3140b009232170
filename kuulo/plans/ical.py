"""A plan's checkpoints as an iCalendar feed (RFC 5545) that calendar programs subscribe to.

The icalendar library writes the text: CRLF line endings, lines folded at 75
octets, escaped values. Times are written in UTC (the "Z" form), which every
calendar program shows in its own time zone, so no VTIMEZONE is needed.
Each checkpoint keeps its UID (checkpoint-<id>@<host>) and raises SEQUENCE on
every change, so calendars update the event instead of adding a new one.
Which checkpoints a feed lists is chosen by kuulo.plans.queries.calendar_checkpoints.
"""

import datetime
from collections.abc import Callable, Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vDuration, vText

from kuulo.plans.models import Checkpoint, Plan

PRODID = "-//Kuulo//Development plans//EN"


def checkpoint_uid(checkpoint: Checkpoint, host: str) -> str:
    return f"checkpoint-{checkpoint.pk}@{host.split(':')[0]}"


def plan_calendar(
    plan: Plan, checkpoints: Iterable[Checkpoint], host: str, report_url: Callable[[Checkpoint], str]
) -> bytes:
    """The VCALENDAR of one plan's checkpoints; `report_url(checkpoint)` gives each report's full address."""
    description = _("Checkpoints of the development plan %(plan)s") % {"plan": plan.title}
    return checkpoint_calendar(plan.title, description, checkpoints, host, report_url)


def checkpoint_calendar(
    name: str, description: str, checkpoints: Iterable[Checkpoint], host: str, report_url: Callable[[Checkpoint], str]
) -> bytes:
    """The VCALENDAR `name` of `checkpoints` (with their plan and attendees loaded), of one plan or
    of one person's. A checkpoint has the same UID in every feed that lists it."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", description)
    # How often subscribers should fetch again: RFC 7986, and the older name Outlook reads.
    calendar.add("refresh-interval", vDuration(datetime.timedelta(hours=1)), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(datetime.timedelta(hours=1)))
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for checkpoint in checkpoints:
        calendar.add_component(checkpoint_event(checkpoint, checkpoint.plan, host, stamp, report_url(checkpoint)))
    return calendar.to_ical()


def checkpoint_event(checkpoint: Checkpoint, plan: Plan, host: str, stamp: datetime.datetime, url: str) -> Event:
    event = Event()
    start = checkpoint.starts_at.astimezone(datetime.UTC)
    event.add("uid", checkpoint_uid(checkpoint, host))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=checkpoint.duration_minutes))
    event.add("sequence", checkpoint.sequence)
    event.add("summary", f"{checkpoint.title} – {plan.title}")
    if checkpoint.location:
        event.add("location", checkpoint.location)
    lines = [_("Development plan: %(plan)s") % {"plan": plan.title}, _("Report: %(url)s") % {"url": url}]
    if checkpoint.notes:
        lines += ["", checkpoint.notes]
    event.add("description", "\n".join(lines))
    event.add("url", url)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    for person in checkpoint.attendees.all():
        if not person.email:
            continue
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.get_full_name() or person.get_username())
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        event.add("attendee", attendee, encode=0)
    return event
