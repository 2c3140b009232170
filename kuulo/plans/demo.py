"""The demo's development plan: the Housing Support unit's plan for its housing benefit services.

Short- and long-term goals on the demo's real metrics (the redesigned housing
allowance form meets its usability target; trust across the unit's services
does not yet), actions linked to the demo backlog's items, and three
checkpoints of the management team: one held, two ahead.

Idempotent: the plan is found by unit and title; its goals, actions and
checkpoints are written once and left as they are on later runs.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kuulo.backlog.models import BacklogItem
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service, Unit
from kuulo.plans.models import Checkpoint, Goal, Plan

TITLE = "Asumisen tukien kehittämissuunnitelma 2026–2027"
UNIT = "Housing Support"
# The backlog's own demo items (kuulo.demo.backlog and board_demo) that serve the plan.
ACTIONS = {
    "housing-allowance-online": [
        "Asumistuen hakulomakkeen uudistus",
        "Hakemuksen käsittelyaika-arvio etusivulle",
        "Liitteiden koko- ja muotovaatimukset näkyviin lomakkeelle",
        "Keskeneräisen hakemuksen automaattinen tallennus",
        "Selkeämmät ohjeet tulotietojen ilmoittamiseen",
        "Lomakkeen virheilmoitukset selkeämmiksi",
        "Tulotietojen haku tulorekisteristä",
    ],
    "decision-letters": [
        "Selkokielinen kirjepohja",
        "Päätöskirjeen alkuun tiivistelmä",
        "Tukilaskelman avaaminen esimerkillä",
    ],
}
ATTENDEES = ["admin", "owner", "viewer", "team"]


def _metric(code: str) -> Metric | None:
    return Metric.objects.filter(code=code, is_active=True).order_by("-version").first()


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@transaction.atomic
def load_demo_plan(today: datetime.date | None = None) -> Plan | None:
    unit = Unit.objects.filter(name_en=UNIT).first()
    if unit is None:
        return None
    today = today or timezone.localdate()
    users = {user.username: user for user in get_user_model().objects.filter(username__in=ATTENDEES)}
    plan, created = Plan.objects.get_or_create(
        unit=unit,
        title=TITLE,
        defaults={
            "responsible_team": "Asumisen tukien johtoryhmä ja palvelujen tuoteomistajat",
            "owner": users.get("owner"),
            "starts_on": today - datetime.timedelta(days=75),
            "ends_on": today + datetime.timedelta(days=455),
        },
    )
    if not created:
        return plan
    services = {service.slug: service for service in Service.objects.filter(slug__in=ACTIONS)}
    allowance = services.get("housing-allowance-online")
    goals = [
        # Met: the redesigned application form scores about 79 on UMUX-Lite.
        ("short", "Hakulomakkeen käytettävyys (UMUX-Lite) vähintään 70.", "umux_lite", allowance, 70, 120),
        # Not met yet: trust across the unit's services stays in the 70s.
        ("short", "Luottamus virastoon vähintään 85 % kaikissa yksikön palveluissa.", "trust", None, 85, 250),
        ("long", "Asumistuen verkkohakemuksen tyytyväisyys vähintään 85 %.", "csat", allowance, 85, 450),
        ("long", "Asumisen tuen voi hoitaa alusta loppuun verkossa ilman puhelua.", None, None, None, None),
    ]
    for term, text, code, service, level, days in goals:
        metric = _metric(code) if code else None
        Goal.objects.create(
            plan=plan,
            term=term,
            text=text,
            metric=metric,
            service=service if metric else None,
            target_level=level if metric else None,
            target_date=today + datetime.timedelta(days=days) if metric else None,
        )
    items = [
        item
        for slug, titles in ACTIONS.items()
        for item in BacklogItem.objects.filter(service=services.get(slug), title__in=titles)
    ]
    plan.actions.set(items)
    people = [users[name] for name in ATTENDEES if name in users]
    checkpoints = [
        ("Aloituskatselmointi", -35, 13, "Neuvotteluhuone Asumistuki, 3. krs", "Tavoitteet hyväksyttiin."),
        ("Johtoryhmän välikatselmointi", 9, 10, "Neuvotteluhuone Asumistuki, 3. krs / Teams", ""),
        ("Vuosikatselmointi", 100, 9, "Pääkonttori, kokoushuone Kuulo", ""),
    ]
    for title, days, hour, place, notes in checkpoints:
        checkpoint = Checkpoint.objects.create(
            plan=plan,
            title=title,
            starts_at=_at(today + datetime.timedelta(days=days), hour),
            duration_minutes=90,
            location=place,
            notes=notes,
        )
        checkpoint.attendees.set(people)
    return plan
