"""Swarm meetings and community meetups as iCalendar feeds, written as kuulo.plans.ical writes the
plans' checkpoints: times in UTC, a stable UID per event and a SEQUENCE raised on change. A
community's meetups are one recurring event (an RRULE)."""

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from kuulo.network.swarm_models import Community, Swarm, SwarmMeeting

PRODID = "-//Kuulo//Developer network//EN"


def _calendar(name: str, description: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", vDuration(datetime.timedelta(hours=1)), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(datetime.timedelta(hours=1)))
    return calendar


def _stamp() -> datetime.datetime:
    return timezone.now().astimezone(datetime.UTC).replace(microsecond=0)


def swarm_calendar(swarm: Swarm, meetings: Iterable[SwarmMeeting], host: str, url: str) -> bytes:
    calendar = _calendar(swarm.title, _("Meetings of the swarm %(swarm)s") % {"swarm": swarm.title})
    stamp = _stamp()
    for meeting in meetings:
        start = meeting.starts_at.astimezone(datetime.UTC)
        event = Event()
        event.add("uid", f"swarm-meeting-{meeting.pk}@{host.split(':')[0]}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + datetime.timedelta(minutes=meeting.duration_minutes))
        event.add("sequence", meeting.sequence)
        event.add("summary", swarm.title)
        if meeting.location:
            event.add("location", meeting.location)
        event.add("description", "\n\n".join(part for part in (swarm.goal, meeting.agenda, url) if part))
        event.add("url", url)
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()


def community_calendar(community: Community, host: str, url: str) -> bytes:
    calendar = _calendar(community.name, _("Meetups of the community %(name)s") % {"name": community.name})
    start = community.first_meetup.astimezone(datetime.UTC)
    event = Event()
    event.add("uid", f"community-{community.pk}@{host.split(':')[0]}")
    event.add("dtstamp", _stamp())
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=community.duration_minutes))
    event.add("rrule", {"FREQ": community.frequency, "INTERVAL": community.interval})
    event.add("sequence", community.sequence)
    event.add("summary", community.name)
    if community.location:
        event.add("location", community.location)
    event.add("description", f"{community.description}\n\n{url}")
    event.add("url", url)
    event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


def meetups(community: Community, *, before: int = 3, after: int = 5) -> tuple[list, list]:
    """The last `before` meetups held and the next `after`, as aware datetimes."""
    from dateutil.rrule import MONTHLY, WEEKLY, rrule

    frequency = WEEKLY if community.frequency == Community.Frequency.WEEKLY else MONTHLY
    now = timezone.now()
    rule = rrule(frequency, interval=community.interval, dtstart=community.first_meetup)
    past = list(rule.between(now - datetime.timedelta(days=400), now, inc=True))[-before:]
    upcoming = []
    for moment in rule.xafter(now):
        upcoming.append(moment)
        if len(upcoming) == after:
            break
    return past, upcoming
