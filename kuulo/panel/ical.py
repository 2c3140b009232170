"""A booked session as an iCalendar invitation (RFC 5545), written like kuulo.plans.ical: the
icalendar library, times in UTC, a stable UID per booking and METHOD:REQUEST so calendar
programs offer to add it. The member and the study's staff get the same event."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from kuulo.panel.models import Participation

PRODID = "-//Kuulo//Customer panel//EN"


def session_uid(participation: Participation, host: str) -> str:
    return f"panel-session-{participation.pk}@{host.split(':')[0]}"


def session_calendar(participation: Participation, host: str, organiser_email: str) -> bytes:
    slot, study, member = participation.slot, participation.study, participation.member
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "REQUEST")
    event = Event()
    start = slot.starts_at.astimezone(datetime.UTC)
    event.add("uid", session_uid(participation, host))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC).replace(microsecond=0))
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=slot.duration_minutes))
    event.add("sequence", 0)
    event.add("summary", f"{study.title} – {study.service.name}")
    if slot.location:
        event.add("location", slot.location)
    if study.description:
        event.add("description", study.description)
    event.add("status", "CANCELLED" if participation.status == Participation.Status.CANCELLED else "CONFIRMED")
    organiser = vCalAddress(f"mailto:{organiser_email}")
    organiser.params["cn"] = vText(study.service.name)
    event.add("organizer", organiser, encode=0)
    people = [(member.email, member.name)] + [
        (person.email, person.get_full_name() or person.get_username()) for person in study.staff.all() if person.email
    ]
    for email, name in people:
        if not email:
            continue
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["cn"] = vText(name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("ACCEPTED")
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical()
